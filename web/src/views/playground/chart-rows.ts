// One row of chart history per evaluation: step, losses, accuracies, then per hidden layer the
// dead fraction, the dormant fraction and the (mean) alpha. Values are the core's; non-finite
// or missing values become null (a gap). Pure.
import type { Evaluation, Layout } from '../../run/protocol';
import { meanAlpha } from './unit-info';

export interface RowShape {
  hidden: number;
  /** Column index of each group's first layer. */
  dead: number;
  dormant: number;
  alpha: number;
  width: number;
}

export const STEP = 0;
export const TRAIN_LOSS = 1;
export const TEST_LOSS = 2;
export const TRAIN_ACC = 3;
export const TEST_ACC = 4;
/** Network-wide dead and dormant fractions (every hidden unit). */
export const DEAD_ALL = 5;
export const DORMANT_ALL = 6;

export function hiddenLayers(layout: Layout): number {
  return layout.layers.filter((l) => !l.output).length;
}

export function rowShape(hidden: number): RowShape {
  const dead = 7;
  return {
    hidden,
    dead,
    dormant: dead + hidden,
    alpha: dead + 2 * hidden,
    width: dead + 3 * hidden,
  };
}

/** Whether any hidden layer learns its slope (the alpha chart is shown then). */
export function hasPrelu(layout: Layout): boolean {
  return layout.layers.some((l) => !l.output && l.activation === 'prelu');
}

function finite(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function evaluationRow(ev: Evaluation, shape: RowShape): (number | null)[] {
  const row: (number | null)[] = new Array<number | null>(shape.width).fill(null);
  row[STEP] = ev.step;
  row[TRAIN_LOSS] = finite(ev.train_loss);
  row[TEST_LOSS] = finite(ev.test_loss);
  row[TRAIN_ACC] = finite(ev.train_accuracy);
  row[TEST_ACC] = finite(ev.test_accuracy);
  row[DEAD_ALL] = finite(ev.dead_fraction);
  row[DORMANT_ALL] = finite(ev.dormant_fraction);
  for (let i = 0; i < shape.hidden; i++) {
    const layer = ev.layers[i];
    if (layer === undefined) continue;
    row[shape.dead + i] = finite(layer.dead_fraction);
    row[shape.dormant + i] = finite(layer.dormant_fraction);
    row[shape.alpha + i] = layer.activation === 'prelu' ? finite(meanAlpha(layer.alpha)) : null;
  }
  return row;
}
