// Everything that defines a run and how the page drives it: what the URL hash stores.

export interface RunSettings {
  seed: number;
  dataset: string;
  points: number;
  noise: number;
  trainFraction: number;
  batchSize: number;
  xSquared: boolean;
  x1x2: boolean;
  sin: boolean;
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
  regularization: string;
  regRate: number;
  stepsPerFrame: number;
  /** When true, changing alpha starts the run again instead of applying it live. */
  alphaResets: boolean;
}

export const DATASETS_2D = ['spiral', 'circle', 'xor', 'gauss', 'moons'] as const;
export const DATASETS_REGRESSION = ['plane', 'gaussians', 'sine', 'line', 'abs'] as const;
export const DATASETS: readonly string[] = [...DATASETS_2D, ...DATASETS_REGRESSION];
/** Datasets with one input (x1*x2 does not apply). */
export const DATASETS_1D: readonly string[] = ['sine', 'line', 'abs'];
export const OPTIMIZERS: readonly string[] = ['sgd', 'momentum', 'adam'];
export const INITS: readonly string[] = [
  'he_normal',
  'he_uniform',
  'xavier_normal',
  'xavier_uniform',
  'lecun_normal',
  'pytorch',
];
export const BIASES: readonly string[] = ['zero', 'constant', 'pytorch'];
export const REGULARIZATIONS: readonly string[] = ['none', 'l1', 'l2'];
export const STEPS_PER_FRAME: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500];

export const MAX_LAYERS = 6;
export const MAX_UNITS = 32;

/**
 * The default experiment: a spiral and a deep-ish Leaky ReLU network with Adam. Within a few
 * thousand steps it separates the arms, and some units sit dormant (inactive on every point,
 * yet still getting a gradient through α) and revive along the way. Switch to ReLU to see units
 * die for good.
 */
export const DEFAULT_SETTINGS: Readonly<RunSettings> = Object.freeze({
  seed: 1,
  dataset: 'spiral',
  points: 500,
  noise: 0,
  trainFraction: 0.5,
  batchSize: 10,
  xSquared: false,
  x1x2: false,
  sin: false,
  hidden: [8, 8, 8, 8],
  layerKinds: ['', '', '', ''],
  kind: 'leaky_relu',
  alpha: 0.01,
  lower: 0.125,
  upper: 1 / 3,
  lr: 0.01,
  optimizer: 'adam',
  init: 'he_normal',
  bias: 'zero',
  biasValue: 0.1,
  regularization: 'none',
  regRate: 0.001,
  stepsPerFrame: 10,
  alphaResets: false,
});

export function defaultSettings(): RunSettings {
  return {
    ...DEFAULT_SETTINGS,
    hidden: [...DEFAULT_SETTINGS.hidden],
    layerKinds: [...DEFAULT_SETTINGS.layerKinds],
  };
}
