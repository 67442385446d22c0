// The alpha control: a fine slider (0..1), an exact number input, presets, and notes.
// It only asks: it reports a valid alpha through `onChange`, and shows problems it is given.
import { h, uid } from '../dom';
import { formatNumber, parseFiniteNumber } from '../state/parse-number';
import { alphaMeaning } from '../text/alpha-meaning';
import { alphaNote } from '../text/alpha-notes';
import type { ActivationKind } from '../wasm/build-info';
import { ALPHA_PRESETS, PRESET_KINDS } from './alpha-presets';
import { SLIDER_MAX, alphaToPosition, positionToAlpha } from './alpha-scale';

export const ALPHA_RANGE_TEXT = 'a finite number, e.g. 0.01 (usually 0 ≤ α < 1)';

/** A label under the slider at the position of `alpha`. */
function tick(alpha: number): HTMLSpanElement {
  const el = h('span', {}, formatNumber(alpha));
  el.style.setProperty('--at', String(alphaToPosition(alpha) / SLIDER_MAX));
  return el;
}

export class AlphaControl {
  readonly element: HTMLFieldSetElement;
  private readonly slider: HTMLInputElement;
  private readonly input: HTMLInputElement;
  private readonly error: HTMLParagraphElement;
  private readonly note: HTMLParagraphElement;
  private readonly presets: HTMLDivElement;
  private readonly presetButtons: HTMLButtonElement[];
  private readonly resetButton: HTMLButtonElement;
  private readonly noAlpha: HTMLParagraphElement;
  private readonly meaning: HTMLParagraphElement;
  private readonly body: HTMLDivElement;
  private kind: ActivationKind | null = null;
  private alpha = 0;

  constructor(private readonly onChange: (alpha: number) => void) {
    const sliderId = uid('alpha-slider');
    const inputId = uid('alpha-input');
    const errorId = uid('alpha-error');
    const hintId = uid('alpha-hint');

    this.slider = h('input', {
      id: sliderId,
      type: 'range',
      min: '0',
      max: String(SLIDER_MAX),
      step: '1',
      'aria-describedby': hintId,
    });
    this.input = h('input', {
      id: inputId,
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': errorId,
      class: 'alpha-input',
    });
    this.error = h('p', { id: errorId, class: 'field-error', role: 'alert', hidden: true });
    this.note = h('p', { class: 'alpha-note', role: 'status', hidden: true });
    this.presetButtons = ALPHA_PRESETS.map((p) =>
      h(
        'button',
        {
          type: 'button',
          class: 'preset',
          title: p.source,
          'aria-pressed': 'false',
          'data-alpha': String(p.alpha),
        },
        h('span', { class: 'preset-name' }, p.label),
        ' ',
        h('span', { class: 'preset-value' }, formatNumber(p.alpha)),
      ),
    );
    this.presets = h(
      'div',
      { class: 'presets', role: 'group', 'aria-label': 'Framework defaults for α' },
      ...this.presetButtons,
    );
    this.resetButton = h('button', { type: 'button', class: 'preset reset' }, 'Default');
    this.noAlpha = h('p', { class: 'muted', hidden: true });
    this.meaning = h('p', { class: 'help alpha-meaning' });

    this.body = h(
      'div',
      { class: 'alpha-body' },
      this.meaning,
      h(
        'div',
        { class: 'field slider-field' },
        h('label', { for: sliderId }, 'α slider (fine near 0)'),
        this.slider,
        h('div', { class: 'slider-ticks', 'aria-hidden': 'true' }, ...[0, 0.01, 0.1, 1].map(tick)),
        h(
          'p',
          { id: hintId, class: 'hint' },
          'Finer steps near 0: each tenfold range gets equal room.',
        ),
      ),
      h(
        'div',
        { class: 'field number-field' },
        h('label', { for: inputId }, 'α exact value'),
        this.input,
        this.error,
      ),
      this.note,
      h(
        'div',
        { class: 'field' },
        h('span', { class: 'field-label' }, 'Presets'),
        h('div', { class: 'preset-row' }, this.presets, this.resetButton),
      ),
    );
    this.element = h(
      'fieldset',
      { class: 'alpha-control' },
      h('legend', {}, 'Slope α'),
      this.noAlpha,
      this.body,
    );

    this.slider.addEventListener('input', () => {
      this.commit(positionToAlpha(Number(this.slider.value)), 'slider');
    });
    this.input.addEventListener('input', () => this.fromText(false));
    this.input.addEventListener('change', () => this.fromText(true));
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.fromText(true);
    });
    for (const button of this.presetButtons) {
      button.addEventListener('click', () =>
        this.commit(Number(button.dataset['alpha']), 'preset'),
      );
    }
    this.resetButton.addEventListener('click', () => {
      if (this.kind !== null) this.commit(this.kind.defaultAlpha, 'preset');
    });
  }

  /** Shows the control for `kind` (or a note when the kind has no alpha). */
  setKind(kind: ActivationKind): void {
    this.kind = kind;
    this.body.hidden = !kind.alpha;
    this.slider.disabled = !kind.alpha;
    this.input.disabled = !kind.alpha;
    this.noAlpha.hidden = kind.alpha;
    this.noAlpha.textContent = kind.lowerUpper
      ? `${kind.label} has no single α: its slope comes from lower and upper below.`
      : `${kind.label} has no α parameter, so there is nothing to set here.`;
    this.meaning.textContent = alphaMeaning(kind.name);
    this.presets.hidden = !PRESET_KINDS.includes(kind.name);
    this.resetButton.textContent = `default ${formatNumber(kind.defaultAlpha)}`;
    this.resetButton.title = `${kind.label}’s own default α`;
    this.element.classList.toggle('is-disabled', !kind.alpha);
  }

  /** Shows `alpha` without reporting a change. */
  setValue(alpha: number): void {
    this.alpha = alpha;
    this.input.value = formatNumber(alpha);
    this.syncSlider();
    this.clearError();
    this.refresh();
  }

  /** Shows a problem the core reported for alpha (empty string clears it). */
  showProblem(message: string): void {
    if (message === '') this.clearError();
    else this.showError(message);
  }

  private fromText(final: boolean): void {
    const x = parseFiniteNumber(this.input.value);
    if (x === null) {
      const shown = this.input.value.trim().slice(0, 24);
      const what = shown === '' ? 'An empty value' : `“${shown}”`;
      this.showError(`${what} is not applied: α must be ${ALPHA_RANGE_TEXT}.`);
      return;
    }
    this.commit(x, final ? 'final-text' : 'text');
  }

  private commit(alpha: number, from: 'slider' | 'text' | 'final-text' | 'preset'): void {
    this.alpha = alpha;
    this.clearError();
    if (from !== 'text') this.input.value = formatNumber(alpha);
    if (from !== 'slider') this.syncSlider();
    this.refresh();
    this.onChange(alpha);
  }

  private syncSlider(): void {
    this.slider.value = String(alphaToPosition(this.alpha));
  }

  private refresh(): void {
    this.slider.setAttribute('aria-valuetext', `α = ${formatNumber(this.alpha)}`);
    for (const b of this.presetButtons) {
      b.setAttribute('aria-pressed', String(Number(b.dataset['alpha']) === this.alpha));
    }
    const outside = this.alpha < 0 || this.alpha > 1;
    const note = this.kind === null ? null : alphaNote(this.kind.name, this.alpha);
    const parts: string[] = [];
    if (note !== null) parts.push(note.text);
    if (outside) parts.push('The slider stops at its end; the exact value is used.');
    this.note.hidden = parts.length === 0;
    this.note.textContent = parts.join(' ');
    this.note.classList.toggle('is-warning', note?.level === 'warning');
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
    this.input.setAttribute('aria-invalid', 'true');
  }

  private clearError(): void {
    this.error.textContent = '';
    this.error.hidden = true;
    this.input.removeAttribute('aria-invalid');
  }
}
