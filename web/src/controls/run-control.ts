// One run of a comparison: its colour, its activation and, for kinds that have one, its α
// (applied live on Enter or when the field loses focus), and a button that removes the run.
// It only asks: the page decides what each choice means.
import { h } from '../dom';
import { HELP } from '../text/control-help';
import type { ActivationKind } from '../wasm/build-info';
import { numberField } from './fields';

export interface RunControlEvents {
  kind(kind: string): void;
  alpha(alpha: number): void;
  remove(): void;
}

export class RunControl {
  readonly element: HTMLDivElement;
  private readonly select: HTMLSelectElement;
  private readonly alpha: ReturnType<typeof numberField>;
  private readonly removeButton: HTMLButtonElement;

  constructor(
    name: string,
    colour: string,
    kinds: readonly ActivationKind[],
    on: RunControlEvents,
  ) {
    this.select = h(
      'select',
      { 'aria-label': `${name}: activation`, class: 'run-kind' },
      ...kinds.map((k) => h('option', { value: k.name }, k.label)),
    );
    this.select.addEventListener('change', () => on.kind(this.select.value));
    this.alpha = numberField(
      `${name}: α`,
      HELP.runAlpha,
      () => null,
      (a) => on.alpha(a),
    );
    this.alpha.element.classList.add('run-alpha');
    this.removeButton = h(
      'button',
      { type: 'button', class: 'small-button run-remove', 'aria-label': `Remove ${name}` },
      '×',
    );
    this.removeButton.addEventListener('click', () => on.remove());
    const swatch = h('span', { class: 'run-swatch', 'aria-hidden': 'true' });
    swatch.style.background = colour;
    this.element = h(
      'div',
      { class: 'run-control' },
      swatch,
      this.select,
      this.alpha.element,
      this.removeButton,
    );
  }

  /** Shows the run: its kind, its α (the field hidden for kinds without one). */
  setValue(kind: string, alpha: number | null, removable: boolean): void {
    this.select.value = kind;
    this.alpha.element.hidden = alpha === null;
    if (alpha !== null) this.alpha.setValue(alpha);
    this.removeButton.hidden = !removable;
  }

  showProblem(text: string): void {
    this.alpha.showProblem(text);
  }
}
