// PReLU learns its α: the learned slope of each layer over training, from He et al.'s 0.25,
// across seeds, next to the best fixed α of a sweep of Leaky ReLU on the same task.
import { h } from '../../dom';
import type { TrainResult } from '../../run/lab-protocol';
import type { Evaluation } from '../../run/protocol';
import { formatValue } from '../../text/format';
import { dataTable } from '../../views/guide/data-table';
import { seriesChart } from '../../views/guide/series-chart';
import { last, spread } from './analysis';
import { modeLink, taskLink, taskRun, seedsFrom, trainJob, type RunSpec } from './configs';

const POINTS = 500;
import type { Question } from './question';
import { rows, type Common } from './rows';
import { groups, meanSdText } from './seed-table';

type S = Pick<Common, 'seed' | 'seeds' | 'data' | 'hidden' | 'steps' | 'lr' | 'opt' | 'alphas'>;

export const PRELU_START = 0.25;

const spec = (s: S, seed: number, kind: string, alpha: number): RunSpec =>
  taskRun(s, seed, kind, alpha, POINTS);

/** Each layer's learned α in `e` (the mean over its units when learned per unit). */
export function layerAlphas(e: Evaluation): number[] {
  return e.layers.map((l) => {
    const a = l.alpha;
    if (Array.isArray(a)) return spread(a).mean;
    return typeof a === 'number' ? a : NaN;
  });
}

export interface PreluResult {
  prelu: TrainResult[];
  /** [alpha][seed] */
  fixed: TrainResult[][];
}

const finalLoss = (runs: TrainResult[]) =>
  runs
    .filter((r) => r.diverged === null && r.problems.length === 0)
    .map((r) => last(r.evaluations)?.test_loss ?? NaN);

export const preluQuestion: Question<S, PreluResult> = {
  id: 'prelu',
  title: 'PReLU learns its α',
  question:
    'If α is learned instead of chosen, where does it go, and does it end near the best fixed α?',
  context: [
    'He, Zhang, Ren and Sun (2015) made the slope a parameter, PReLU, trained by gradient descent with everything else and started at α = 0.25. Here each hidden layer has one learned α, with no weight decay on it.',
    'The same task is also trained with Leaky ReLU at each fixed α of a small sweep, over the same seeds and starting weights, to find the fixed α with the lowest final test loss.',
  ],
  look: 'Where each layer’s α settles (the curves are means over seeds), whether the layers agree, and how the learned values compare with the best fixed α and its test loss.',
  duration: 'ten to thirty seconds',
  props(catalog) {
    return rows<S>(catalog).task({
      alphas: [0, 0.01, 0.1, 0.25, 0.5],
      seeds: 3,
      seed: 1,
      data: 'spiral',
      task: 'binary_classification',
      hidden: [8, 8, 8],
      steps: 3000,
      opt: 'adam',
      lr: 0.01,
    });
  },
  links(s) {
    return [
      {
        label: 'Open PReLU against Leaky ReLU in Compare',
        hash: modeLink('compare', {
          runs: `prelu:${PRELU_START},leaky_relu:0.01,leaky_relu:0.25`,
          gain: 'relu',
          ...taskLink(s, POINTS),
        }),
      },
    ];
  },
  async run(s, lab) {
    const seeds = seedsFrom(s.seed, s.seeds);
    const jobs = [
      ...seeds.map((seed) => trainJob(spec(s, seed, 'prelu', PRELU_START), lab.catalog)),
      ...s.alphas.flatMap((a) =>
        seeds.map((seed) => trainJob(spec(s, seed, 'leaky_relu', a), lab.catalog)),
      ),
    ];
    const flat = (await lab.pool.run(jobs, (d, t) => lab.progress(d, t))) as TrainResult[];
    const [prelu, ...fixed] = groups(flat, seeds.length);
    return { prelu: prelu!, fixed };
  },
  show(result, s, host) {
    const ok = result.prelu.filter(
      (r) => r.diverged === null && r.problems.length === 0 && r.evaluations.length > 0,
    );
    const layers = s.hidden.length;
    const curves = Array.from({ length: layers }, (_, l) => ({
      label: `layer ${l + 1}`,
      points: (ok[0]?.evaluations ?? []).map(
        (e, i) =>
          [e.step, spread(ok.map((r) => layerAlphas(r.evaluations[i] ?? e)[l]!)).mean] as [
            number,
            number,
          ],
      ),
    }));
    const chart = seriesChart(
      { title: 'Learned α per layer (mean over seeds)', yLabel: 'α' },
      curves,
    );
    const ends = Array.from({ length: layers }, (_, l) =>
      ok.map((r) => layerAlphas(last(r.evaluations)!)[l]!),
    );
    const fixed = s.alphas.map((a, i) => ({ a, losses: finalLoss(result.fixed[i]!) }));
    const best = fixed
      .filter((f) => f.losses.length > 0)
      .sort((x, y) => spread(x.losses).mean - spread(y.losses).mean)[0];
    const preluLoss = finalLoss(result.prelu);
    host.append(
      h('div', { class: 'gd-charts' }, chart.element),
      dataTable(
        `After ${s.steps} steps, mean ± sd over ${s.seeds} seeds`,
        ['network', 'α at the end', 'test loss'],
        [
          ...ends.map((xs, l) => [
            `PReLU, layer ${l + 1}`,
            meanSdText(xs),
            l === 0 ? meanSdText(preluLoss) : '',
          ]),
          ...fixed.map((f) => [
            `Leaky ReLU, fixed α${best?.a === f.a ? ' (best)' : ''}`,
            String(f.a),
            meanSdText(f.losses),
          ]),
        ],
      ),
    );
    const conclusion: string[] = [];
    if (ok.length > 0)
      conclusion.push(
        `Starting from ${PRELU_START}, the learned α ended at ${ends.map((xs, l) => `${formatValue(spread(xs).mean)} in layer ${l + 1}`).join(', ')} (means over ${ok.length} seeds).`,
      );
    const negative = ends.map((xs, l) => ({ l, a: spread(xs).mean })).filter((x) => x.a < 0);
    if (negative.length > 0)
      conclusion.push(
        `In ${negative.map((x) => `layer ${x.l + 1}`).join(', ')} the learned α went below 0: there the unit’s output on the negative side has the opposite sign of z, so the activation is no longer monotonic, something no fixed leaky slope in [0, 1) does.`,
      );
    if (best !== undefined)
      conclusion.push(
        `Of the fixed values tried, α = ${best.a} gave the lowest mean test loss (${formatValue(spread(best.losses).mean)}); PReLU reached ${formatValue(spread(preluLoss).mean)}.`,
      );
    return {
      conclusion,
      numbers: {
        learned: ends.map((xs) => spread(xs).mean),
        bestFixed: best?.a ?? null,
        preluLoss: spread(preluLoss).mean,
      },
      dispose: () => chart.destroy(),
    };
  },
};
