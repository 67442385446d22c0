// One plain-language line per activation, shown under the selector.

const HELP: Readonly<Record<string, string>> = {
  linear: 'f(z) = z. No non-linearity at all: a reference line.',
  relu: 'f(z) = max(0, z). Negative inputs give 0, and their gradient is 0 too.',
  leaky_relu: 'f(z) = z for z > 0, and α·z otherwise: ReLU with a leak.',
  prelu:
    'Leaky ReLU whose slope α is learned in training; α here is its current value (PyTorch starts at 0.25).',
  rrelu:
    'Leaky ReLU with a random slope from [lower, upper] per element in training; in evaluation (shown) the slope is (lower + upper) / 2.',
  elu: 'f(z) = z for z > 0, and α·(eᶻ − 1) otherwise: smooth, and the negative side levels off at −α.',
  selu: 'Scaled ELU with fixed constants (λ ≈ 1.0507, α ≈ 1.6733) chosen to keep activations normalised.',
  gelu: 'f(z) = z·Φ(z), where Φ is the standard normal distribution function (exact, with erf).',
  gelu_tanh: 'GELU computed with the tanh approximation (as in GPT-2).',
  silu: 'f(z) = z·σ(z), also called swish.',
  tanh: 'tanh(z) squashes every input into (−1, 1).',
  sigmoid: 'σ(z) = 1 / (1 + e⁻ᶻ) squashes every input into (0, 1).',
};

export function kindHelp(kind: string): string {
  return HELP[kind] ?? '';
}
