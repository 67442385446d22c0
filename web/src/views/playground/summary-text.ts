// Short sentences about a frame: step counter and dead/dormant counts. Display only: counts are
// the core's, summed over layers.
import type { Evaluation } from '../../run/protocol';

const grouped = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return Number.isFinite(n) ? grouped.format(Math.round(n)) : '—';
}

export function formatRate(stepsPerSecond: number): string {
  if (!(stepsPerSecond > 0)) return '0';
  if (stepsPerSecond >= 100) return grouped.format(Math.round(stepsPerSecond));
  return String(Number(stepsPerSecond.toPrecision(2)));
}

/** "Step 1,200 of 5,000 · epoch 48 · 3,100 steps/s". */
export function progressText(
  step: number,
  totalSteps: number,
  epoch: number,
  stepsPerSecond: number,
  playing: boolean,
): string {
  const of = totalSteps > 0 ? ` of ${formatCount(totalSteps)}` : '';
  const speed = playing ? `${formatRate(stepsPerSecond)} steps/s` : 'paused';
  return `Step ${formatCount(step)}${of} · epoch ${formatCount(epoch)} · ${speed}`;
}

/** "3 of 32 hidden units dead, 2 dormant" (plus near-dead and born-dead when any). */
export function deadSummary(evaluation: Evaluation): string {
  let units = 0;
  let dead = 0;
  let dormant = 0;
  let nearDead = 0;
  for (const layer of evaluation.layers) {
    units += layer.units;
    dead += layer.dead;
    dormant += layer.dormant;
    nearDead += layer.near_dead - layer.inactive;
  }
  const noun = units === 1 ? 'hidden unit' : 'hidden units';
  let text = `${formatCount(dead)} of ${formatCount(units)} ${noun} dead, ${formatCount(dormant)} dormant`;
  if (nearDead > 0) text += `, ${formatCount(nearDead)} near-dead`;
  return text;
}

export const COLLAPSED_TEXT =
  'Collapsed: a hidden layer never fires, so the output is the same for every input.';

/** 1200 -> "1200", 12000 -> "12k", 3000000 -> "3M": short step labels for chart axes. */
export function formatStep(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  return String(Math.round(v));
}
