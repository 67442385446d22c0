// Plain-words help for the run's controls: one short line each.

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

export const datasetHelp = (kind: string): string => DATASET_HELP[kind] ?? '';

export const HELP = {
  noise: 'Moves points at random: 0 is clean data, 1 very noisy.',
  trainFraction: 'The share of points used for training; the rest test the fit.',
  batchSize: 'Points per training step: small batches give noisier, cheaper steps.',
  points: 'How many points the dataset has.',
  features:
    'Which columns the network gets. Squares, the product and sines are computed from x1 and x2: with x1² and x2², a circle is a straight cut.',
  layers:
    'Each hidden layer has units; each unit sums its inputs into z and applies the activation. A unit with z ≤ 0 on every training point is inactive. With ReLU (α = 0) it is dead: no gradient reaches its own weights and bias, so it cannot pull itself back, though a unit in layer 2 or deeper can still come back when the layers before it change its input (a first-layer unit on fixed data cannot). With Leaky ReLU it is dormant: a gradient scaled by α still reaches its weights, so it can revive.',
  kind: 'The activation of every hidden layer (a layer may pick its own below).',
  lr: 'How big each step is. Changes apply live (the weights are kept). Too high and the run diverges.',
  optimizer:
    'SGD takes plain gradient steps; momentum keeps a running direction; Adam scales each weight’s step by its own gradient history.',
  init: 'How the starting weights are drawn. He init suits ReLU-like units.',
  bias: 'Starting biases. A small positive constant keeps ReLU units awake at first.',
  biasValue: 'The starting bias when bias is “constant”.',
  regularization: 'A penalty on weight size: L1 pushes weights to exactly 0, L2 shrinks them all.',
  regRate: 'How strong the penalty is.',
  seed: 'Decides the first weights and the batch order: the same seeds give the same run.',
  speed:
    'Training steps between two screen updates (also what Step runs). “fast” fills each frame with as many steps as the engine can run, so its speed readout shows what SIMD or an activation really costs.',
  evalEvery:
    'Statistics (losses, dead and dormant units, revivals) are measured every this many steps, as the command line’s eval_every: a revival is a unit inactive at one measurement and active at the next.',
  dataSeed: 'Decides the data points. Keep it to compare networks on the same data.',
  showTest: 'Draws the test points too (outlined), which the network never trains on.',
  discretize:
    'Shows only the predicted class (or rounds the prediction) instead of the smooth value.',
  alphaResets:
    'Off: α changes apply to the running network (watch dormant units revive). On: α starts a fresh run.',
  runAlpha:
    'This run’s slope α: a change applies live, to this run only, and keeps its weights (marked on the charts in its colour).',
  gain: 'Off: every run starts from the same weights, drawn with ReLU’s He gain √2 whatever its activation. On: each activation takes its own He gain √(2/(1 + α²)), as in a framework, so leaky runs start a little smaller.',
  target: 'The training loss whose first evaluated step the table shows for each run (0: none).',
} as const;
