// Every activation by its table name (DESIGN.md section 2), in the core's order.
export const KINDS = [
  'linear',
  'relu',
  'leaky_relu',
  'prelu',
  'rrelu',
  'elu',
  'selu',
  'gelu',
  'gelu_tanh',
  'silu',
  'tanh',
  'sigmoid',
];
