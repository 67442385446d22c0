// The playground's words and chart rows: step counter, dead/dormant summary, history rows and
// the data points as drawn.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DataPoints, Evaluation, Layout } from '../../web/src/run/protocol.ts';
import {
  DEAD_ALL,
  DORMANT_ALL,
  STEP,
  TEST_ACC,
  TRAIN_LOSS,
  evaluationRow,
  hasPrelu,
  hiddenLayers,
  rowShape,
} from '../../web/src/views/playground/chart-rows.ts';
import { dataPoints, targetRange, valueName } from '../../web/src/views/playground/data-points.ts';
import {
  formatStep,
  nearDeadSummary,
  speedText,
} from '../../web/src/views/playground/summary-text.ts';

function layer(units: number, dead: number, dormant: number, nearDead: number, extra = {}) {
  return {
    units,
    activation: 'leaky_relu',
    alpha: 0.01,
    inactive: dead + dormant,
    dead,
    dormant,
    near_dead: nearDead,
    dead_fraction: dead / units,
    dormant_fraction: dormant / units,
    ...extra,
  };
}

function evaluation(layers: object[], extra = {}): Evaluation {
  return {
    step: 300,
    epoch: 3,
    train_loss: 0.5,
    test_loss: 0.6,
    penalty: 0,
    collapsed: false,
    dead_fraction: 0,
    dormant_fraction: 0,
    layers,
    ...extra,
  } as unknown as Evaluation;
}

describe('summary text', () => {
  it('counts near-dead units that are not inactive, over layers', () => {
    const ev = evaluation([layer(16, 2, 1, 5), layer(16, 1, 1, 3)]);
    assert.equal(
      nearDeadSummary(ev),
      '3 near-dead units (fire on under 1% of the training points)',
    );
    assert.equal(
      nearDeadSummary(evaluation([layer(8, 1, 0, 2)])),
      '1 near-dead unit (fire on under 1% of the training points)',
    );
    assert.equal(nearDeadSummary(evaluation([layer(8, 1, 1, 2)])), '');
  });

  it('says the epoch and the speed, or paused', () => {
    assert.equal(speedText(48, 3123.4, true), 'Epoch 48 · 3,123 steps/s');
    assert.equal(speedText(0, 0, false), 'Epoch 0 · paused');
    assert.equal(speedText(1, 12.34, true), 'Epoch 1 · 12 steps/s');
  });

  it('shortens step labels', () => {
    assert.equal(formatStep(950), '950');
    assert.equal(formatStep(12000), '12k');
    assert.equal(formatStep(2_500_000), '2.5M');
  });
});

const layout: Layout = {
  inputs: 3,
  base_inputs: 2,
  task: 'binary_classification',
  loss: 'bce',
  total_steps: 100,
  domain_min: [-6, -6],
  domain_max: [6, 6],
  input_names: ['x1', 'x2', 'x1x2'],
  layers: [
    {
      in: 3,
      out: 4,
      activation: 'prelu',
      alpha: 0.25,
      output: false,
      w: 0,
      b: 12,
      alpha_offset: 16,
      alpha_count: 4,
    },
    {
      in: 4,
      out: 2,
      activation: 'leaky_relu',
      alpha: 0.01,
      output: false,
      w: 20,
      b: 28,
      alpha_offset: 30,
      alpha_count: 0,
    },
    {
      in: 2,
      out: 1,
      activation: 'linear',
      alpha: 0,
      output: true,
      w: 30,
      b: 32,
      alpha_offset: 33,
      alpha_count: 0,
    },
  ],
};

describe('chart rows', () => {
  it('has step, losses, accuracies, then dead, dormant and alpha per hidden layer', () => {
    assert.equal(hiddenLayers(layout), 2);
    assert.equal(hasPrelu(layout), true);
    const shape = rowShape(2);
    assert.equal(shape.width, 7 + 3 * 2);
    const ev = evaluation(
      [layer(4, 1, 1, 2, { activation: 'prelu', alpha: [0.1, 0.2, 0.3, 0.4] }), layer(2, 0, 1, 1)],
      { train_accuracy: 0.9, test_accuracy: 0.8 },
    );
    const row = evaluationRow(ev, shape);
    assert.equal(row[STEP], 300);
    assert.equal(row[TRAIN_LOSS], 0.5);
    assert.equal(row[TEST_ACC], 0.8);
    assert.equal(row[DEAD_ALL], ev.dead_fraction);
    assert.equal(row[DORMANT_ALL], ev.dormant_fraction);
    assert.deepEqual(row.slice(shape.dead, shape.dead + 2), [0.25, 0]);
    assert.deepEqual(row.slice(shape.dormant, shape.dormant + 2), [0.25, 0.5]);
    assert.ok(Math.abs(row[shape.alpha]! - 0.25) < 1e-12);
    assert.equal(row[shape.alpha + 1], null);
  });

  it('turns missing or non-finite values into gaps', () => {
    const shapeOf1 = rowShape(1);
    const row = evaluationRow(evaluation([], { train_loss: Number.NaN }), shapeOf1);
    assert.equal(row[TRAIN_LOSS], null);
    assert.equal(row[TEST_ACC], null);
    assert.equal(row[shapeOf1.dead], null);
  });
});

describe('data points', () => {
  const data: DataPoints = {
    // the raw inputs, base_inputs (2) per row, whichever columns the network is fed
    trainX: Float32Array.from([1, 2, 3, 4]),
    trainY: Float32Array.from([0, 1]),
    testX: Float32Array.from([5, 6]),
    testY: Float32Array.from([1]),
  };

  it('reads the raw inputs of each row with stride layout.base_inputs, test first', () => {
    assert.deepEqual(dataPoints(layout, data), [
      { x1: 5, x2: 6, y: 1, test: true },
      { x1: 1, x2: 2, y: 0, test: false },
      { x1: 3, x2: 4, y: 1, test: false },
    ]);
  });

  it('uses [0, 1] for classification and a symmetric range for signed targets', () => {
    assert.deepEqual(targetRange(layout, []), [0, 1]);
    const reg = { ...layout, task: 'regression' as const, loss: 'mse' as const };
    const pts = (ys: number[]) => ys.map((y) => ({ x1: 0, x2: 0, y, test: false }));
    assert.deepEqual(targetRange(reg, pts([-0.5, 2])), [-2, 2]);
    assert.deepEqual(targetRange(reg, pts([1, 3])), [1, 3]);
    assert.deepEqual(targetRange(reg, pts([2, 2])), [1, 3]);
    assert.deepEqual(targetRange(reg, pts([])), [0, 1]);
    assert.equal(valueName(layout), 'probability of label 1');
    assert.equal(valueName(reg), 'prediction');
  });
});
