// RReLU's lower and upper bounds (evaluation mode uses the slope (lower + upper) / 2).
import { h, uid } from '../dom';
import { formatNumber, parseFiniteNumber } from '../state/parse-number';

export interface Bounds {
  lower: number;
  upper: number;
}

export class BoundsControl {
  readonly element: HTMLFieldSetElement;
  private readonly lower: HTMLInputElement;
  private readonly upper: HTMLInputElement;
  private readonly error: HTMLParagraphElement;

  constructor(private readonly onChange: (bounds: Bounds) => void) {
    const lowerId = uid('lower');
    const upperId = uid('upper');
    const errorId = uid('bounds-error');
    const input = (id: string): HTMLInputElement =>
      h('input', {
        id,
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': errorId,
        class: 'bound-input',
      });
    this.lower = input(lowerId);
    this.upper = input(upperId);
    this.error = h('p', { id: errorId, class: 'field-error', role: 'alert', hidden: true });
    this.element = h(
      'fieldset',
      { class: 'bounds-control' },
      h('legend', {}, 'RReLU slope range'),
      h(
        'div',
        { class: 'bounds-row' },
        h('div', { class: 'field' }, h('label', { for: lowerId }, 'lower'), this.lower),
        h('div', { class: 'field' }, h('label', { for: upperId }, 'upper'), this.upper),
      ),
      this.error,
      h(
        'p',
        { class: 'hint' },
        'Shown in evaluation mode: the negative side has slope (lower + upper) / 2. In training each element draws its own slope from [lower, upper].',
      ),
    );
    for (const el of [this.lower, this.upper]) {
      el.addEventListener('input', () => this.fromText(false));
      el.addEventListener('change', () => this.fromText(true));
    }
  }

  setValue(bounds: Bounds): void {
    this.lower.value = formatNumber(bounds.lower);
    this.upper.value = formatNumber(bounds.upper);
    this.showProblem('');
  }

  /** Shows a problem (from parsing or from the core); '' clears it. */
  showProblem(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }

  private fromText(final: boolean): void {
    const lower = parseFiniteNumber(this.lower.value);
    const upper = parseFiniteNumber(this.upper.value);
    for (const [el, x] of [
      [this.lower, lower],
      [this.upper, upper],
    ] as const) {
      if (x === null) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
    }
    if (lower === null || upper === null) {
      const field = lower === null ? 'lower' : 'upper';
      this.showProblem(`${field} must be a finite number, e.g. 0.125; not applied.`);
      return;
    }
    this.showProblem('');
    if (final) {
      this.lower.value = formatNumber(lower);
      this.upper.value = formatNumber(upper);
    }
    this.onChange({ lower, upper });
  }
}
