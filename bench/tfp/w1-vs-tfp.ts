// W1 in the TensorFlow Playground's engine and in Leaky Lab's wasm build, side by side in one
// Node process (a benchmark, not a test). The Playground's engine is not part of this
// repository: pass the path of its src/nn.ts (github.com/tensorflow/playground, Apache 2.0), e.g.
//   git clone https://github.com/tensorflow/playground /tmp/playground
//   node --import tsx bench/tfp/w1-vs-tfp.ts --nn /tmp/playground/src/nn.ts [--windows 9]
// or set LEAKY_TFP_NN for `npm run bench`.
//
// Both train W1 (docs/definitions.md, Benchmark workloads): 2 -> 8 -> 8 -> 1 Leaky ReLU
// (alpha 0.01) on the same 250 spiral training rows, batches of 10, SGD at 0.03. The Playground
// trains as its page does (playground.ts, oneStep): forwardProp and backProp per sample, then
// updateWeights every 10 samples, with its tanh output and squared error (Leaky ReLU given as
// its ActivationFunction interface asks); Leaky Lab runs its trainer's whole step (a logit and
// binary cross-entropy). Rates are samples trained per second of this process's CPU time, in
// windows of 0.5 s alternating between the two engines; the figure is the median over the
// windows of the ratio within each pair, so that a change of the machine's speed during the
// run moves both sides.
import { mkdirSync, appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, wasmDist } from '../../tests/js/support/paths.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const nnPath = option('--nn') ?? process.env['LEAKY_TFP_NN'];
const windows = Number(option('--windows') ?? 9);
if (!nnPath) {
  console.error('w1-vs-tfp: give the path of the TensorFlow Playground src/nn.ts (--nn PATH)');
  process.exit(2);
}
if (!Number.isInteger(windows) || windows < 1 || windows > 99) {
  console.error('w1-vs-tfp: --windows must be a whole number from 1 to 99');
  process.exit(2);
}

interface TfpActivation {
  output: (x: number) => number;
  der: (x: number) => number;
}
const nn = await import(pathToFileURL(path.resolve(nnPath)).href);
const core = await createRequire(import.meta.url)(path.join(wasmDist, 'leaky_node.cjs'))();
const variant = JSON.parse(core.buildInfo()).variant as string;

const ALPHA = 0.01;
const BATCH = 10;
const LR = 0.03;
const config = JSON.parse(core.defaultConfig());
// The default config is W1; these make it explicit.
config.network.hidden = [8, 8].map((units) => ({ units, activation: 'leaky_relu', alpha: ALPHA }));
config.optimizer = { kind: 'sgd', lr: LR };
config.training.batch_size = BATCH;
config.training.steps = 1_000_000_000;
const trainer = new core.Trainer(JSON.stringify(config));
if (trainer.problems()) throw new Error(`W1 config refused: ${trainer.problems()}`);
const X = Array.from(trainer.trainX() as Float32Array);
const Y = Array.from(trainer.trainY() as Float32Array);
const rows = Y.length;
if (rows % BATCH !== 0) throw new Error(`${rows} rows: every batch must be whole for the count`);

// The Playground's labels are -1 and 1 for its tanh output.
const points = Y.map((y, i) => ({ x: [X[2 * i]!, X[2 * i + 1]!], label: y > 0.5 ? 1 : -1 }));
const leaky: TfpActivation = {
  output: (x) => (x > 0 ? x : ALPHA * x),
  der: (x) => (x > 0 ? 1 : ALPHA),
};
const network = nn.buildNetwork([2, 8, 8, 1], leaky, nn.Activations.TANH, null, ['x', 'y'], false);

/** One epoch of the Playground's engine; samples trained. */
function tfpEpoch(): number {
  points.forEach((p, i) => {
    nn.forwardProp(network, p.x);
    nn.backProp(network, p.label, nn.Errors.SQUARE);
    if ((i + 1) % BATCH === 0) nn.updateWeights(network, LR, 0);
  });
  return rows;
}
const STEPS_PER_CALL = 2500;
/** Leaky Lab's trainer; samples trained (every batch is whole). */
function leakyChunk(): number {
  const done = trainer.step(STEPS_PER_CALL);
  if (done !== STEPS_PER_CALL) throw new Error(`Leaky Lab's run stopped: ${trainer.divergence()}`);
  return done * BATCH;
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
function rate(run: () => number, seconds: number): number {
  let samples = 0;
  const start = cpuSeconds();
  let now = start;
  while ((now = cpuSeconds()) - start < seconds) samples += run();
  return samples / (now - start);
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

rate(tfpEpoch, 0.5); // warm-up: both JITs optimise what they run
rate(leakyChunk, 0.5);
const tfp: number[] = [];
const ours: number[] = [];
for (let w = 0; w < windows; w++) {
  tfp.push(rate(tfpEpoch, 0.5));
  ours.push(rate(leakyChunk, 0.5));
}
if (!Number.isFinite(nn.getOutputNode(network).output)) throw new Error('the Playground diverged');
const ratios = ours.map((v, i) => v / tfp[i]!);
const M = (v: number) => `${(v / 1e6).toFixed(2)} M`;
console.log(
  `\nW1 against the TensorFlow Playground's engine, one process, ${windows} window pairs`,
);
console.log('  TensorFlow Playground (JS)'.padEnd(34) + `${M(median(tfp))} samples/s`);
console.log(`  Leaky Lab (wasm, ${variant})`.padEnd(34) + `${M(median(ours))} samples/s`);
console.log(
  `  ratio ${median(ratios).toFixed(1)}x (median of the pairs; pairs ${Math.min(...ratios).toFixed(1)}-${Math.max(...ratios).toFixed(1)}x)`,
);
mkdirSync(path.join(root, 'build/bench'), { recursive: true });
appendFileSync(
  path.join(root, 'build/bench/tfp.jsonl'),
  JSON.stringify({
    bench: 'w1_vs_tfp',
    variant,
    windows,
    tfp_samples_per_s: median(tfp),
    leaky_samples_per_s: median(ours),
    ratio: median(ratios),
    ratio_min: Math.min(...ratios),
    ratio_max: Math.max(...ratios),
  }) + '\n',
);
trainer.delete();
