// The settings of a comparison and their property rows: the runs (kind and α each), whose He
// gain the initial weights take, the target loss of the summary, and the settings every run
// shares (data, seeds, network shape, optimizer, ...), whose rows are the playground's own.
import { choiceProp, makeProperties, numberProp, type Property } from '../../state/properties';
import { SPEEDS, type Settings } from '../../state/settings';
import { fieldRange, narrow, type Catalog } from '../../wasm/catalog';
import { RunKinds, runText, type RunSpec } from './runs';

/** The playground's settings every run of a comparison shares, by the same rows. */
const SHARED = [
  'seed',
  'dataSeed',
  'dataset',
  'points',
  'noise',
  'trainFraction',
  'batchSize',
  'inputs',
  'hidden',
  'lr',
  'optimizer',
  'init',
  'bias',
  'biasValue',
  'regularization',
  'regRate',
  'evalEvery',
  'showTest',
  'discretize',
] as const satisfies readonly (keyof Settings)[];

export interface CompareSettings extends Pick<Settings, (typeof SHARED)[number]> {
  runs: RunSpec[];
  /** init.gain: 'relu' (every run from the same weights) or 'own' (each activation's). */
  gain: string;
  /** The train loss whose first evaluated step the summary shows; 0: none. */
  target: number;
  /** Steps per frame: the same for every run, so they stay in step ('fast' is per worker). */
  speed: string;
}

export const COMPARE_SPEEDS: readonly string[] = SPEEDS.filter((s) => s !== 'fast');
export const DEFAULT_TARGET = 0.1;

export function runKinds(catalog: Catalog): RunKinds {
  return new RunKinds(catalog.activations, fieldRange(catalog, 'network.alpha'));
}

export function makeCompareProperties(catalog: Catalog): readonly Property<CompareSettings>[] {
  const kinds = runKinds(catalog);
  const runs: Property<CompareSettings> = {
    key: 'runs',
    field: 'runs',
    allowed: () =>
      `2 to 4 runs separated by commas, each a kind (${catalog.activations.map((k) => k.name).join(', ')}) with “:α” where the kind has one, e.g. relu,leaky_relu:0.01`,
    defaultOf: () => kinds.defaults(),
    read: (raw) => kinds.read(raw),
    write: (s) => s.runs.map(runText).join(','),
  };
  // The shared rows read only shared fields (bias for biasValue), so they serve as they are.
  const shared = makeProperties(catalog).filter((p) =>
    (SHARED as readonly string[]).includes(p.field),
  ) as unknown as Property<CompareSettings>[];
  return [
    runs,
    choiceProp<CompareSettings>('gain', 'gain', () => catalog.heGains.map((g) => g.name), 'relu'),
    numberProp<CompareSettings>(
      'target',
      'target',
      narrow(fieldRange(catalog, 'training.target_loss'), 0, 1000),
      DEFAULT_TARGET,
    ),
    ...shared,
    choiceProp<CompareSettings>('speed', 'speed', () => COMPARE_SPEEDS, '10'),
  ];
}
