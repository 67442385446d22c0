// One invitation under the activation plot: when some units never fire, say how many and offer
// the one action that lets them come back (a leakier alpha, applied live); after it, count what
// came back. Every number is the core's (the last evaluation's counts and revival events).
import { h } from '../../dom';
import type { Evaluation } from '../../run/protocol';
import { formatCount, formatValue } from '../../text/format';
import type { ActivationKind } from '../../wasm/build-info';

/** The slope offered: Keras' default, leaky enough to revive units within seconds. */
export const INVITED_ALPHA = 0.3;
const LEAKY = ['leaky_relu', 'prelu'];

interface Totals {
  inactive: number;
  dead: number;
  dormant: number;
  revivals: number;
}

function totals(ev: Evaluation): Totals {
  let inactive = 0;
  let dead = 0;
  let dormant = 0;
  let revivals = 0;
  for (const l of ev.layers) {
    inactive += l.inactive;
    dead += l.dead;
    dormant += l.dormant;
    revivals += (l.revivals ?? []).reduce((a, b) => a + b, 0);
  }
  return { inactive, dead, dormant, revivals };
}

const units = (n: number): string => `${formatCount(n)} unit${n === 1 ? '' : 's'}`;

export class Invite {
  private since: { step: number; alpha: number; revivals: number } | null = null;
  private last: Evaluation | null = null;
  private readonly text: HTMLParagraphElement;
  private readonly button: HTMLButtonElement;

  constructor(
    readonly element: HTMLElement,
    private readonly setAlpha: (alpha: number) => void,
  ) {
    this.text = h('p', {});
    this.button = h('button', { type: 'button', class: 'invite-button' });
    this.button.addEventListener('click', () => this.setAlpha(INVITED_ALPHA));
    element.replaceChildren(this.text, this.button);
  }

  /** A new run: nothing has changed yet. */
  reset(): void {
    this.since = null;
    this.last = null;
    this.element.hidden = true;
  }

  /** Alpha changed live at `step`: count revivals from here. */
  alphaChanged(step: number, alpha: number): void {
    const revivals = this.last === null ? 0 : totals(this.last).revivals;
    this.since = { step, alpha, revivals };
  }

  update(ev: Evaluation, kind: ActivationKind, alpha: number): void {
    this.last = ev;
    const t = totals(ev);
    const leaky = LEAKY.includes(kind.name);
    if (this.since !== null && ev.step >= this.since.step) {
      const back = t.revivals - this.since.revivals;
      this.show(
        `Since α became ${formatValue(this.since.alpha)} at step ${formatCount(this.since.step)}: ${formatCount(back)} revival${back === 1 ? '' : 's'} (units inactive at one evaluation, active at the next); ${t.inactive === 0 ? 'every unit fires somewhere now' : `${units(t.inactive)} still inactive`}.`,
        null,
      );
      return;
    }
    if (leaky && t.inactive > 0 && alpha < INVITED_ALPHA) {
      this.show(
        `${units(t.inactive)} never fire${t.inactive === 1 ? 's' : ''} on the training data (the hollow circles). With α = ${formatValue(alpha)} ${t.inactive === 1 ? 'it still gets' : 'they still get'} a gradient through ${t.inactive === 1 ? 'its' : 'their'} weights, ${formatValue(alpha)} times what ${t.inactive === 1 ? 'it' : 'they'} would get firing. Make the leak bigger while it trains and watch:`,
        `α = ${formatValue(INVITED_ALPHA)} (Keras)`,
      );
      return;
    }
    if (kind.name === 'relu' && t.dead > 0) {
      this.show(
        `${units(t.dead)} ${t.dead === 1 ? 'is' : 'are'} dead: z ≤ 0 on every training point, so no gradient reaches ${t.dead === 1 ? 'its' : 'their'} own weights. One in layer 2 or deeper can still come back if earlier layers change its input; a first-layer one cannot. Choose Leaky ReLU above to give them a leak.`,
        null,
      );
      return;
    }
    this.element.hidden = true;
  }

  private show(text: string, action: string | null): void {
    this.element.hidden = false;
    if (this.text.textContent !== text) this.text.textContent = text;
    this.button.hidden = action === null;
    if (action !== null && this.button.textContent !== action) this.button.textContent = action;
  }
}
