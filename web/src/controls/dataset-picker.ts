// The dataset: a group of radio buttons, each with a small thumbnail and its name.
import { h, uid } from '../dom';
import { DATASETS, DATASETS_2D } from '../state/run-settings';
import { datasetHelp, datasetLabel } from '../text/control-help';
import { datasetIcon } from './dataset-icons';

export class DatasetPicker {
  readonly element: HTMLFieldSetElement;
  private readonly radios: HTMLInputElement[];
  private readonly help: HTMLParagraphElement;

  constructor(onChange: (dataset: string) => void) {
    const name = uid('dataset');
    this.help = h('p', { class: 'hint' });
    this.radios = DATASETS.map((kind) =>
      h('input', { type: 'radio', name, value: kind, class: 'dataset-radio' }),
    );
    const option = (kind: string, i: number): HTMLLabelElement =>
      h(
        'label',
        { class: 'dataset-option', title: datasetHelp(kind) },
        this.radios[i] as HTMLInputElement,
        datasetIcon(kind),
        h('span', {}, datasetLabel(kind)),
      );
    const twoD = DATASETS.filter((k) => (DATASETS_2D as readonly string[]).includes(k));
    const reg = DATASETS.filter((k) => !twoD.includes(k));
    this.element = h(
      'fieldset',
      { class: 'dataset-picker' },
      h('legend', {}, 'Dataset'),
      h('p', { class: 'group-label' }, 'Classify (blue or orange)'),
      h('div', { class: 'dataset-grid' }, ...twoD.map((k) => option(k, DATASETS.indexOf(k)))),
      h('p', { class: 'group-label' }, 'Fit a value (regression)'),
      h('div', { class: 'dataset-grid' }, ...reg.map((k) => option(k, DATASETS.indexOf(k)))),
      this.help,
    );
    for (const r of this.radios) r.addEventListener('change', () => r.checked && onChange(r.value));
  }

  setValue(dataset: string): void {
    for (const r of this.radios) r.checked = r.value === dataset;
    this.help.textContent = datasetHelp(dataset);
  }
}
