// Does initialization decide who dies? Dead and dormant fractions at step 0 and after training
// under each weight initializer and bias initializer, across seeds.
import type { TrainResult } from '../../run/lab-protocol';
import { choiceProp, numberProp } from '../../state/properties';
import { formatPercent } from '../../text/format';
import { dataTable } from '../../views/guide/data-table';
import { fieldRange, narrow, type Catalog } from '../../wasm/catalog';
import { last, spread } from './analysis';
import { evalEveryFor, modeLink, seedsFrom, taskLink, trainJob, type RunSpec } from './configs';
import type { Question } from './question';
import { rows, type Common } from './rows';
import { groups, meanSdText } from './seed-table';

interface S extends Pick<Common, 'seed' | 'seeds' | 'data' | 'hidden' | 'steps' | 'lr' | 'opt'> {
  kind: string;
  alpha: number;
  biasValue: number;
}

interface Combo {
  weights: string;
  bias: string;
}

/** Every weight init with every bias init it accepts (RAI draws its own biases: zero only). */
export function combos(catalog: Catalog): Combo[] {
  return catalog.weightInits.flatMap((w) =>
    catalog.biasInits
      .filter((b) => w.name !== 'rai' || b.name === 'zero')
      .map((b) => ({ weights: w.name, bias: b.name })),
  );
}

const spec = (s: S, seed: number, c: Combo, catalog: Catalog): RunSpec => ({
  seed,
  data: { kind: s.data, points: 400 },
  hidden: s.hidden,
  kind: s.kind,
  alpha: s.alpha,
  init: {
    weights: c.weights,
    bias: c.bias,
    ...(catalog.biasInits.find((b) => b.name === c.bias)?.usesValue
      ? { bias_value: s.biasValue }
      : {}),
  },
  optimizer: { kind: s.opt, lr: s.lr },
  batchSize: 10,
  steps: s.steps,
  evalEvery: evalEveryFor(s.steps),
});

interface Row extends Combo {
  bornDead: number[];
  dead: number[];
  dormant: number[];
  testLoss: number[];
  stopped: number;
}

export const initQuestion: Question<S, Row[]> = {
  id: 'init',
  title: 'Does initialization decide who dies?',
  question:
    'Does the way weights and biases are initialized decide which units end up dead or dormant?',
  context: [
    'A unit that starts with its input negative on every sample is born dead (ReLU) or dormant (Leaky ReLU); training can kill more, or bring some back. The initializer sets the scale of the first weights (He: variance 2/fan_in; Xavier: 2/(fan_in + fan_out); LeCun: 1/fan_in; PyTorch’s nn.Linear: uniform ±1/√fan_in) and the bias init their offset.',
    'The same network trains from every combination of weight and bias initializer (RAI draws its own biases), over the same seeds, data and batches. Dead: inactive on every evaluation sample and the derivative is 0 there (ReLU); dormant: inactive but with α ≠ 0, so gradient still reaches it.',
  ],
  look: 'The share of units inactive at step 0 against the share after training, row by row: whether a positive bias or RAI keeps units alive, and whether the initializers that start with fewer dead units also end with fewer.',
  duration: 'twenty to forty seconds',
  props(catalog) {
    const r = rows<S>(catalog);
    return [
      choiceProp<S>('kind', 'kind', () => ['relu', 'leaky_relu'], 'relu'),
      numberProp<S>('alpha', 'alpha', narrow(fieldRange(catalog, 'network.alpha'), 0, 10), 0.01),
      r.seeds(3),
      r.seed(1),
      r.data('spiral', 'binary_classification'),
      r.hidden([8, 8, 8, 8]),
      r.steps(1500),
      r.opt('adam'),
      r.lr(0.03),
      numberProp<S>(
        'biasValue',
        'biasValue',
        narrow(fieldRange(catalog, 'init.bias_value'), -1, 1),
        0.1,
      ),
    ];
  },
  links(s) {
    return [
      {
        label: 'Open in the Playground (change the initializer there)',
        hash: modeLink('playground', {
          ...taskLink(s, 400),
          kind: s.kind,
          ...(s.kind === 'leaky_relu' ? { alpha: s.alpha } : {}),
        }),
      },
    ];
  },
  async run(s, lab) {
    const all = combos(lab.catalog);
    const seeds = seedsFrom(s.seed, s.seeds);
    const jobs = all.flatMap((c) =>
      seeds.map((seed) => trainJob(spec(s, seed, c, lab.catalog), lab.catalog)),
    );
    const flat = (await lab.pool.run(jobs, (d, t) => lab.progress(d, t))) as TrainResult[];
    return groups(flat, seeds.length).map((runs, i) => {
      const ok = runs.filter(
        (r) => r.problems.length === 0 && r.diverged === null && r.evaluations.length > 0,
      );
      const units = (r: TrainResult) => r.evaluations[0]!.layers.reduce((a, l) => a + l.units, 0);
      return {
        ...all[i]!,
        bornDead: ok.map(
          (r) => r.evaluations[0]!.layers.reduce((a, l) => a + l.inactive, 0) / units(r),
        ),
        dead: ok.map((r) => last(r.evaluations)!.dead_fraction),
        dormant: ok.map((r) => last(r.evaluations)!.dormant_fraction),
        testLoss: ok.map((r) => last(r.evaluations)!.test_loss),
        stopped: runs.length - ok.length,
      };
    });
  },
  show(result, s, host) {
    const leaky = s.kind === 'leaky_relu' && s.alpha !== 0;
    const table = dataTable(
      `${s.kind === 'relu' ? 'ReLU' : `Leaky ReLU α = ${s.alpha}`}, hidden ${s.hidden.join('×')}, ${s.steps} steps; mean ± sd over ${s.seeds} seeds`,
      [
        'weights',
        'bias',
        'inactive at step 0',
        leaky ? 'dormant after training' : 'dead after training',
        'test loss',
      ],
      result.map((r) => [
        r.weights,
        r.bias === 'constant' ? `constant ${s.biasValue}` : r.bias,
        meanSdText(r.bornDead, true),
        meanSdText(leaky ? r.dormant : r.dead, true) +
          (r.stopped > 0 ? ` (${r.stopped} stopped)` : ''),
        meanSdText(r.testLoss),
      ]),
    );
    host.append(table);
    const end = (r: Row) => spread(leaky ? r.dormant : r.dead).mean;
    const start = (r: Row) => spread(r.bornDead).mean;
    const done = result.filter((r) => r.dead.length > 0);
    const conclusion: string[] = [];
    if (done.length > 0) {
      const most = done.reduce((a, b) => (end(b) > end(a) ? b : a));
      const least = done.reduce((a, b) => (end(b) < end(a) ? b : a));
      const word = leaky ? 'dormant' : 'dead';
      conclusion.push(
        `After training, the most units were ${word} with ${most.weights} weights and ${most.bias} biases (${formatPercent(end(most))}), the fewest with ${least.weights} and ${least.bias} (${formatPercent(end(least))}).`,
      );
      // Does the start predict the end? Rank agreement between the two columns (Spearman).
      const rank = (xs: number[]) =>
        xs.map((x) => xs.filter((y) => y < x).length + (xs.filter((y) => y === x).length - 1) / 2);
      const a = rank(done.map(start));
      const b = rank(done.map(end));
      const n = done.length;
      const ma = spread(a).mean;
      const mb = spread(b).mean;
      const cov = a.reduce((acc, x, i) => acc + (x - ma) * (b[i]! - mb), 0);
      const rho =
        cov /
        Math.sqrt(
          a.reduce((acc, x) => acc + (x - ma) ** 2, 0) *
            b.reduce((acc, x) => acc + (x - mb) ** 2, 0),
        );
      if (Number.isFinite(rho))
        conclusion.push(
          `Across the ${n} combinations, the rank correlation between units inactive at step 0 and units ${word} after training is ${rho.toFixed(2)} (1: the start decides the order exactly; 0: no relation).`,
        );
    }
    return {
      conclusion,
      numbers: result.map((r) => ({
        weights: r.weights,
        bias: r.bias,
        start: spread(r.bornDead).mean,
        end: end(r),
      })),
    };
  },
};
