// The property rows the question pages share (seed, seeds, data, network shape, steps, rate,
// optimizer, α values), each with the core's range, narrowed to what a page runs in seconds.
import { choiceProp, numberProp, type Property } from '../../state/properties';
import { fieldRange, narrow, type Catalog } from '../../wasm/catalog';
import { listProp } from './props';

/** What a question page may ask of the browser (the core's own limits are wider). */
export const GUIDE_LIMITS = {
  seeds: 200,
  steps: 50_000,
  layers: 8,
  units: 64,
  alphas: 10,
} as const;

export interface Common {
  seed: number;
  seeds: number;
  data: string;
  hidden: number[];
  steps: number;
  lr: number;
  opt: string;
  alphas: number[];
}

type Row<S> = Property<S>;

export function rows<S extends Partial<Common>>(catalog: Catalog) {
  const f = (path: string) => fieldRange(catalog, path);
  const r = {
    seed: (d: number): Row<S> =>
      numberProp<S>('seed', 'seed' as keyof S & string, narrow(f('seed'), 0, 2 ** 31 - 1), d),
    seeds: (d: number): Row<S> =>
      numberProp<S>(
        'seeds',
        'seeds' as keyof S & string,
        narrow(f('seed'), 1, GUIDE_LIMITS.seeds),
        d,
      ),
    data: (d: string, task?: 'binary_classification' | 'regression'): Row<S> =>
      choiceProp<S>(
        'data',
        'data' as keyof S & string,
        () =>
          catalog.datasets.filter((x) => task === undefined || x.task === task).map((x) => x.name),
        d,
      ),
    hidden: (d: number[]): Row<S> =>
      listProp<S>(
        'hidden',
        'hidden' as keyof S & string,
        narrow(f('network.hidden[].units'), 1, GUIDE_LIMITS.units),
        d,
        GUIDE_LIMITS.layers,
        true,
      ),
    steps: (d: number): Row<S> =>
      numberProp<S>(
        'steps',
        'steps' as keyof S & string,
        narrow(f('training.steps'), 1, GUIDE_LIMITS.steps),
        d,
      ),
    lr: (d: number): Row<S> => numberProp<S>('lr', 'lr' as keyof S & string, f('optimizer.lr'), d),
    opt: (d: string): Row<S> =>
      choiceProp<S>(
        'opt',
        'opt' as keyof S & string,
        () => catalog.optimizers.map((o) => o.name),
        d,
      ),
    alphas: (d: number[]): Row<S> =>
      listProp<S>(
        'alphas',
        'alphas' as keyof S & string,
        narrow(f('network.alpha'), 0, 10),
        d,
        GUIDE_LIMITS.alphas,
      ),
  };
  return {
    ...r,
    /** The rows of the fields given, in one order: α values, seeds, seed, data, network, ... */
    task(d: Partial<Common> & { task?: 'binary_classification' | 'regression' }): Row<S>[] {
      const out: (Row<S> | null)[] = [
        d.alphas ? r.alphas(d.alphas) : null,
        d.seeds !== undefined ? r.seeds(d.seeds) : null,
        d.seed !== undefined ? r.seed(d.seed) : null,
        d.data !== undefined ? r.data(d.data, d.task) : null,
        d.hidden ? r.hidden(d.hidden) : null,
        d.steps !== undefined ? r.steps(d.steps) : null,
        d.opt !== undefined ? r.opt(d.opt) : null,
        d.lr !== undefined ? r.lr(d.lr) : null,
      ];
      return out.filter((x): x is Row<S> => x !== null);
    },
  };
}

/** What each link key means, for the settings' labels (the key follows in brackets). */
export const SETTING_LABELS: Readonly<Record<string, string>> = {
  alphas: 'α values',
  seeds: 'seeds',
  seed: 'first seed',
  data: 'dataset',
  hidden: 'hidden units per layer',
  steps: 'training steps',
  opt: 'optimizer',
  lr: 'learning rate',
  target: 'target training loss',
  span: 'a: x in [−a, a] or [0, a]',
  depths: 'depths (hidden layers)',
  widths: 'widths (units per layer)',
  kind: 'activation',
  alpha: 'α (Leaky ReLU)',
  biasValue: 'constant bias value',
  bias: 'starting bias of every unit',
  spike: 'learning rate of the spike',
  spikeAt: 'spike at step',
  spikeFor: 'spike length in steps',
  batch: 'batch size',
  repeats: 'repeats',
};
