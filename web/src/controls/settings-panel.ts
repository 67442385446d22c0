// The rarely changed settings, folded into labelled groups (Data, Network, Training, View).
// It only asks: each change goes to the store as a command; the store decides what it means
// for the run. Choices and bounds come from the property table (the core's catalog).
import { h } from '../dom';
import { propertyOf, type Property } from '../state/properties';
import { INPUT_COLUMNS, type InputColumn, type Settings } from '../state/settings';
import type { Refusal } from '../state/store';
import { HELP } from '../text/control-help';
import type { Catalog } from '../wasm/catalog';
import { BoundsControl } from './bounds-control';
import { numberSelect } from './choice-select';
import { DatasetPicker } from './dataset-picker';
import { checkboxField, numberField, selectField, steppedSlider } from './fields';
import { LayersControl } from './layers-control';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG_RATES = [0, 0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const NOISE = Array.from({ length: 21 }, (_, i) => i / 20);
const TRAIN = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BATCH = [1, 2, 5, 10, 20, 30, 50, 100, 250, 500];
const POINTS = [50, 100, 200, 300, 500, 1000, 2000];
const percent = (v: number): string => `${Math.round(v * 100)}%`;
const COLUMN_LABEL: Readonly<Record<InputColumn, string>> = {
  x1: 'x1',
  x2: 'x2',
  'x1^2': 'x1²',
  'x2^2': 'x2²',
  'x1*x2': 'x1·x2',
  'sin(x1)': 'sin x1',
  'sin(x2)': 'sin x2',
};

export interface SettingsCommands {
  set(patch: Partial<Settings>): Refusal[];
  newSeed(): void;
  newDataSeed(): void;
}

export interface SettingsOptions {
  /**
   * Each run of a comparison has its own activation: no activation per layer, no RReLU
   * bounds and no "α changes start a new run" here.
   */
  activationPerRun?: boolean;
}

export class SettingsPanel {
  readonly element: HTMLDivElement;
  readonly bounds: BoundsControl;
  private readonly update: ((s: Settings) => void)[] = [];

  constructor(
    catalog: Catalog,
    props: readonly Property[],
    on: SettingsCommands,
    shown: SettingsOptions = {},
  ) {
    const perRun = shown.activationPerRun === true;
    const change = (patch: Partial<Settings>): void => {
      on.set(patch);
    };
    const dims = (dataset: string): number =>
      catalog.datasets.find((d) => d.name === dataset)?.inputs ?? 2;
    /** A typed number checked against its property row; the row's words when refused. */
    const typed = (field: keyof Settings, label: string, help: string) => {
      const row = propertyOf(props, field);
      const f = numberField(
        label,
        help,
        (x) =>
          row.read(String(x), {} as Settings).kind === 'ok'
            ? null
            : `${label} must be ${row.allowed({} as Settings)}.`,
        (v) => change({ [field]: v }),
      );
      return f;
    };

    const dataset = new DatasetPicker(catalog.datasets, (v) => change({ dataset: v }));
    const noise = steppedSlider('Noise', NOISE, percent, HELP.noise, (v) => change({ noise: v }));
    const train = steppedSlider('Training share', TRAIN, percent, HELP.trainFraction, (v) =>
      change({ trainFraction: v }),
    );
    const points = steppedSlider('Points', POINTS, String, HELP.points, (v) =>
      change({ points: v }),
    );
    const batch = steppedSlider('Batch size', BATCH, String, HELP.batchSize, (v) =>
      change({ batchSize: v }),
    );
    let current: Settings | null = null;
    const columns = INPUT_COLUMNS.map((c) => {
      const box = checkboxField(COLUMN_LABEL[c], '', (checked) => {
        if (current === null) return;
        const next = INPUT_COLUMNS.filter((x) => (x === c ? checked : current!.inputs.includes(x)));
        if (next.length > 0) change({ inputs: next });
        else box.setValue(true); // a network needs at least one input
      });
      return { column: c, box };
    });
    const dataSeed = typed('dataSeed', 'Data seed', HELP.dataSeed);
    const newData = h('button', { type: 'button', class: 'small-button' }, 'Regenerate data');
    newData.addEventListener('click', () => on.newDataSeed());
    const seed = typed('seed', 'Weights seed', HELP.seed);
    const newSeed = h('button', { type: 'button', class: 'small-button' }, 'New weights');
    newSeed.addEventListener('click', () => on.newSeed());

    const layers = new LayersControl(perRun ? [] : catalog.activations, HELP.layers, (v) =>
      change(perRun ? { hidden: v.hidden } : v),
    );
    this.bounds = new BoundsControl((b) => change({ lower: b.lower, upper: b.upper }));
    const alphaResets = checkboxField('α changes start a new run', HELP.alphaResets, (v) =>
      change({ alphaResets: v }),
    );

    const lr = numberSelect('Learning rate', LEARNING_RATES, HELP.lr, (v) => change({ lr: v }));
    const options = (xs: readonly { name: string; label: string }[]) =>
      xs.map((x) => ({ value: x.name, label: x.label }));
    const optimizer = selectField('Optimizer', options(catalog.optimizers), HELP.optimizer, (v) =>
      change({ optimizer: v }),
    );
    const init = selectField('Weight init', options(catalog.weightInits), HELP.init, (v) =>
      change({ init: v }),
    );
    const bias = selectField('Bias init', options(catalog.biasInits), HELP.bias, (v) =>
      change({ bias: v }),
    );
    const biasValue = typed('biasValue', 'Bias value', HELP.biasValue);
    const reg = selectField(
      'Regularization',
      [
        { value: 'none', label: 'None' },
        { value: 'l1', label: 'L1' },
        { value: 'l2', label: 'L2' },
      ],
      HELP.regularization,
      (v) => change({ regularization: v as Settings['regularization'] }),
    );
    const regRate = numberSelect('Regularization rate', REG_RATES, HELP.regRate, (v) =>
      change({ regRate: v }),
    );
    const evalEvery = typed('evalEvery', 'Evaluate every (steps)', HELP.evalEvery);
    const showTest = checkboxField('Show test data', HELP.showTest, (v) => change({ showTest: v }));
    const discretize = checkboxField('Discretize output', HELP.discretize, (v) =>
      change({ discretize: v }),
    );

    const group = (title: string, cls: string, open: boolean, ...children: HTMLElement[]) =>
      h(
        'details',
        { class: `settings-group ${cls}`, open },
        h('summary', {}, title),
        h('div', { class: 'settings-body' }, ...children),
      );

    this.element = h(
      'div',
      { class: 'settings' },
      group(
        'Data',
        'data-group',
        false,
        dataset.element,
        h('div', { class: 'field-pair' }, noise.element, train.element),
        h('div', { class: 'field-pair' }, points.element, batch.element),
        h(
          'fieldset',
          { class: 'features' },
          h('legend', {}, 'Inputs to the network'),
          h('div', { class: 'check-grid' }, ...columns.map((c) => c.box.element)),
          h('p', { class: 'hint' }, HELP.features),
        ),
        h('div', { class: 'seed-row' }, dataSeed.element, newData),
      ),
      group(
        'Network',
        'network-group',
        false,
        layers.element,
        this.bounds.element,
        alphaResets.element,
        h('div', { class: 'seed-row' }, seed.element, newSeed),
      ),
      group(
        'Training',
        'training-group',
        false,
        lr.element,
        optimizer.element,
        h('div', { class: 'field-pair' }, init.element, bias.element),
        biasValue.element,
        h('div', { class: 'field-pair' }, reg.element, regRate.element),
        evalEvery.element,
      ),
      group('View', 'view-group', false, showTest.element, discretize.element),
    );

    this.update.push((s) => {
      current = s;
      dataset.setValue(s.dataset);
      noise.setValue(s.noise);
      train.setValue(s.trainFraction);
      points.setValue(s.points);
      batch.setValue(s.batchSize);
      const oneD = dims(s.dataset) < 2;
      for (const c of columns) {
        c.box.setValue(s.inputs.includes(c.column));
        c.box.element.hidden = oneD && c.column.includes('x2');
      }
      dataSeed.setValue(s.dataSeed);
      seed.setValue(s.seed);
      layers.setValue({ hidden: s.hidden, layerKinds: s.layerKinds });
      const kind = catalog.activations.find((k) => k.name === s.kind);
      this.bounds.element.hidden = perRun || kind?.lowerUpper !== true;
      this.bounds.setValue({ lower: s.lower, upper: s.upper });
      alphaResets.setValue(s.alphaResets);
      alphaResets.element.hidden = perRun;
      lr.setValue(s.lr);
      optimizer.setValue(s.optimizer);
      init.setValue(s.init);
      bias.setValue(s.bias);
      biasValue.setValue(s.biasValue);
      biasValue.element.hidden =
        catalog.biasInits.find((b) => b.name === s.bias)?.usesValue !== true;
      reg.setValue(s.regularization);
      regRate.setValue(s.regRate);
      regRate.setDisabled(s.regularization === 'none');
      evalEvery.setValue(s.evalEvery);
      showTest.setValue(s.showTest);
      discretize.setValue(s.discretize);
    });
  }

  /** Shows `s` without reporting changes. */
  setValue(s: Settings): void {
    for (const f of this.update) f(s);
  }
}
