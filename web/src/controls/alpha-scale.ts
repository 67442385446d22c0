// Slider position <-> alpha. Pure; fine near 0, exact decimal values at every step.
//
// Positions 0..280 (integers):
//   0..10     alpha = 0 .. 0.001    in steps of 0.0001  (linear, so 0 is reachable)
//   10..100   alpha = 0.001 .. 0.01 in steps of 0.0001
//   100..190  alpha = 0.01 .. 0.1   in steps of 0.001
//   190..280  alpha = 0.1 .. 1      in steps of 0.01
// Each decade gets the same length of track (a log feel), 0 and 1 are the ends,
// and 0.001, 0.01, 0.18, 0.2, 0.25, 0.3 are all exact stops.

export const SLIDER_MAX = 280;
const FIRST = 10; // positions in the linear segment [0, 0.001]
const PER_DECADE = 90;

/** Alpha at an integer slider position (non-integers are rounded, out-of-range clamped). */
export function positionToAlpha(position: number): number {
  const p = Math.min(SLIDER_MAX, Math.max(0, Math.round(Number.isFinite(position) ? position : 0)));
  if (p <= FIRST) return p / 10000;
  const decade = Math.min(2, Math.floor((p - FIRST) / PER_DECADE));
  const j = p - FIRST - decade * PER_DECADE;
  // decade 0: (10 + j) / 10000, decade 1: (10 + j) / 1000, decade 2: (10 + j) / 100
  return (10 + j) / 10 ** (4 - decade);
}

const STOPS: readonly number[] = Array.from({ length: SLIDER_MAX + 1 }, (_, p) =>
  positionToAlpha(p),
);

/** The slider position whose alpha is nearest to `alpha` (values outside [0, 1] pin to an end). */
export function alphaToPosition(alpha: number): number {
  if (Number.isNaN(alpha) || alpha <= 0) return 0;
  if (alpha >= 1) return SLIDER_MAX;
  // Binary search for the first stop >= alpha, then pick the nearer neighbour.
  let lo = 0;
  let hi = SLIDER_MAX;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((STOPS[mid] as number) < alpha) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  const above = STOPS[lo] as number;
  const below = STOPS[lo - 1] as number;
  return alpha - below <= above - alpha ? lo - 1 : lo;
}

/** True when the slider can show `alpha` exactly. */
export function isSliderStop(alpha: number): boolean {
  return positionToAlpha(alphaToPosition(alpha)) === alpha;
}
