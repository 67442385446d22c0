// Everything that defines a playground run and how the page shows it: what the link stores.
// The values, their link keys, defaults and bounds live in one table (properties.ts).

/** The input columns a network can be given (the core's names, core/data/features.hpp). */
export const INPUT_COLUMNS = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'] as const;
export type InputColumn = (typeof INPUT_COLUMNS)[number];

export type Regularization = 'none' | 'l1' | 'l2';

export interface Settings {
  /** Decides the first weights, the batch order and RReLU noise. */
  seed: number;
  /** Decides the data points (kept while `seed` varies). */
  dataSeed: number;
  dataset: string;
  points: number;
  noise: number;
  trainFraction: number;
  batchSize: number;
  /** The columns fed to the network, in INPUT_COLUMNS order. */
  inputs: InputColumn[];
  /** Units per hidden layer. */
  hidden: number[];
  /** Per hidden layer: an activation kind, or '' for the network's `kind`. */
  layerKinds: string[];
  /** The network's activation (also what the activation plot shows). */
  kind: string;
  alpha: number;
  lower: number;
  upper: number;
  lr: number;
  optimizer: string;
  init: string;
  bias: string;
  biasValue: number;
  regularization: Regularization;
  regRate: number;
  /** Statistics every this many steps (as the CLI's training.eval_every). */
  evalEvery: number;
  /** Steps per frame ('1' ... '500'), or 'fast': as many steps as fit in a frame's budget. */
  speed: string;
  /** When true, changing alpha starts the run again instead of applying it live. */
  alphaResets: boolean;
  showTest: boolean;
  discretize: boolean;
}

/** Settings that apply to a running network without starting it again. */
export type LiveField = 'alpha' | 'lr';

/** A live change as the run applied it: from `step` on, `field` was `value`. */
export interface LiveChange {
  step: number;
  field: LiveField;
  value: number;
}

/** The playground's own limits: small networks that draw legibly. */
export const PAGE_LIMITS = {
  layers: 6,
  units: 32,
  points: { min: 20, max: 2000 },
  trainFraction: { min: 0.1, max: 0.9 },
  batchSize: { min: 1, max: 500 },
  evalEvery: { min: 1, max: 10_000 },
  /** The same number of live changes a link may replay. */
  liveChanges: 50,
  /** Files the page reads (a model, a CSV): bytes, checked before a file is read at all. */
  importBytes: 2 * 1024 * 1024,
  /** A CSV's data rows (the core's own limit is 100000; the page draws every point). */
  importRows: 10_000,
  /** A CSV's input columns: the views plot one or two. */
  importInputs: 2,
} as const;

export const SPEEDS: readonly string[] = [
  '1',
  '2',
  '5',
  '10',
  '20',
  '50',
  '100',
  '200',
  '500',
  'fast',
];

export function isOneDimensional(dataset: string, inputsOf: (d: string) => number): boolean {
  return inputsOf(dataset) === 1;
}
