// Hidden layers: add or remove layers, +/- units per layer, and each layer's activation.
import { h } from '../dom';
import { PAGE_LIMITS } from '../state/settings';
import type { ActivationKind } from '../wasm/build-info';

export interface LayersValue {
  hidden: number[];
  layerKinds: string[];
}

export class LayersControl {
  readonly element: HTMLFieldSetElement;
  private readonly list: HTMLOListElement;
  private readonly addButton: HTMLButtonElement;
  private readonly removeButton: HTMLButtonElement;
  private readonly count: HTMLSpanElement;
  private value: LayersValue = { hidden: [], layerKinds: [] };

  /** `kinds` empty: units only, no activation per layer (a comparison sets those per run). */
  constructor(
    private readonly kinds: readonly ActivationKind[],
    help: string,
    private readonly onChange: (value: LayersValue) => void,
  ) {
    this.list = h('ol', { class: 'layer-list' });
    this.addButton = h('button', { type: 'button', class: 'small-button' }, '+ layer');
    this.removeButton = h('button', { type: 'button', class: 'small-button' }, '− layer');
    this.count = h('span', { class: 'layer-count', 'aria-live': 'polite' });
    this.addButton.addEventListener('click', () => {
      const last = this.value.hidden.at(-1) ?? 4;
      this.emit([...this.value.hidden, last], [...this.value.layerKinds, '']);
    });
    this.removeButton.addEventListener('click', () =>
      this.emit(this.value.hidden.slice(0, -1), this.value.layerKinds.slice(0, -1)),
    );
    this.element = h(
      'fieldset',
      { class: 'layers-control' },
      h('legend', {}, 'Hidden layers'),
      h('div', { class: 'layer-buttons' }, this.removeButton, this.count, this.addButton),
      this.list,
      h('p', { class: 'hint' }, help),
    );
  }

  setValue(value: LayersValue): void {
    this.value = { hidden: [...value.hidden], layerKinds: [...value.layerKinds] };
    const n = value.hidden.length;
    this.count.textContent = `${n} hidden layer${n === 1 ? '' : 's'}`;
    this.addButton.disabled = n >= PAGE_LIMITS.layers;
    this.removeButton.disabled = n === 0;
    this.list.replaceChildren(...value.hidden.map((units, i) => this.row(i, units)));
  }

  private row(i: number, units: number): HTMLLIElement {
    const name = `Layer ${i + 1}`;
    const minus = h(
      'button',
      { type: 'button', class: 'unit-button', 'aria-label': `${name}: one unit fewer` },
      '−',
    );
    const plus = h(
      'button',
      { type: 'button', class: 'unit-button', 'aria-label': `${name}: one unit more` },
      '+',
    );
    minus.disabled = units <= 1;
    plus.disabled = units >= PAGE_LIMITS.units;
    const setUnits = (u: number): void => {
      const hidden = [...this.value.hidden];
      hidden[i] = u;
      this.emit(hidden, this.value.layerKinds);
    };
    minus.addEventListener('click', () => setUnits(units - 1));
    plus.addEventListener('click', () => setUnits(units + 1));
    return h(
      'li',
      { class: 'layer-row' },
      h('span', { class: 'layer-name' }, name),
      h(
        'span',
        { class: 'unit-stepper' },
        minus,
        h('output', { class: 'unit-count', 'aria-label': `${name} units` }, String(units)),
        plus,
      ),
      this.kinds.length > 0 ? this.kindSelect(i, name) : null,
    );
  }

  private kindSelect(i: number, name: string): HTMLSelectElement {
    const select = h(
      'select',
      { 'aria-label': `${name} activation`, class: 'layer-kind' },
      h('option', { value: '' }, 'same'),
      ...this.kinds.map((k) => h('option', { value: k.name }, k.label)),
    );
    select.value = this.value.layerKinds[i] ?? '';
    select.addEventListener('change', () => {
      const kinds = [...this.value.layerKinds];
      kinds[i] = select.value;
      this.emit(this.value.hidden, kinds);
    });
    return select;
  }

  private emit(hidden: number[], layerKinds: string[]): void {
    const value = { hidden, layerKinds: hidden.map((_, i) => layerKinds[i] ?? '') };
    // Keep keyboard focus on the same control after the rows are rebuilt.
    const focused = document.activeElement?.getAttribute('aria-label') ?? null;
    this.setValue(value);
    if (focused !== null) {
      const again = [...this.list.querySelectorAll<HTMLElement>('[aria-label]')].find(
        (e) => e.getAttribute('aria-label') === focused,
      );
      if (again !== undefined && !(again as HTMLButtonElement).disabled) again.focus();
    }
    this.onChange(value);
  }
}
