// Which links the network view draws and how: by weight sign (two colours) and size (|w| as
// width and opacity, in a few levels so each level is stroked as one path). Pure.
// W of a layer is [in x out] row-major: the weight from input i to unit o is at w + i*out + o.

export interface Link {
  from: number;
  to: number;
  weight: number;
}

export const LEVELS = 4;

/**
 * The links between the first `shownIn` inputs and the first `shownOut` units of a layer,
 * at most `limit` of them: the strongest by |w| when there are more (in input-major order).
 * Non-finite weights are left out.
 */
export function selectLinks(
  params: ArrayLike<number>,
  offset: number,
  inputs: number,
  outputs: number,
  shownIn: number,
  shownOut: number,
  limit: number,
): Link[] {
  const links: Link[] = [];
  const nIn = Math.max(0, Math.min(shownIn, inputs));
  const nOut = Math.max(0, Math.min(shownOut, outputs));
  if (limit <= 0 || nIn === 0 || nOut === 0) return links;
  // The smallest |w| kept: the limit-th largest (typed-array sort: fast for ~1000 values).
  let threshold = -Infinity;
  if (nIn * nOut > limit) {
    const mags = new Float32Array(nIn * nOut);
    for (let i = 0; i < nIn; i++)
      for (let o = 0; o < nOut; o++) {
        const w = params[offset + i * outputs + o] ?? NaN;
        mags[i * nOut + o] = Number.isFinite(w) ? Math.abs(w) : -1;
      }
    mags.sort();
    threshold = mags[mags.length - limit]!;
  }
  // Links stronger than the threshold, then ties at the threshold while room is left.
  let ties = limit - countAbove(params, offset, outputs, nIn, nOut, threshold);
  for (let i = 0; i < nIn; i++) {
    for (let o = 0; o < nOut; o++) {
      const weight = params[offset + i * outputs + o];
      if (weight === undefined || !Number.isFinite(weight)) continue;
      const m = Math.abs(weight);
      if (m < threshold) continue;
      if (m === threshold) {
        if (ties <= 0) continue;
        ties -= 1;
      }
      links.push({ from: i, to: o, weight });
    }
  }
  return links;
}

function countAbove(
  params: ArrayLike<number>,
  offset: number,
  outputs: number,
  nIn: number,
  nOut: number,
  threshold: number,
): number {
  if (threshold === -Infinity) return 0;
  let n = 0;
  for (let i = 0; i < nIn; i++)
    for (let o = 0; o < nOut; o++) {
      const w = params[offset + i * outputs + o];
      if (w !== undefined && Number.isFinite(w) && Math.abs(w) > threshold) n += 1;
    }
  return n;
}

/** Largest |w| over links (0 when none). */
export function maxAbsWeight(links: readonly Link[]): number {
  let m = 0;
  for (const l of links) m = Math.max(m, Math.abs(l.weight));
  return m;
}

/** Size level 0..LEVELS-1 of a weight relative to the largest |w| shown. */
export function linkLevel(weight: number, maxAbs: number): number {
  if (!(maxAbs > 0)) return 0;
  const t = Math.min(1, Math.abs(weight) / maxAbs);
  return Math.min(LEVELS - 1, Math.floor(t * LEVELS));
}

/** Stroke of a level: width in CSS pixels and opacity. */
export function levelStroke(level: number): { width: number; alpha: number } {
  const t = (level + 1) / LEVELS;
  return { width: 0.6 + 2.6 * t * t, alpha: 0.18 + 0.62 * t };
}

/**
 * Per-layer link budgets. A layer keeps all its links up to `perUnit` links per drawn unit
 * (its wider side), so dense layers show their strongest links, not a solid wall; the
 * network's `total` is then shared in proportion.
 */
export function linkBudgets(
  layers: readonly { shownIn: number; shownOut: number }[],
  total: number,
  perUnit = 5,
): number[] {
  const wanted = layers.map(({ shownIn, shownOut }) =>
    Math.min(shownIn * shownOut, perUnit * Math.max(shownIn, shownOut)),
  );
  const sum = wanted.reduce((a, b) => a + b, 0);
  if (sum <= total) return wanted;
  return wanted.map((n) => Math.floor((n / sum) * total));
}
