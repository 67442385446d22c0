// Colour scales of the playground views (Okabe-Ito based: safe for colour-blind readers).
// Pure: value -> colour, no DOM.

export type Rgb = readonly [number, number, number];

/** Okabe-Ito orange (label 0 / low) and blue (label 1 / high), white between. */
export const LOW: Rgb = [230, 159, 0];
export const MID: Rgb = [255, 255, 255];
export const HIGH: Rgb = [0, 114, 178];

/** Series colours: Okabe-Ito without yellow (unreadable on white). */
export const SERIES = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#E69F00',
  '#000000',
  '#8a6d00',
] as const;

/** Viridis stops (perceptually ordered, colour-blind safe); the light yellow end is left out. */
const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/**
 * Colour of hidden layer i of n: the categorical palette up to its size, else an ordered ramp
 * (so layer 1 and layer 9 never share a colour).
 */
export function layerColour(i: number, n: number): string {
  if (n <= SERIES.length) return seriesColour(i);
  const t = (n > 1 ? i / (n - 1) : 0) * 0.85 * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(t));
  return css(mix(VIRIDIS[k]!, VIRIDIS[k + 1]!, t - k));
}

/** Weight sign colours of the network links. */
export const POSITIVE = '#0072B2';
export const NEGATIVE = '#D55E00';

export function seriesColour(i: number): string {
  return SERIES[((i % SERIES.length) + SERIES.length) % SERIES.length] ?? SERIES[0];
}

function mix(a: Rgb, b: Rgb, t: number): [number, number, number] {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}

/** Position of v in [lo, hi] as 0..1 (clamped; NaN and an empty range give the middle). */
export function unitPosition(v: number, lo: number, hi: number): number {
  if (!Number.isFinite(v) || !(hi > lo)) return 0.5;
  const t = (v - lo) / (hi - lo);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** The diverging scale at t in [0, 1]: orange, white at 0.5, blue. */
export function diverging(t: number): [number, number, number] {
  const c = t < 0 ? 0 : t > 1 ? 1 : Number.isFinite(t) ? t : 0.5;
  return c < 0.5 ? mix(LOW, MID, c * 2) : mix(MID, HIGH, (c - 0.5) * 2);
}

/**
 * A lookup table of n RGBA entries of the diverging scale (for ImageData), toned down towards
 * white by `strength` < 1 so points in the full label colours stay visible on top.
 */
export function divergingTable(n = 256, strength = 1): Uint8ClampedArray {
  const table = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const [r, g, b] = mix(MID, diverging(n === 1 ? 0.5 : i / (n - 1)), strength);
    table.set([r, g, b, 255], i * 4);
  }
  return table;
}

/** Index into a table of n entries for v over [lo, hi]. */
export function tableIndex(v: number, lo: number, hi: number, n: number): number {
  return Math.round(unitPosition(v, lo, hi) * (n - 1));
}

/** Point colours by label: 0 orange-red, 1 blue (a stronger version of the heatmap ends). */
export const LABEL_0 = '#D55E00';
export const LABEL_1 = '#0072B2';

export function css(rgb: Rgb): string {
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}

/** Sequential scale of the activation rate: pale grey (never fires) to dark blue (always). */
const RATE_STOPS: readonly Rgb[] = [
  [236, 239, 243],
  [86, 180, 233],
  [0, 62, 120],
];

export function rateColour(rate: number): string {
  const t = unitPosition(rate, 0, 1);
  const rgb =
    t < 0.5
      ? mix(RATE_STOPS[0]!, RATE_STOPS[1]!, t * 2)
      : mix(RATE_STOPS[1]!, RATE_STOPS[2]!, (t - 0.5) * 2);
  return css(rgb);
}

/** Text colour that stays readable on rateColour(rate). */
export function rateInk(rate: number): string {
  return rate > 0.55 ? '#ffffff' : '#1b1f24';
}
