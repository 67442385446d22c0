// One plain sentence about an unusual alpha, or null when the value is ordinary.

export interface AlphaNote {
  level: 'warning' | 'info';
  text: string;
}

export function alphaNote(kind: string, alpha: number): AlphaNote | null {
  if (kind === 'leaky_relu' || kind === 'prelu') {
    if (alpha < 0)
      return {
        level: 'warning',
        text: 'α < 0 makes the function non-monotone: negative inputs come out positive.',
      };
    if (alpha > 1)
      return {
        level: 'warning',
        text: 'α > 1 makes the negative side steeper than the positive side.',
      };
    if (alpha === 1)
      return {
        level: 'warning',
        text: 'α = 1 gives slope 1 on both sides: the identity, with no non-linearity left.',
      };
    if (alpha === 0)
      return {
        level: 'info',
        text: 'α = 0 is plain ReLU: for z ≤ 0 the output and the gradient are 0.',
      };
    return null;
  }
  if (kind === 'elu') {
    if (alpha < 0)
      return {
        level: 'warning',
        text: 'α < 0 makes ELU non-monotone: the negative side rises towards +|α|.',
      };
    if (alpha === 0)
      return { level: 'info', text: 'α = 0 flattens the negative side to 0, as in ReLU.' };
    return null;
  }
  return null;
}
