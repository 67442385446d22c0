// A PyTorch script that carries a run out of the page: the same network (layers, activations
// with their alphas, every weight), the same data (the rows the network is fed, features
// included), the same loss, penalty and optimizer with its state (momentum or Adam moments,
// step count), and the same batch order (the core's PCG32 and shuffle, ported), so it
// continues training where the page stands. Pure: it only writes text.
//
// What cannot be the same: float operations happen in another order (results drift in the
// last bits, then further), and RReLU draws its training noise from PyTorch's generator.
// The script says so at its top.
import type { LayerLayout, RunExport } from '../run/protocol';

interface ModelLayer {
  units: number;
  activation: string;
  alpha?: number;
  lower?: number;
  upper?: number;
  weights: number[];
  bias: number[];
  prelu_alpha?: number[];
}

interface Model {
  inputs: number;
  loss: 'mse' | 'bce' | 'softmax_ce';
  input_names?: string[];
  layers: ModelLayer[];
}

interface Config {
  optimizer: {
    kind: 'sgd' | 'momentum' | 'adam';
    lr: number;
    momentum: number;
    nesterov: boolean;
    beta1: number;
    beta2: number;
    eps: number;
  };
  regularization: { l1: number; l2: number; prelu_alpha: boolean };
  training: { batch_size: number; eval_every: number; shuffle: boolean };
}

export interface ScriptMeta {
  /** The page's version. */
  version: string;
  /** The page's link of the run. */
  link: string;
}

/** The shortest decimal that reads back as the same float32. */
export function f32(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  if (Object.is(x, -0)) return '-0.0';
  for (let p = 1; p <= 9; p++) {
    const n = Number(x.toPrecision(p));
    if (Math.fround(n) === x) return String(n);
  }
  return String(x);
}

const list = (xs: ArrayLike<number>): string => `[${Array.from(xs, f32).join(',')}]`;

/** Rows of `width` numbers as a Python list of lists. */
function rows(xs: Float32Array, width: number): string {
  const out: string[] = [];
  for (let i = 0; i < xs.length; i += width) out.push(list(xs.subarray(i, i + width)));
  return out.length === 0 ? '[]' : `[\n    ${out.join(',\n    ')},\n]`;
}

/** Python source for the activation of a hidden layer, given its index and layout. */
function activationCode(l: ModelLayer, i: number): string {
  const a = (x: number | undefined): string => f32(x ?? 0);
  switch (l.activation) {
    case 'linear':
      return 'z';
    case 'relu':
      return 'F.relu(z)';
    case 'leaky_relu':
      return `F.leaky_relu(z, ${a(l.alpha)})`;
    case 'prelu':
      return `self.prelu[${JSON.stringify(String(i))}](z)`;
    case 'rrelu':
      return `F.rrelu(z, ${a(l.lower)}, ${a(l.upper)}, training=self.training)`;
    case 'elu':
      return `F.elu(z, ${a(l.alpha)})`;
    case 'selu':
      return 'F.selu(z)';
    case 'gelu':
      return 'F.gelu(z)';
    case 'gelu_tanh':
      return "F.gelu(z, approximate='tanh')";
    case 'silu':
      return 'F.silu(z)';
    case 'tanh':
      return 'torch.tanh(z)';
    case 'sigmoid':
      return 'torch.sigmoid(z)';
    default:
      throw new Error(`no PyTorch counterpart for the activation ${l.activation}`);
  }
}

const LOSS: Record<Model['loss'], string> = {
  mse: 'F.mse_loss(out, y)',
  bce: 'F.binary_cross_entropy_with_logits(out, y)',
  softmax_ce: 'F.cross_entropy(out, y[:, 0].long())',
};

/** The script (Python 3.9+, PyTorch 2.x). */
export function pytorchScript(run: RunExport, meta: ScriptMeta): string {
  const model = JSON.parse(run.model) as Model;
  const config = JSON.parse(run.config) as Config;
  const layout = run.layout;
  const inputs = layout.inputs;
  const outputs = layout.layers[layout.layers.length - 1]?.out ?? 1;
  if (model.layers.length !== layout.layers.length)
    throw new Error('the model and the layout disagree on the layers');
  const forward = model.layers
    .slice(0, -1)
    .map((l, i) => `        z = self.linear[${i}](x)\n        x = ${activationCode(l, i)}`)
    .join('\n');
  const prelus = model.layers
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.activation === 'prelu')
    .map(
      ({ l, i }) =>
        `        self.prelu[${JSON.stringify(String(i))}] = nn.PReLU(num_parameters=${l.prelu_alpha?.length ?? 1})`,
    )
    .join('\n');
  // Where each layer's parameters sit in the core's flat block (for the optimizer's state).
  const blocks = layout.layers.map((l: LayerLayout) => ({
    w: l.w,
    b: l.b,
    in: l.in,
    out: l.out,
    alpha: l.alpha_count > 0 ? [l.alpha_offset, l.alpha_count] : null,
  }));
  const dims = model.layers.map((l, i) => [layout.layers[i]!.in, l.units]);
  const o = config.optimizer;
  const r = config.regularization;
  const t = config.training;

  return `"""Leaky Lab: this run, continued in PyTorch.

Made by Leaky Lab ${meta.version} at training step ${run.step}. The same network (every
weight, activations with their slopes), the same data (the rows the network was fed,
input features included), the same loss, penalty and optimizer state, and the same batch
order (Leaky Lab's PCG32 and shuffle, ported below), so training continues where the page
stopped. The page's link to this run is LINK below.

Not bit for bit: PyTorch orders its float operations differently, so losses drift apart in
the last digits and then further; RReLU's training noise comes from PyTorch's generator.

Run:   python3 leaky_lab_continue.py [--steps N]   (PyTorch 2.x: pip install torch)
Check: python3 leaky_lab_continue.py --describe | --advance-state N   (no PyTorch needed)
"""
import argparse
import json
import sys

LINK = ${JSON.stringify(meta.link)}
CONFIG = json.loads(${JSON.stringify(run.config)})
MODEL = json.loads(${JSON.stringify(run.model)})
STATE = json.loads(${JSON.stringify(run.state)})

INPUTS = ${inputs}
OUTPUTS = ${outputs}
INPUT_NAMES = json.loads(${JSON.stringify(JSON.stringify(layout.input_names))})
# (in, out) of every layer, hidden layers then the output layer.
LAYERS = json.loads(${JSON.stringify(JSON.stringify(dims))})
# Offsets of each layer's weights, biases and PReLU slopes in Leaky Lab's flat parameter block.
BLOCKS = json.loads(${JSON.stringify(JSON.stringify(blocks))})
TRAIN_X = ${rows(run.trainX, inputs)}
TRAIN_Y = ${rows(run.trainY, run.trainY.length / Math.max(1, run.trainX.length / inputs))}
TEST_X = ${rows(run.testX, inputs)}
TEST_Y = ${rows(run.testY, run.testY.length / Math.max(1, run.testX.length / inputs))}

BATCH = min(${t.batch_size}, len(TRAIN_X))
EVAL_EVERY = ${t.eval_every}
SHUFFLE = ${t.shuffle ? 'True' : 'False'}
L1, L2, PENALIZE_PRELU = ${f32(r.l1)}, ${f32(r.l2)}, ${r.prelu_alpha ? 'True' : 'False'}
MASK64 = (1 << 64) - 1


class PCG32:
    """Leaky Lab's PRNG (PCG32, XSH-RR), from its state."""

    def __init__(self, state, inc):
        self.state, self.inc = int(state), int(inc)

    def next_u32(self):
        old = self.state
        self.state = (old * 6364136223846793005 + self.inc) & MASK64
        xorshifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
        rot = old >> 59
        return ((xorshifted >> rot) | (xorshifted << ((32 - rot) & 31))) & 0xFFFFFFFF


def shuffle(order, rng):
    """Leaky Lab's Fisher-Yates with an unbiased bounded draw."""
    for i in range(len(order), 1, -1):
        threshold = ((1 << 32) - i) % i
        r = rng.next_u32()
        while r < threshold:
            r = rng.next_u32()
        j = r % i
        order[i - 1], order[j] = order[j], order[i - 1]


class Batches:
    """The training rows of each next step, in Leaky Lab's order."""

    def __init__(self, state):
        self.order = list(state["order"])
        self.cursor = state["cursor"]
        self.epoch = state["epoch"]
        self.rng = PCG32(state["batch_rng"]["state"], state["batch_rng"]["inc"])

    def next(self):
        m = min(BATCH, len(self.order) - self.cursor)
        rows = self.order[self.cursor:self.cursor + m]
        self.cursor += m
        if self.cursor == len(self.order):
            self.cursor = 0
            self.epoch += 1
            if SHUFFLE:
                shuffle(self.order, self.rng)
        return rows


def describe():
    print(json.dumps({"inputs": INPUTS, "outputs": OUTPUTS, "layers": LAYERS,
                      "activations": [l["activation"] for l in MODEL["layers"]],
                      "train_rows": len(TRAIN_X), "test_rows": len(TEST_X),
                      "loss": MODEL["loss"], "optimizer": CONFIG["optimizer"]["kind"],
                      "step": STATE["step"]}))


def advance_state(steps):
    b = Batches(STATE)
    for _ in range(steps):
        b.next()
    print(json.dumps({"step": STATE["step"] + steps, "epoch": b.epoch, "cursor": b.cursor,
                      "order": b.order,
                      "batch_rng": {"state": str(b.rng.state), "inc": str(b.rng.inc)}}))


def main(steps):
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    torch.set_default_dtype(torch.float32)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = nn.ModuleList(nn.Linear(i, o) for i, o in LAYERS)
            self.prelu = nn.ModuleDict()
${prelus === '' ? '            pass' : prelus.replace(/^ {8}/gm, '            ')}

        def forward(self, x):
${forward.replace(/^ {8}/gm, '            ') || '            pass'}
            return self.linear[${model.layers.length - 1}](x)

    net = Net()
    with torch.no_grad():
        for k, layer in enumerate(MODEL["layers"]):
            i, o = LAYERS[k]
            # Leaky Lab keeps W as [in x out], row-major; nn.Linear as [out x in].
            w = torch.tensor(layer["weights"]).reshape(i, o).t()
            net.linear[k].weight.copy_(w)
            net.linear[k].bias.copy_(torch.tensor(layer["bias"]))
            if "prelu_alpha" in layer:
                net.prelu[str(k)].weight.copy_(torch.tensor(layer["prelu_alpha"]))

    opt = CONFIG["optimizer"]
    if opt["kind"] == "adam":
        optimizer = torch.optim.Adam(net.parameters(), lr=opt["lr"],
                                     betas=(opt["beta1"], opt["beta2"]), eps=opt["eps"])
    else:
        optimizer = torch.optim.SGD(net.parameters(), lr=opt["lr"],
                                    momentum=opt["momentum"] if opt["kind"] == "momentum" else 0,
                                    nesterov=opt["kind"] == "momentum" and opt["nesterov"])

    # The optimizer's state, from Leaky Lab's flat block to each parameter.
    state = STATE["optimizer"]
    if state["t"] > 0 and state["m"]:
        m, v = torch.tensor(state["m"]), torch.tensor(state["v"]) if state["v"] else None

        def pieces(flat, k):
            blk, (i, o) = BLOCKS[k], LAYERS[k]
            out = [flat[blk["w"]:blk["w"] + i * o].reshape(i, o).t().contiguous(),
                   flat[blk["b"]:blk["b"] + o].clone()]
            if blk["alpha"]:
                out.append(flat[blk["alpha"][0]:blk["alpha"][0] + blk["alpha"][1]].clone())
            return out

        for k in range(len(LAYERS)):
            params = [net.linear[k].weight, net.linear[k].bias]
            if str(k) in net.prelu:
                params.append(net.prelu[str(k)].weight)
            for p, mk, vk in zip(params, pieces(m, k), pieces(v, k) if v is not None else params):
                if opt["kind"] == "adam":
                    optimizer.state[p] = {"step": torch.tensor(float(state["t"])),
                                          "exp_avg": mk, "exp_avg_sq": vk}
                else:
                    optimizer.state[p] = {"momentum_buffer": mk}

    train_x, train_y = torch.tensor(TRAIN_X), torch.tensor(TRAIN_Y)
    test_x, test_y = torch.tensor(TEST_X), torch.tensor(TEST_Y)

    def data_loss(out, y):
        return ${LOSS[model.loss]}

    def penalty():
        total = torch.zeros(())
        penalized = [l.weight for l in net.linear]
        if PENALIZE_PRELU:
            penalized += [p.weight for p in net.prelu.values()]
        for w in penalized:
            total = total + L1 * w.abs().sum() + L2 / 2 * (w * w).sum()
        return total

    def evaluate(step):
        net.eval()
        with torch.no_grad():
            train, test = data_loss(net(train_x), train_y), data_loss(net(test_x), test_y)
        net.train()
        print(f"step {step:>8}  train loss {train.item():.6g}  test loss {test.item():.6g}")

    batches = Batches(STATE)
    step = STATE["step"]
    evaluate(step)
    net.train()
    for _ in range(steps):
        rows = torch.tensor(batches.next())
        optimizer.zero_grad()
        loss = data_loss(net(train_x[rows]), train_y[rows])
        if L1 > 0 or L2 > 0:
            loss = loss + penalty()
        loss.backward()
        optimizer.step()
        step += 1
        if step % EVAL_EVERY == 0:
            evaluate(step)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1000, help="training steps to run")
    parser.add_argument("--describe", action="store_true", help="print the network and data")
    parser.add_argument("--advance-state", type=int, metavar="N",
                        help="print the batch order and PRNG state after N more steps")
    a = parser.parse_args()
    if a.describe:
        describe()
    elif a.advance_state is not None:
        advance_state(a.advance_state)
    else:
        main(a.steps)
    sys.exit(0)
`;
}
