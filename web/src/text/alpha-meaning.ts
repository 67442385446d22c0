// What alpha means for each activation that has one, in one plain sentence.

const MEANING: Readonly<Record<string, string>> = {
  leaky_relu:
    'The slope for negative inputs (z ≤ 0): 0 is plain ReLU, a small α lets some gradient through.',
  prelu:
    'The slope for negative inputs, as the network has learned it so far (PyTorch starts at 0.25).',
  elu: 'How deep the negative side goes: f(z) levels off at −α for very negative z.',
};

export function alphaMeaning(kind: string): string {
  return MEANING[kind] ?? 'The parameter α of this activation.';
}
