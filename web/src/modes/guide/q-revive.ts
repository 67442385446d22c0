// Can a tiny α revive a unit? Units are killed first, identically for every α (α = 0 until the
// race starts), then α is set and training goes on: which units come back, and how fast.
import { h } from '../../dom';
import type { TrainResult } from '../../run/lab-protocol';
import type { ScheduledChange } from '../../run/protocol';
import { numberProp } from '../../state/properties';
import { formatPercent, formatValue } from '../../text/format';
import { dataTable } from '../../views/guide/data-table';
import { seriesChart } from '../../views/guide/series-chart';
import { fieldRange, narrow, type Range } from '../../wasm/catalog';
import { meanCurve, revival, spread, type Revival } from './analysis';
import { modeLink, seedsFrom, taskLink, trainJob, type RunSpec } from './configs';
import type { Question } from './question';
import { GUIDE_LIMITS, rows, type Common } from './rows';

interface S extends Pick<
  Common,
  'seed' | 'seeds' | 'data' | 'hidden' | 'steps' | 'lr' | 'opt' | 'alphas'
> {
  /** init.bias_value of a constant bias init (negative: units start off). */
  bias: number;
  /** The learning rate of the spike (0: no spike). */
  spike: number;
  spikeAt: number;
  spikeFor: number;
}

/** Statistics every this many steps: the resolution of "steps to the first revival". */
export const REVIVE_EVAL_EVERY = 10;

/** The step the race starts: after the spike, on an evaluation step. */
export function raceStart(s: Pick<S, 'spike' | 'spikeAt' | 'spikeFor'>): number {
  if (!(s.spike > 0)) return 0;
  return Math.ceil((s.spikeAt + s.spikeFor) / REVIVE_EVAL_EVERY) * REVIVE_EVAL_EVERY;
}

function schedule(s: S, alpha: number): ScheduledChange[] {
  const start = raceStart(s);
  const out: ScheduledChange[] = [];
  if (s.spike > 0)
    out.push(
      { step: s.spikeAt, field: 'lr', value: s.spike },
      { step: start, field: 'lr', value: s.lr },
    );
  out.push({ step: start, field: 'alpha', value: alpha });
  return out;
}

const spec = (s: S, seed: number): RunSpec => ({
  seed,
  data: { kind: s.data, points: 400 },
  hidden: s.hidden,
  kind: 'leaky_relu',
  alpha: 0, // ReLU until the race starts: every α races from the same units
  init: { weights: 'he_normal', bias: 'constant', bias_value: s.bias },
  optimizer: { kind: s.opt, lr: s.lr },
  batchSize: 10,
  steps: s.steps,
  evalEvery: REVIVE_EVAL_EVERY,
});

/** The learning rate's range with 0 added: no spike. */
function spikeRange(lr: Range): Range {
  return { ...lr, min: 0, minOpen: false, text: `0 (no spike) or ${lr.text}` };
}

export interface ReviveResult {
  /** [alpha][seed] */
  runs: TrainResult[][];
  revivals: Revival[][];
}

export const reviveQuestion: Question<S, ReviveResult> = {
  id: 'revive',
  title: 'Can a tiny α revive a unit?',
  question:
    'Once a unit has stopped firing, can a tiny α like 0.001 bring it back, or does it take a large one?',
  context: [
    'A ReLU unit whose input is negative on every sample gets no gradient through its own weights: only changes in the layers before it can bring it back. With Leaky ReLU the same unit still gets α times the gradient, so it can move itself.',
    'Here units are killed the same way for every α: the network trains as ReLU (α = 0) from a negative bias, optionally through a spike of the learning rate, and then α is set to each value and training goes on from that one state.',
    'A unit counts as revived when it was inactive (z ≤ 0 on every evaluation sample) when the race started and is active (z > 0 on some sample) later.',
  ],
  look: 'The fraction of the starting inactive units that are active again, against the steps since the race started, one curve per α (the mean over seeds), and the table’s steps to the first revival. α = 0 shows what the earlier layers alone can do.',
  duration: 'ten to thirty seconds',
  props(catalog) {
    const r = rows<S>(catalog);
    const bias = narrow(fieldRange(catalog, 'init.bias_value'), -10, 10);
    const steps = narrow(fieldRange(catalog, 'training.steps'), 0, GUIDE_LIMITS.steps);
    return [
      ...r.task({
        alphas: [0, 0.001, 0.01, 0.2],
        seeds: 5,
        seed: 1,
        data: 'circle',
        task: 'binary_classification',
        hidden: [16, 16, 16],
        steps: 2000,
        opt: 'adam',
        lr: 0.01,
      }),
      numberProp<S>('bias', 'bias', bias, -2),
      numberProp<S>('spike', 'spike', spikeRange(fieldRange(catalog, 'optimizer.lr')), 0),
      numberProp<S>('spikeAt', 'spikeAt', steps, 200),
      numberProp<S>('spikeFor', 'spikeFor', steps, 20),
    ];
  },
  links(s) {
    // The Playground keeps biases within [−1, 1].
    const biasValue = Math.max(-1, Math.min(1, s.bias));
    return [
      {
        label: `Open the first seed in the Playground, racing α = ${s.alphas[s.alphas.length - 1] ?? 0.01}${biasValue !== s.bias ? ` (bias ${biasValue}: the Playground’s limit)` : ''}`,
        hash: modeLink('playground', {
          ...taskLink(s, 400),
          kind: 'leaky_relu',
          alpha: 0,
          bias: 'constant',
          biasValue,
          eval: REVIVE_EVAL_EVERY,
          live: schedule(s, s.alphas[s.alphas.length - 1] ?? 0.01)
            .map((c) => `${c.step}:${c.field}:${c.value}`)
            .join(';'),
        }),
      },
    ];
  },
  async run(s, lab) {
    const seeds = seedsFrom(s.seed, s.seeds);
    const jobs = s.alphas.flatMap((a) =>
      seeds.map((seed) => trainJob(spec(s, seed), lab.catalog, true, schedule(s, a))),
    );
    const flat = (await lab.pool.run(jobs, (d, t) => lab.progress(d, t))) as TrainResult[];
    const runs = s.alphas.map((_, i) => flat.slice(i * seeds.length, (i + 1) * seeds.length));
    const start = raceStart(s);
    return { runs, revivals: runs.map((rs) => rs.map((r) => revival(r.evaluations, start))) };
  },
  show(result, s, host) {
    const start = raceStart(s);
    const curves = result.revivals.map((rv) => meanCurve(rv.map((r) => r.curve)));
    const chart = seriesChart(
      { title: 'Inactive units active again', yLabel: 'fraction revived', yRange: [0, 1] },
      result.revivals.map((rv, i) => ({
        label: `α = ${s.alphas[i]}`,
        points: curves[i]!,
      })),
    );
    const summary = s.alphas.map((alpha, i) => {
      const rv = result.revivals[i]!;
      const inactive = rv.reduce((a, r) => a + r.inactiveAtStart, 0);
      const revived = rv.reduce((a, r) => a + r.revivedAtEnd, 0);
      const firsts = rv.map((r) => r.firstRevival).filter((x): x is number => x !== null);
      // The mean curve's highest point: revived units can die again.
      const peak = curves[i]!.reduce((a, p) => (p[1] > a[1] ? p : a), [start, 0] as [
        number,
        number,
      ]);
      const failed = result.runs[i]!.filter(
        (r) => r.problems.length > 0 || r.diverged !== null,
      ).length;
      return {
        alpha,
        inactive,
        revived,
        firsts: spread(firsts),
        withRevival: firsts.length,
        peak,
        endShare: curves[i]![curves[i]!.length - 1]?.[1] ?? 0,
        runs: rv.length,
        failed,
      };
    });
    const table = dataTable(
      `${s.seeds} seeds from ${s.seed}; race from step ${start} to ${s.steps}`,
      [
        'α',
        'inactive at the start',
        'active at the end',
        'most active again (mean over seeds)',
        'steps to the first revival (mean ± sd)',
        'seeds with a revival',
      ],
      summary.map((x) => [
        String(x.alpha),
        String(x.inactive),
        `${x.revived} (${x.inactive > 0 ? formatPercent(x.revived / x.inactive) : '—'})`,
        `${formatPercent(x.peak[1])} at step ${x.peak[0]}`,
        x.withRevival > 0
          ? `${formatValue(x.firsts.mean)} ± ${formatValue(x.firsts.sd)} (${x.firsts.min} to ${x.firsts.max})`
          : 'none',
        `${x.withRevival} of ${x.runs}${x.failed > 0 ? ` (${x.failed} stopped)` : ''}`,
      ]),
    );
    host.append(h('div', { class: 'gd-charts' }, chart.element), table);
    const conclusion: string[] = [];
    const units = s.hidden.reduce((a, b) => a + b, 0);
    const total = summary[0]?.inactive ?? 0;
    conclusion.push(
      `In these runs ${total} of ${units * s.seeds} hidden units (over ${s.seeds} seeds) were inactive when the race started at step ${start}.`,
    );
    conclusion.push(
      summary
        .map(
          (x) =>
            `with α = ${x.alpha}, ${x.revived} of ${x.inactive} were active again by step ${s.steps}`,
        )
        .join('; ')
        .replace(/^w/, 'W') + '.',
    );
    const zero = summary.find((x) => x.alpha === 0);
    const tiny = summary.filter((x) => x.alpha > 0).sort((a, b) => a.alpha - b.alpha)[0];
    if (zero !== undefined && tiny !== undefined && zero.inactive > 0)
      conclusion.push(
        (tiny.revived > zero.revived
          ? `By step ${s.steps} the smallest leak tried, α = ${tiny.alpha}, had ${tiny.revived - zero.revived} more units active again than α = 0 had through the earlier layers alone.`
          : `By step ${s.steps} the smallest leak tried, α = ${tiny.alpha}, had no more units active again than α = 0 (${tiny.revived} against ${zero.revived}).`) +
          ` Its mean share active again peaked at ${formatPercent(tiny.peak[1])} at step ${tiny.peak[0]}, against ${formatPercent(zero.peak[1])} for α = 0${tiny.peak[1] > tiny.endShare ? `, and ended at ${formatPercent(tiny.endShare)}: some of the units it brought back went inactive again` : ''}.`,
      );
    if (total === 0)
      conclusion.push(
        'No unit was inactive at the start: make the bias more negative or add a learning-rate spike to kill some.',
      );
    return {
      conclusion,
      numbers: summary.map((x) => ({
        alpha: x.alpha,
        inactive: x.inactive,
        revived: x.revived,
        firstMean: x.withRevival > 0 ? x.firsts.mean : null,
      })),
      dispose: () => chart.destroy(),
    };
  },
};
