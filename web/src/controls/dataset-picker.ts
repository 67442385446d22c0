// The dataset: a group of radio buttons, each with a small thumbnail and its name.
import { h, uid } from '../dom';
import { datasetHelp } from '../text/control-help';
import type { DatasetInfo } from '../wasm/catalog';
import { datasetIcon } from './dataset-icons';

export class DatasetPicker {
  readonly element: HTMLFieldSetElement;
  private readonly radios: HTMLInputElement[];
  private readonly help: HTMLParagraphElement;

  constructor(datasets: readonly DatasetInfo[], onChange: (dataset: string) => void) {
    const name = uid('dataset');
    this.help = h('p', { class: 'hint' });
    this.radios = datasets.map((d) =>
      h('input', { type: 'radio', name, value: d.name, class: 'dataset-radio' }),
    );
    const option = (d: DatasetInfo): HTMLLabelElement =>
      h(
        'label',
        { class: 'dataset-option', title: datasetHelp(d.name) },
        this.radios[datasets.indexOf(d)] as HTMLInputElement,
        datasetIcon(d.name),
        h('span', {}, d.label),
      );
    const twoD = datasets.filter((d) => d.task === 'binary_classification');
    const reg = datasets.filter((d) => d.task === 'regression');
    this.element = h(
      'fieldset',
      { class: 'dataset-picker' },
      h('legend', {}, 'Dataset'),
      h('p', { class: 'group-label' }, 'Classify (blue or orange)'),
      h('div', { class: 'dataset-grid' }, ...twoD.map(option)),
      h('p', { class: 'group-label' }, 'Fit a value (regression)'),
      h('div', { class: 'dataset-grid' }, ...reg.map(option)),
      this.help,
    );
    for (const r of this.radios) r.addEventListener('change', () => r.checked && onChange(r.value));
  }

  setValue(dataset: string): void {
    for (const r of this.radios) r.checked = r.value === dataset;
    this.help.textContent = datasetHelp(dataset);
  }
}
