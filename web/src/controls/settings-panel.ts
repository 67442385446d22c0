// Every setting of a run, grouped as Data, Network and Training. It reports each change as a
// patch of RunSettings; the page decides whether it applies live or starts a new run.
import { h } from '../dom';
import {
  BIASES,
  DATASETS_1D,
  INITS,
  OPTIMIZERS,
  REGULARIZATIONS,
  type RunSettings,
} from '../state/run-settings';
import { BIAS_LABEL, HELP, INIT_LABEL, OPTIMIZER_LABEL, REG_LABEL } from '../text/control-help';
import type { ActivationKind } from '../wasm/build-info';
import { AlphaControl } from './alpha-control';
import { BoundsControl } from './bounds-control';
import { numberSelect } from './choice-select';
import { DatasetPicker } from './dataset-picker';
import { checkboxField, numberField, selectField, steppedSlider } from './fields';
import { KindSelect } from './kind-select';
import { LayersControl } from './layers-control';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG_RATES = [0, 0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const NOISE = Array.from({ length: 21 }, (_, i) => i / 20);
const TRAIN = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BATCH = [1, 2, 5, 10, 20, 30, 50, 100, 250, 500];
const POINTS = [50, 100, 200, 300, 500, 1000, 2000];
const percent = (v: number): string => `${Math.round(v * 100)}%`;
const options = (values: readonly string[], labels: Readonly<Record<string, string>>) =>
  values.map((v) => ({ value: v, label: labels[v] ?? v }));

export interface SettingsEvents {
  change(patch: Partial<RunSettings>): void;
  kind(kind: string): void;
  alpha(alpha: number): void;
  bounds(lower: number, upper: number): void;
  newSeed(): void;
}

export class SettingsPanel {
  readonly element: HTMLDivElement;
  readonly alpha: AlphaControl;
  readonly bounds: BoundsControl;
  private readonly update: ((s: RunSettings) => void)[] = [];
  private readonly x1x2: ReturnType<typeof checkboxField>;

  constructor(kinds: readonly ActivationKind[], on: SettingsEvents) {
    const change = on.change;
    const dataset = new DatasetPicker((v) => change({ dataset: v }));
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
    const x2 = checkboxField('x² (each input squared)', '', (v) => change({ xSquared: v }));
    this.x1x2 = checkboxField('x1·x2', '', (v) => change({ x1x2: v }));
    const sin = checkboxField('sin(x)', '', (v) => change({ sin: v }));
    const seed = numberField(
      'Seed',
      HELP.seed,
      (x) =>
        Number.isInteger(x) && x >= 0 && x <= 2 ** 31 - 1
          ? null
          : 'the seed must be a whole number within [0, 2147483647].',
      (v) => change({ seed: v }),
    );
    const newSeed = h('button', { type: 'button', class: 'small-button' }, 'New seed');
    newSeed.addEventListener('click', () => on.newSeed());

    const layers = new LayersControl(kinds, HELP.layers, (v) => change(v));
    const kind = new KindSelect(kinds, (k) => on.kind(k));
    this.alpha = new AlphaControl((a) => on.alpha(a));
    this.bounds = new BoundsControl((b) => on.bounds(b.lower, b.upper));
    const alphaResets = checkboxField('α changes reset the run', HELP.alphaResets, (v) =>
      change({ alphaResets: v }),
    );

    const lr = numberSelect('Learning rate', LEARNING_RATES, HELP.lr, (v) => change({ lr: v }));
    const optimizer = selectField(
      'Optimizer',
      options(OPTIMIZERS, OPTIMIZER_LABEL),
      HELP.optimizer,
      (v) => change({ optimizer: v }),
    );
    const init = selectField('Weight init', options(INITS, INIT_LABEL), HELP.init, (v) =>
      change({ init: v }),
    );
    const bias = selectField('Bias init', options(BIASES, BIAS_LABEL), HELP.bias, (v) =>
      change({ bias: v }),
    );
    const biasValue = numberField(
      'Bias value',
      HELP.biasValue,
      (x) => (x >= -1 && x <= 1 ? null : 'the bias value must be within [−1, 1].'),
      (v) => change({ biasValue: v }),
    );
    const reg = selectField(
      'Regularization',
      options(REGULARIZATIONS, REG_LABEL),
      HELP.regularization,
      (v) => change({ regularization: v }),
    );
    const regRate = numberSelect('Regularization rate', REG_RATES, HELP.regRate, (v) =>
      change({ regRate: v }),
    );

    const group = (title: string, cls: string, ...children: HTMLElement[]): HTMLElement =>
      h('section', { class: `settings-group ${cls}` }, h('h3', {}, title), ...children);

    this.element = h(
      'div',
      { class: 'settings' },
      group(
        'Data',
        'data-group',
        dataset.element,
        h('div', { class: 'field-pair' }, noise.element, train.element),
        h('div', { class: 'field-pair' }, points.element, batch.element),
        h(
          'fieldset',
          { class: 'features' },
          h('legend', {}, 'Input features'),
          h('div', { class: 'check-grid' }, x2.element, this.x1x2.element, sin.element),
          h('p', { class: 'hint' }, HELP.features),
        ),
        h('div', { class: 'seed-row' }, seed.element, newSeed),
      ),
      group(
        'Network',
        'network-group',
        layers.element,
        kind.element,
        this.alpha.element,
        alphaResets.element,
        this.bounds.element,
      ),
      group(
        'Training',
        'training-group',
        lr.element,
        optimizer.element,
        h('div', { class: 'field-pair' }, init.element, bias.element),
        biasValue.element,
        h('div', { class: 'field-pair' }, reg.element, regRate.element),
      ),
    );

    this.update.push((s) => {
      dataset.setValue(s.dataset);
      noise.setValue(s.noise);
      train.setValue(s.trainFraction);
      points.setValue(s.points);
      batch.setValue(s.batchSize);
      x2.setValue(s.xSquared);
      this.x1x2.setValue(s.x1x2);
      this.x1x2.setDisabled(DATASETS_1D.includes(s.dataset));
      sin.setValue(s.sin);
      seed.setValue(s.seed);
      layers.setValue({ hidden: s.hidden, layerKinds: s.layerKinds });
      kind.setValue(s.kind);
      alphaResets.setValue(s.alphaResets);
      lr.setValue(s.lr);
      optimizer.setValue(s.optimizer);
      init.setValue(s.init);
      bias.setValue(s.bias);
      biasValue.setValue(s.biasValue);
      biasValue.element.hidden = s.bias !== 'constant';
      reg.setValue(s.regularization);
      regRate.setValue(s.regRate);
      regRate.setDisabled(s.regularization === 'none');
    });
  }

  /** Shows `s` without reporting changes (alpha and bounds are set by the page). */
  setValue(s: RunSettings): void {
    for (const f of this.update) f(s);
  }
}
