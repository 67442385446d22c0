// Framework defaults for Leaky ReLU's negative slope, offered as one-click presets.

export interface AlphaPreset {
  label: string;
  alpha: number;
  /** Where the value comes from, shown as a tooltip. */
  source: string;
}

export const ALPHA_PRESETS: readonly AlphaPreset[] = [
  { label: 'PyTorch', alpha: 0.01, source: 'PyTorch: torch.nn.LeakyReLU default negative_slope' },
  { label: 'TF', alpha: 0.2, source: 'TensorFlow: tf.nn.leaky_relu default alpha' },
  { label: 'Keras', alpha: 0.3, source: 'Keras: keras.layers.LeakyReLU default' },
  { label: 'Very leaky', alpha: 0.18, source: '1/5.5 ≈ 0.18 (Xu et al. 2015)' },
];

/** Kinds whose alpha is a leaky slope, for which the framework presets make sense. */
export const PRESET_KINDS: readonly string[] = ['leaky_relu', 'prelu'];
