// Sparsity against leak: how many outputs are exactly zero (ReLU) or on the negative side
// (Leaky ReLU) after training, and the accuracy, across α.
import { h } from '../../dom';
import type { TrainResult } from '../../run/lab-protocol';
import type { Evaluation } from '../../run/protocol';
import { formatPercent, formatValue } from '../../text/format';
import { dataTable } from '../../views/guide/data-table';
import { seriesChart } from '../../views/guide/series-chart';
import { last, layerMean, spread } from './analysis';
import { modeLink, taskLink, taskRun, seedsFrom, trainJob, type RunSpec } from './configs';

const POINTS = 500;
import type { Question } from './question';
import { rows, type Common } from './rows';
import { groups, meanSdText } from './seed-table';

type S = Pick<Common, 'seed' | 'seeds' | 'data' | 'hidden' | 'steps' | 'lr' | 'opt' | 'alphas'>;

// α = 0 runs as ReLU, whose sparsity the core counts as exact zeros.
const spec = (s: S, seed: number, alpha: number): RunSpec =>
  taskRun(s, seed, alpha === 0 ? 'relu' : 'leaky_relu', alpha, POINTS);

const sparsity = (e: Evaluation | undefined): number =>
  e === undefined ? NaN : layerMean(e, (l) => l.sparsity);

interface Row {
  alpha: number;
  start: number[];
  end: number[];
  accuracy: number[];
}

export const sparsityQuestion: Question<S, Row[]> = {
  id: 'sparsity',
  title: 'Sparsity against leak',
  question:
    'ReLU networks are said to be sparse, with 50–90% of outputs at zero. Is that true here, and what does a leak do to it and to accuracy?',
  context: [
    'Glorot, Bordes and Bengio (2011, “Deep sparse rectifier neural networks”) credited ReLU with sparse representations, and shares of 50–90% of hidden outputs at exactly zero are often quoted for ReLU networks. A leak removes exact zeros: a Leaky ReLU unit outputs αz on the negative side instead of 0.',
    'The core counts, over the evaluation samples and every hidden unit, the share of outputs that are exactly 0 (ReLU), or for leaky units the share on the negative side (z ≤ 0), where the output is small but not zero. Both are measured at initialization and after training, on the same task and starting weights for every α.',
  ],
  look: 'The ReLU row’s share of exact zeros, measured rather than assumed; how the negative-side share moves with α; and whether accuracy follows.',
  duration: 'ten to twenty seconds',
  props(catalog) {
    return rows<S>(catalog).task({
      alphas: [0, 0.01, 0.05, 0.1, 0.2, 0.3],
      seeds: 3,
      seed: 1,
      data: 'spiral',
      task: 'binary_classification',
      hidden: [16, 16],
      steps: 2000,
      opt: 'adam',
      lr: 0.01,
    });
  },
  links(s) {
    return [
      {
        label: 'Open ReLU and the largest α in Compare',
        hash: modeLink('compare', {
          runs: `relu,leaky_relu:${Math.max(...s.alphas.filter((a) => a > 0), 0.01)}`,
          gain: 'relu',
          ...taskLink(s, POINTS),
        }),
      },
    ];
  },
  async run(s, lab) {
    const seeds = seedsFrom(s.seed, s.seeds);
    const jobs = s.alphas.flatMap((a) =>
      seeds.map((seed) => trainJob(spec(s, seed, a), lab.catalog)),
    );
    const flat = (await lab.pool.run(jobs, (d, t) => lab.progress(d, t))) as TrainResult[];
    return groups(flat, seeds.length).map((runs, i) => {
      const ok = runs.filter((r) => r.problems.length === 0 && r.diverged === null);
      return {
        alpha: s.alphas[i]!,
        start: ok.map((r) => sparsity(r.evaluations[0])),
        end: ok.map((r) => sparsity(last(r.evaluations))),
        accuracy: ok.map((r) => last(r.evaluations)?.test_accuracy ?? NaN),
      };
    });
  },
  show(result, s, host) {
    const sorted = [...result].sort((a, b) => a.alpha - b.alpha);
    const point = (pick: (r: Row) => number[]) =>
      sorted.map((r) => [r.alpha, spread(pick(r)).mean] as [number, number]);
    const chart = seriesChart(
      {
        title: 'Sparsity and accuracy after training',
        yLabel: 'fraction',
        yRange: [0, 1],
        x: { label: 'α', format: formatValue },
      },
      [
        {
          label: 'zeros (ReLU) or negative side (leaky), after training',
          points: point((r) => r.end),
        },
        { label: 'the same at initialization', points: point((r) => r.start), dash: [6, 4] },
        { label: 'test accuracy', points: point((r) => r.accuracy) },
      ],
    );
    const table = dataTable(
      `Mean ± sd over ${s.seeds} seeds; every hidden unit and evaluation sample`,
      ['α', 'what is counted', 'at initialization', 'after training', 'test accuracy'],
      result.map((r) => [
        r.alpha === 0 ? '0 (ReLU)' : String(r.alpha),
        r.alpha === 0 ? 'outputs exactly 0' : 'outputs on the negative side',
        meanSdText(r.start, true),
        meanSdText(r.end, true),
        meanSdText(r.accuracy, true),
      ]),
    );
    host.append(h('div', { class: 'gd-charts' }, chart.element), table);
    const conclusion: string[] = [];
    const relu = result.find((r) => r.alpha === 0);
    if (relu !== undefined && relu.end.length > 0) {
      const e = spread(relu.end);
      const inBand = e.mean >= 0.5 && e.mean <= 0.9;
      conclusion.push(
        `Measured here, ReLU’s hidden outputs were exactly zero ${formatPercent(e.mean)} of the time after training (${formatPercent(spread(relu.start).mean)} at initialization): ${inBand ? 'inside' : 'outside'} the 50–90% often quoted.`,
      );
    }
    const leaky = result.filter((r) => r.alpha > 0 && r.accuracy.length > 0);
    if (leaky.length > 0 && relu !== undefined && relu.accuracy.length > 0) {
      const acc = (r: Row) => spread(r.accuracy).mean;
      const bestLeak = leaky.reduce((a, b) => (acc(b) > acc(a) ? b : a));
      conclusion.push(
        `Mean test accuracy: ReLU ${formatPercent(acc(relu))}; the best leak tried, α = ${bestLeak.alpha}, ${formatPercent(acc(bestLeak))}. A leaky unit’s negative side is never an exact zero, so its representation is not sparse in ReLU’s sense whatever that share is.`,
      );
    }
    return {
      conclusion,
      numbers: result.map((r) => ({
        alpha: r.alpha,
        sparsity: spread(r.end).mean,
        accuracy: spread(r.accuracy).mean,
      })),
      dispose: () => chart.destroy(),
    };
  },
};
