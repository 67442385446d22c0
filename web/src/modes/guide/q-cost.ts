// Is Leaky ReLU more costly? Milliseconds per training step in this browser, for ReLU, Leaky
// ReLU, ELU and GELU, in the SIMD and the scalar build, with the spread over repeats.
import type { TimingResult } from '../../run/lab-protocol';
import { numberProp } from '../../state/properties';
import { formatValue } from '../../text/format';
import { dataTable } from '../../views/guide/data-table';
import type { Variant } from '../../wasm/choose-variant';
import { fieldRange, narrow } from '../../wasm/catalog';
import { median } from './analysis';
import { modeLink, runConfig, type RunSpec } from './configs';
import type { Question } from './question';
import { rows, type Common } from './rows';

interface S extends Pick<Common, 'hidden' | 'seed'> {
  batch: number;
  steps: number;
  repeats: number;
}

export const COST_KINDS = ['relu', 'leaky_relu', 'elu', 'gelu'] as const;
const VARIANTS: readonly Variant[] = ['simd', 'scalar'];

const spec = (s: S, kind: string): RunSpec => ({
  seed: s.seed,
  data: { kind: 'spiral', points: 1000 },
  hidden: s.hidden,
  kind,
  alpha: 0.01,
  init: { weights: 'he_normal', bias: 'zero', gain: 'relu' },
  optimizer: { kind: 'sgd', lr: 0.01 },
  batchSize: s.batch,
  steps: 1_000_000, // never reached: only `steps` of them are timed
  evalEvery: 1_000_000,
});

export interface Timing {
  kind: string;
  variant: Variant;
  msPerStep: number[];
}

export const costQuestion: Question<S, Timing[]> = {
  id: 'cost',
  title: 'Is Leaky ReLU more costly?',
  question: 'Does Leaky ReLU make training slower than ReLU, and how do ELU and GELU compare?',
  context: [
    'Leaky ReLU costs one multiplication and a select per element where ReLU costs a select; ELU needs an exponential and GELU an error function. Whether that shows depends on how much of a step the activation takes next to the matrix products.',
    'This page times whole training steps (forward, backward, SGD update) of one network in this browser, for each activation, in the SIMD build (WebAssembly SIMD, 4 floats at once) and the scalar build, one timing at a time and interleaved so that both builds and every kind see the same load.',
  ],
  look: 'Leaky ReLU’s time against ReLU’s in the same build, the spread between repeats (timings on a busy machine move), and what SIMD buys each kind.',
  duration: 'five to twenty seconds',
  props(catalog) {
    const r = rows<S>(catalog);
    return [
      r.hidden([64, 64, 64]),
      numberProp<S>(
        'batch',
        'batch',
        narrow(fieldRange(catalog, 'training.batch_size'), 1, 500),
        32,
      ),
      numberProp<S>(
        'steps',
        'steps',
        narrow(fieldRange(catalog, 'training.steps'), 1, 100_000),
        300,
      ),
      numberProp<S>('repeats', 'repeats', narrow(fieldRange(catalog, 'seed'), 1, 50), 5),
      r.seed(1),
    ];
  },
  links(s) {
    return [
      {
        label: 'Open in the Playground at full speed',
        hash: modeLink('playground', {
          seed: s.seed,
          data: 'spiral',
          points: 1000,
          hidden: s.hidden
            .slice(0, 6)
            .map((u) => Math.min(u, 32))
            .join(','),
          batch: s.batch,
          opt: 'sgd',
          lr: 0.01,
          speed: 'fast',
        }),
      },
    ];
  },
  async run(s, lab) {
    const since = lab.generation;
    const pools = await Promise.all(VARIANTS.map((v) => lab.poolFor(v)));
    const out: Timing[] = VARIANTS.flatMap((variant) =>
      COST_KINDS.map((kind) => ({ kind, variant, msPerStep: [] as number[] })),
    );
    // Round 0 is a warm-up, not kept (the engine tiers up its code on first use); each round
    // starts with another kind, so no kind always runs first.
    const total = (s.repeats + 1) * out.length;
    let done = 0;
    for (let r = 0; r <= s.repeats; r++)
      for (const t of [...out.slice(r % out.length), ...out.slice(0, r % out.length)]) {
        lab.check(since);
        const pool = pools[VARIANTS.indexOf(t.variant)]!;
        const [res] = (await pool.run([
          {
            type: 'timeSteps',
            config: runConfig(spec(s, t.kind), lab.catalog),
            steps: s.steps,
            repeats: 1,
          },
        ])) as TimingResult[];
        if (res!.problems.length > 0)
          throw new Error(res!.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
        if (r > 0) t.msPerStep.push(...res!.msPerStep);
        lab.progress(++done, total, 'timings');
      }
    return out;
  },
  show(result, s, host) {
    const at = (kind: string, variant: Variant) =>
      result.find((t) => t.kind === kind && t.variant === variant)!;
    // The fastest repeat is the one least disturbed by whatever else the machine ran: the
    // figure compared; the median and the range say how much the others were disturbed.
    const best = (kind: string, variant: Variant) => Math.min(...at(kind, variant).msPerStep);
    const us = (ms: number) => `${formatValue(ms * 1000)} µs`;
    const cell = (t: Timing) =>
      `${us(Math.min(...t.msPerStep))}, ×${formatValue(Math.min(...t.msPerStep) / best('relu', t.variant))} of ReLU (median ${us(median(t.msPerStep))}, slowest ${us(Math.max(...t.msPerStep))})`;
    host.append(
      dataTable(
        `Time per training step, fastest of ${s.repeats} repeats of ${s.steps} steps; network 2 → ${s.hidden.join(' → ')} → 1, batch ${s.batch}`,
        ['activation', 'SIMD build', 'scalar build', 'SIMD speed-up'],
        COST_KINDS.map((k) => [
          k,
          cell(at(k, 'simd')),
          cell(at(k, 'scalar')),
          `×${formatValue(best(k, 'scalar') / best(k, 'simd'))}`,
        ]),
      ),
    );
    const conclusion = VARIANTS.map((v) => {
      const ratio = best('leaky_relu', v) / best('relu', v);
      const slowest = [...COST_KINDS].sort((a, b) => best(b, v) - best(a, v))[0]!;
      return `In the ${v} build, the fastest Leaky ReLU step took ${formatValue(ratio)} times as long as the fastest ReLU step (${us(best('leaky_relu', v))} against ${us(best('relu', v))}); the slowest kind was ${slowest} (${us(best(slowest, v))}).`;
    });
    const spreadOf = (t: Timing) => Math.max(...t.msPerStep) / Math.min(...t.msPerStep);
    const widest = result.reduce((a, t) => (spreadOf(t) > spreadOf(a) ? t : a));
    conclusion.push(
      `Repeats of the same timing differed by up to ×${formatValue(spreadOf(widest))} (${widest.kind}, ${widest.variant}): differences between kinds smaller than that are not evidence.`,
    );
    return {
      conclusion,
      numbers: result.map((t) => ({
        kind: t.kind,
        variant: t.variant,
        best: Math.min(...t.msPerStep),
        median: median(t.msPerStep),
        n: t.msPerStep.length,
      })),
    };
  },
};
