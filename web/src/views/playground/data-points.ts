// The dataset's points as the data views draw them: first base inputs of each row and the
// target. Pure.
import type { DataPoints, Layout } from '../../run/protocol';

export interface Point {
  x1: number;
  x2: number;
  y: number;
  test: boolean;
}

function rows(x: Float32Array, y: Float32Array, stride: number, test: boolean): Point[] {
  const n = Math.min(y.length, stride > 0 ? Math.floor(x.length / stride) : 0);
  const out: Point[] = [];
  for (let r = 0; r < n; r++) {
    const x1 = x[r * stride]!;
    const x2 = stride > 1 ? x[r * stride + 1]! : 0;
    out.push({ x1, x2, y: y[r]!, test });
  }
  return out;
}

/** Test points then train points (the filled train dots drawn last, on top of the rings). */
export function dataPoints(layout: Layout, data: DataPoints): Point[] {
  return [
    ...rows(data.testX, data.testY, layout.base_inputs, true),
    ...rows(data.trainX, data.trainY, layout.base_inputs, false),
  ];
}

/** Range of the targets (for regression colours and axes); [0, 1] for classification. */
export function targetRange(layout: Layout, points: readonly Point[]): [number, number] {
  if (layout.task === 'binary_classification') return [0, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.y)) continue;
    lo = Math.min(lo, p.y);
    hi = Math.max(hi, p.y);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi === lo) return [lo - 1, hi + 1];
  // Targets of both signs: symmetric, so white is exactly 0.
  if (lo < 0 && hi > 0) {
    const m = Math.max(-lo, hi);
    return [-m, m];
  }
  return [lo, hi];
}

/** What the heatmap/curve value is, in words. */
export function valueName(layout: Layout): string {
  if (layout.task === 'binary_classification')
    return layout.loss === 'mse' ? 'prediction' : 'probability of label 1';
  return 'prediction';
}
