// Signed targets: does Leaky ReLU reach a target loss in fewer steps than ReLU when the output
// must take both signs? The same curve, y = sin x, over [−a, a] (signed) and [0, a] (y ≥ 0).
import { h } from '../../dom';
import type { TrainResult } from '../../run/lab-protocol';
import { numberProp } from '../../state/properties';
import { dataTable } from '../../views/guide/data-table';
import { fieldRange, narrow } from '../../wasm/catalog';
import { modeLink, seedsFrom, trainJob, type RunSpec } from './configs';
import type { Question } from './question';
import { rows, type Common } from './rows';
import { groups, reach, reachText, type Reach } from './seed-table';

interface S extends Pick<Common, 'seed' | 'seeds' | 'hidden' | 'steps' | 'lr' | 'opt' | 'alphas'> {
  target: number;
  /** The half-width a of the signed input interval [−a, a]; [0, a] for the other. */
  span: number;
}

const PI = 3.14159;
const RANGES = [
  { name: 'signed', label: 'signed targets, x in [−a, a]', min: (a: number) => -a },
  { name: 'non-negative', label: 'non-negative targets, x in [0, a]', min: () => 0 },
] as const;

const spec = (s: S, seed: number, alpha: number, min: number): RunSpec => ({
  seed,
  data: { kind: 'sine', points: 200, seed: 1, input_min: min, input_max: s.span },
  hidden: s.hidden,
  kind: 'leaky_relu', // α = 0 is ReLU exactly
  alpha,
  init: { weights: 'he_normal', bias: 'zero', gain: 'relu' },
  optimizer: { kind: s.opt, lr: s.lr },
  batchSize: 10,
  steps: s.steps,
  evalEvery: 25,
});

const name = (a: number): string => (a === 0 ? 'ReLU (α = 0)' : `Leaky ReLU α = ${a}`);

export const signedQuestion: Question<S, Reach[][]> = {
  id: 'signed',
  title: 'Signed targets',
  question:
    'When the output must take both signs, does Leaky ReLU reach a good fit in fewer steps than ReLU?',
  context: [
    'A common argument for the leak: a ReLU layer only passes non-negative values on, so negative outputs must come from the output layer’s weights, while leaky units can pass negative values themselves.',
    'Here a small regression network fits y = sin x, once on [−a, a], where the targets take both signs, and once on [0, a] (a ≤ π), where they are non-negative. Every network of a seed starts from the same weights (ReLU’s He gain) and sees the same batches; only α and the data interval differ.',
    'The measure is the number of steps until the training loss (mean squared error) first reaches the target, checked every 25 steps.',
  ],
  look: 'Compare each α’s steps to target between the two columns, and the number of seeds that reached the target at all.',
  duration: 'ten to twenty seconds',
  props(catalog) {
    const r = rows<S>(catalog);
    return [
      r.alphas([0, 0.01, 0.2]),
      r.seeds(5),
      r.seed(1),
      r.hidden([8, 8]),
      r.steps(3000),
      r.opt('adam'),
      r.lr(0.01),
      numberProp<S>(
        'target',
        'target',
        narrow(fieldRange(catalog, 'training.target_loss'), 0, 1000),
        0.01,
      ),
      numberProp<S>('span', 'span', narrow(fieldRange(catalog, 'data.input_max'), 0.1, PI), PI),
    ];
  },
  links(s) {
    const runs = s.alphas.slice(0, 4).map((a) => (a === 0 ? 'relu' : `leaky_relu:${a}`));
    if (runs.length < 2) runs.push('leaky_relu:0.01');
    return [
      {
        label: 'Open the runs in Compare (the data interval there is the default [−6, 6])',
        hash: modeLink('compare', {
          runs: runs.join(','),
          gain: 'relu',
          target: s.target,
          seed: s.seed,
          points: 200,
          batch: 10,
          data: 'sine',
          hidden: s.hidden.join(','),
          lr: s.lr,
          opt: s.opt,
        }),
      },
    ];
  },
  async run(s, lab) {
    const seeds = seedsFrom(s.seed, s.seeds);
    const jobs = RANGES.flatMap((range) =>
      s.alphas.flatMap((a) =>
        seeds.map((seed) => trainJob(spec(s, seed, a, range.min(s.span)), lab.catalog)),
      ),
    );
    const flat = (await lab.pool.run(jobs, (d, t) => lab.progress(d, t))) as TrainResult[];
    // [range][alpha]
    return groups(
      groups(flat, seeds.length).map((runs) => reach(runs, s.target)),
      s.alphas.length,
    );
  },
  show(result, s, host) {
    const table = dataTable(
      `Steps to a training loss ≤ ${s.target}, mean ± sd over ${s.seeds} seeds (a = ${s.span})`,
      ['network', ...RANGES.map((r) => r.label)],
      s.alphas.map((a, i) => [name(a), ...RANGES.map((_, j) => reachText(result[j]![i]!))]),
    );
    host.append(table);
    const conclusion: string[] = [];
    RANGES.forEach((range, j) => {
      const rs = result[j]!;
      const ranked = s.alphas
        .map((a, i) => ({ a, r: rs[i]! }))
        .filter((x) => x.r.reached > 0)
        .sort((x, y) => y.r.reached - x.r.reached || x.r.steps.mean - y.r.steps.mean);
      const best = ranked[0];
      conclusion.push(
        best === undefined
          ? `With ${range.label}, no network reached the target in ${s.steps} steps.`
          : `With ${range.label}, ${name(best.a)} did best: ${reachText(best.r)}.`,
      );
    });
    const relu = s.alphas.indexOf(0);
    // Only a race someone finished says who was faster.
    const anyReached = result.some((rs) => rs.some((r) => r.reached > 0));
    if (relu >= 0 && anyReached) {
      const faster = (j: number) =>
        s.alphas.filter(
          (a, i) =>
            a !== 0 &&
            result[j]![i]!.reached > 0 &&
            (result[j]![relu]!.reached === 0 ||
              result[j]![i]!.steps.mean < result[j]![relu]!.steps.mean),
        ).length;
      conclusion.push(
        `Leaky settings faster on average than ReLU: ${faster(0)} of ${s.alphas.length - 1} on signed targets, ${faster(1)} of ${s.alphas.length - 1} on non-negative ones. With ${s.seeds} seeds, differences smaller than the spread are not evidence.`,
      );
    }
    return {
      conclusion,
      numbers: result.map((rs) =>
        rs.map((r) => ({ reached: r.reached, mean: r.reached > 0 ? r.steps.mean : null })),
      ),
    };
  },
};
