// Plain-words help for the run's controls: one short line each.

const DATASET_LABEL: Readonly<Record<string, string>> = {
  spiral: 'Spiral',
  circle: 'Circle',
  xor: 'XOR',
  gauss: 'Gaussian',
  moons: 'Moons',
  plane: 'Plane',
  gaussians: 'Bumps',
  sine: 'Sine',
  line: 'Line',
  abs: '|x|',
};

const DATASET_HELP: Readonly<Record<string, string>> = {
  spiral: 'Two interleaved spiral arms: hard, needs several layers.',
  circle: 'A blue disc inside an orange ring.',
  xor: 'Opposite corners share a class: no single line separates them.',
  gauss: 'Two overlapping clouds: one line nearly separates them.',
  moons: 'Two interlocking half-moons.',
  plane: 'A sloped plane: the value grows along one direction.',
  gaussians: 'Bumps and dips: a smooth surface to fit.',
  sine: 'One input: fit a sine wave.',
  line: 'One input: fit a straight line.',
  abs: 'One input: fit |x|, a kink at 0 (ReLU’s own shape).',
};

export const datasetLabel = (kind: string): string => DATASET_LABEL[kind] ?? kind;
export const datasetHelp = (kind: string): string => DATASET_HELP[kind] ?? '';

export const HELP = {
  noise: 'Moves points at random: 0 is clean data, 1 very noisy.',
  trainFraction: 'The share of points used for training; the rest test the fit.',
  batchSize: 'Points per training step: small batches give noisier, cheaper steps.',
  points: 'How many points the dataset has.',
  features:
    'Extra inputs computed from x1 and x2. With x², a circle is a straight cut; a network can learn them, but it takes units.',
  layers:
    'Each hidden layer has units; each unit sums its inputs and applies the activation. A unit whose input is negative on every point is inactive: dead with ReLU (no gradient, it cannot learn back), dormant with Leaky ReLU (a gradient of α still flows, so it can revive).',
  kind: 'The activation of every hidden layer (a layer may pick its own below).',
  lr: 'How big each step is. Changes apply live (the weights are kept). Too high and the run diverges.',
  optimizer:
    'SGD takes plain gradient steps; momentum keeps a running direction; Adam scales each weight’s step by its own gradient history.',
  init: 'How the starting weights are drawn. He init suits ReLU-like units.',
  bias: 'Starting biases. A small positive constant keeps ReLU units awake at first.',
  biasValue: 'The starting bias when bias is “constant”.',
  regularization: 'A penalty on weight size: L1 pushes weights to exactly 0, L2 shrinks them all.',
  regRate: 'How strong the penalty is.',
  seed: 'Decides the data, the first weights and the batch order: the same seed gives the same run.',
  stepsPerFrame:
    'Training steps between two screen updates (also what Step runs). More is faster, less is smoother.',
  alphaResets:
    'Off: α changes apply to the running network (watch dormant units revive). On: α starts a fresh run.',
} as const;

export const OPTIMIZER_LABEL: Readonly<Record<string, string>> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adam: 'Adam',
};

export const INIT_LABEL: Readonly<Record<string, string>> = {
  he_normal: 'He normal',
  he_uniform: 'He uniform',
  xavier_normal: 'Xavier (Glorot) normal',
  xavier_uniform: 'Xavier (Glorot) uniform',
  lecun_normal: 'LeCun normal',
  pytorch: 'PyTorch default',
};

export const BIAS_LABEL: Readonly<Record<string, string>> = {
  zero: 'Zero',
  constant: 'Constant',
  pytorch: 'PyTorch default',
};

export const REG_LABEL: Readonly<Record<string, string>> = {
  none: 'None',
  l1: 'L1',
  l2: 'L2',
};
