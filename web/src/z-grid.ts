// The inputs z at which the core evaluates the activation: [-5, 5] in steps of 0.01.
// Written as i/100 so that round values (-2, 0, 1.5, ...) are exact and present.

export const Z_STEPS_PER_UNIT = 100;

export function zGrid(min = -5, max = 5): Float32Array {
  const first = Math.round(min * Z_STEPS_PER_UNIT);
  const last = Math.round(max * Z_STEPS_PER_UNIT);
  return Float32Array.from({ length: last - first + 1 }, (_, i) => (first + i) / Z_STEPS_PER_UNIT);
}
