// What does α do? The function and its derivative for the framework defaults, then one run of
// each from the same starting weights on one task.
import { ALPHA_PRESETS } from '../../controls/alpha-presets';
import { h } from '../../dom';
import type { TrainResult } from '../../run/lab-protocol';
import { formatPercent, formatValue } from '../../text/format';
import { dataTable } from '../../views/guide/data-table';
import { seriesChart } from '../../views/guide/series-chart';
import { ActivationEvaluator } from '../../wasm/activation-evaluator';
import { numberProp } from '../../state/properties';
import { fieldRange, narrow } from '../../wasm/catalog';
import { last, stepsToTarget } from './analysis';
import { modeLink, taskLink, taskRun, trainJob, type RunSpec } from './configs';

const POINTS = 500;
import type { Question } from './question';
import { rows, type Common } from './rows';

interface S extends Pick<Common, 'seed' | 'data' | 'hidden' | 'steps' | 'lr' | 'opt' | 'alphas'> {
  target: number;
}

const spec = (s: S, alpha: number): RunSpec => taskRun(s, s.seed, 'leaky_relu', alpha, POINTS);

const sourceOf = (alpha: number): string =>
  ALPHA_PRESETS.find((p) => p.alpha === alpha)?.source ?? 'your choice';

const Z = Array.from({ length: 121 }, (_, i) => -3 + i * 0.05);

export const alphaQuestion: Question<S, TrainResult[]> = {
  id: 'alpha',
  title: 'What does α do?',
  question: 'What does the slope α of Leaky ReLU actually change?',
  context: [
    'Leaky ReLU is f(z) = z for z > 0 and αz otherwise; its derivative is 1 or α. ReLU is the case α = 0: a unit whose input is negative on every sample passes no gradient back through its own weights.',
    'Maas, Hannun and Ng (2013) introduced the leak with α = 0.01, which is still PyTorch’s default; tf.nn.leaky_relu defaults to 0.2, the Keras LeakyReLU layer to 0.3, and Xu, Wang, Chen and Li (2015) reported that a “very leaky” α = 1/5.5 ≈ 0.18 trained better than 0.01 on CIFAR-10 and CIFAR-100.',
    'The plots below are computed by the core for each α; then the same network trains once per α from the same starting weights and the same batches, so α is the only difference.',
  ],
  look: 'The negative side of each curve: its slope is α, and the derivative’s floor is α. Then the losses: whether a larger α learns faster or slower on this task, and how many units sit dormant (never positive on the data) at the end.',
  duration: 'a few seconds',
  props(catalog) {
    const r = rows<S>(catalog);
    return [
      ...r.task({
        alphas: ALPHA_PRESETS.map((p) => p.alpha),
        seed: 1,
        data: 'spiral',
        task: 'binary_classification',
        hidden: [8, 8, 8],
        steps: 2000,
        opt: 'adam',
        lr: 0.03,
      }),
      numberProp<S>(
        'target',
        'target',
        narrow(fieldRange(catalog, 'training.target_loss'), 0, 1000),
        0.1,
      ),
    ];
  },
  links(s) {
    const runs = s.alphas.slice(0, 4).map((a) => `leaky_relu:${a}`);
    if (runs.length < 2) runs.push('relu');
    const shared = taskLink(s, POINTS);
    return [
      {
        label: 'Open these runs in Compare',
        hash: modeLink('compare', {
          runs: runs.join(','),
          gain: 'relu',
          target: s.target,
          ...shared,
        }),
      },
      {
        label: `Open α = ${s.alphas[0]} in the Playground`,
        hash: modeLink('playground', { kind: 'leaky_relu', alpha: s.alphas[0] ?? 0.01, ...shared }),
      },
    ];
  },
  async run(s, lab) {
    const jobs = s.alphas.map((a) => trainJob(spec(s, a), lab.catalog));
    return (await lab.pool.run(jobs, (d, t) => lab.progress(d, t))) as TrainResult[];
  },
  show(results, s, host, lab) {
    const curves = new ActivationEvaluator(lab.core.module, Z);
    const fs: [number, number][][] = [];
    const dfs: [number, number][][] = [];
    try {
      for (const alpha of s.alphas) {
        const e = curves.evaluate({
          kind: 'leaky_relu',
          alpha,
          lower: 0,
          upper: 0,
          training: false,
          seed: 0,
        });
        if (!e.ok) throw new Error(e.problems.map((p) => p.message).join('; '));
        fs.push(Array.from(e.z, (z, i) => [z, e.f[i]!]));
        dfs.push(Array.from(e.z, (z, i) => [z, e.df[i]!]));
      }
    } finally {
      curves.dispose();
    }
    const zAxis = { label: 'z', format: (x: number) => formatValue(x) };
    const label = (a: number) => `α = ${a}`;
    const fChart = seriesChart(
      { title: 'f(z)', yLabel: 'f(z)', x: zAxis, height: 220 },
      fs.map((p, i) => ({ label: label(s.alphas[i]!), points: p })),
    );
    const dfChart = seriesChart(
      { title: 'f′(z)', yLabel: 'f′(z)', x: zAxis, height: 220 },
      dfs.map((p, i) => ({ label: label(s.alphas[i]!), points: p })),
    );
    const lossChart = seriesChart(
      { title: 'Test loss over training', yLabel: 'test loss', log: true },
      results.map((r, i) => ({
        label: label(s.alphas[i]!),
        points: r.evaluations.map((e) => [e.step, e.test_loss] as [number, number]),
      })),
    );
    const rowsOut = results.map((r, i) => {
      const end = last(r.evaluations);
      const reached = stepsToTarget(r.evaluations, s.target);
      return {
        alpha: s.alphas[i]!,
        end,
        reached,
        problems: r.problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        diverged: r.diverged,
      };
    });
    const table = dataTable(
      `After ${s.steps} steps (seed ${s.seed}, ${s.data}, hidden ${s.hidden.join('×')})`,
      [
        'α',
        'where it comes from',
        'train loss',
        'test loss',
        'test accuracy',
        'dormant units',
        `steps to loss ≤ ${s.target}`,
      ],
      rowsOut.map((x) => [
        String(x.alpha),
        sourceOf(x.alpha),
        x.end ? formatValue(x.end.train_loss) : '—',
        x.end ? formatValue(x.end.test_loss) : '—',
        x.end?.test_accuracy !== undefined ? formatPercent(x.end.test_accuracy) : '—',
        x.end ? formatPercent(x.end.dormant_fraction) : '—',
        x.problems !== ''
          ? `refused: ${x.problems}`
          : x.diverged
            ? `diverged at ${x.diverged.step}`
            : x.reached === null
              ? 'not reached'
              : String(x.reached),
      ]),
    );
    host.append(
      h('div', { class: 'gd-charts' }, fChart.element, dfChart.element),
      h('div', { class: 'gd-charts' }, lossChart.element),
      table,
    );
    const done = rowsOut.filter(
      (x) => x.end !== undefined && x.diverged === null && x.problems === '',
    );
    const conclusion: string[] = [];
    if (done.length > 0) {
      const best = done.reduce((a, b) => (b.end!.test_loss < a.end!.test_loss ? b : a));
      const worst = done.reduce((a, b) => (b.end!.test_loss > a.end!.test_loss ? b : a));
      conclusion.push(
        `In this run the lowest test loss after ${s.steps} steps came with α = ${best.alpha} (${formatValue(best.end!.test_loss)}), the highest with α = ${worst.alpha} (${formatValue(worst.end!.test_loss)}).`,
      );
      const fastest = done
        .filter((x) => x.reached !== null)
        .sort((a, b) => a.reached! - b.reached!)[0];
      conclusion.push(
        fastest === undefined
          ? `No run reached a training loss of ${s.target} within ${s.steps} steps.`
          : `α = ${fastest.alpha} was first to a training loss of ${s.target}, at step ${fastest.reached}; ${done.filter((x) => x.reached !== null).length} of ${done.length} runs got there.`,
      );
      const dormant = done
        .map((x) => `${formatPercent(x.end!.dormant_fraction)} with α = ${x.alpha}`)
        .join(', ');
      conclusion.push(
        `Units dormant at the end (never positive on the data): ${dormant}. One seed is one draw: rerun with other seeds before generalising.`,
      );
    }
    for (const x of rowsOut.filter((r) => r.diverged !== null))
      conclusion.push(
        `The run with α = ${x.alpha} diverged at step ${x.diverged!.step} (${x.diverged!.cause}).`,
      );
    return {
      conclusion,
      numbers: rowsOut.map((x) => ({
        alpha: x.alpha,
        testLoss: x.end?.test_loss ?? null,
        reached: x.reached,
        f: fs.length,
      })),
      dispose() {
        fChart.destroy();
        dfChart.destroy();
        lossChart.destroy();
      },
    };
  },
};
