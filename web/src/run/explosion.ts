// Is a run exploding? A run whose loss has grown far above where it started, or whose weights
// keep growing, is heading for a divergence (or thrashing) long before anything is NaN. Pure:
// it reads the core's evaluations and says what it sees in words the page can show.
import type { Evaluation } from './protocol';

/** The loss this many times its step-0 value counts as exploding... */
export const LOSS_FACTOR = 10;
/** ...and weights whose total norm is this many times their step-0 norm. */
export const WEIGHT_FACTOR = 50;

export interface Explosion {
  kind: 'loss' | 'weights';
  /** How many times the step-0 value. */
  factor: number;
  step: number;
}

function weightNorm(ev: Evaluation): number {
  return Math.sqrt(ev.layers.reduce((a, l) => a + l.weight_norm * l.weight_norm, 0));
}

/** What explodes at `now`, measured against `first` (the run's step-0 evaluation), or null. */
export function explosion(first: Evaluation, now: Evaluation): Explosion | null {
  const loss0 = first.train_loss;
  if (loss0 > 0 && now.train_loss > LOSS_FACTOR * loss0)
    return { kind: 'loss', factor: now.train_loss / loss0, step: now.step };
  const w0 = weightNorm(first);
  const w = weightNorm(now);
  if (w0 > 0 && w > WEIGHT_FACTOR * w0) return { kind: 'weights', factor: w / w0, step: now.step };
  return null;
}

/** The notice for an explosion; `afterAlphaChange` when alpha changed shortly before. */
export function explosionText(e: Explosion, lr: number, afterAlphaChange: boolean): string {
  const times =
    e.factor >= 100 ? Math.round(e.factor).toLocaleString('en-US') : e.factor.toFixed(1);
  const what =
    e.kind === 'loss'
      ? `The training loss is ${times}× its value at step 0`
      : `The weights have grown to ${times}× their size at step 0`;
  const cause = afterAlphaChange
    ? ' Right after a change of α this is expected: the next layers were tuned to the old slope, and what inactive units pass on has changed by the same factor as α. It usually settles within a few hundred steps.'
    : '';
  return `${what} (step ${e.step.toLocaleString('en-US')}): the run is exploding, though nothing is infinite yet, so it goes on.${cause} If it keeps growing, a lower learning rate (for example ${String(Number((lr / 10).toPrecision(2)))}) usually calms it.`;
}
