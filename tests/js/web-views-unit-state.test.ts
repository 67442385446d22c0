// Unit states: each drawn with a distinct shape cue (not colour alone), said in words, and the
// card's values read from the core's evaluation, layout and parameters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Evaluation, Layout, LayerEvaluation } from '../../web/src/run/protocol.ts';
import {
  alphaText,
  histogramRow,
  meanAlpha,
  ratePercent,
  unitInfo,
} from '../../web/src/views/playground/unit-info.ts';
import { stateName, stateWords, unitStyle } from '../../web/src/views/playground/unit-style.ts';

const STATES = ['active', 'near_dead', 'dormant', 'dead'] as const;

describe('unitStyle', () => {
  it('gives every state a different shape cue', () => {
    const cue = (s: (typeof STATES)[number]) => {
      const st = unitStyle(s, false, false);
      return JSON.stringify([st.fill, st.dash, st.cross, st.outerDots]);
    };
    assert.equal(new Set(STATES.map(cue)).size, STATES.length);
  });

  it('marks dead with a dark fill and cross, dormant hollow and dashed', () => {
    const dead = unitStyle('dead', false, false);
    assert.equal(dead.fill, 'dead');
    assert.equal(dead.cross, true);
    const dormant = unitStyle('dormant', false, false);
    assert.equal(dormant.fill, 'hollow');
    assert.ok(dormant.dash.length > 0);
    assert.equal(dormant.cross, false);
    assert.equal(unitStyle('near_dead', false, false).outerDots, true);
    assert.equal(unitStyle('active', false, false).fill, 'rate');
  });

  it('adds the revived ring and the born-dead marker to any state', () => {
    for (const s of STATES) {
      assert.equal(unitStyle(s, true, false).bornMarker, true);
      assert.equal(unitStyle(s, false, true).revivedRing, true);
      assert.equal(unitStyle(s, false, false).revivedRing, false);
    }
  });

  it('says each state in words', () => {
    assert.match(stateWords('dead'), /no gradient/);
    assert.match(stateWords('dormant'), /a gradient scaled by α still reaches its weights/);
    assert.match(stateWords('near_dead'), /very few/);
    assert.equal(stateWords('active'), 'active');
    assert.equal(stateName('near_dead'), 'near-dead');
  });
});

describe('card values', () => {
  it('formats rates as percentages', () => {
    assert.equal(ratePercent(0), '0%');
    assert.equal(ratePercent(1), '100%');
    assert.equal(ratePercent(0.476), '48%');
    assert.equal(ratePercent(0.004), '0.4%');
    assert.equal(ratePercent(Number.NaN), '—');
  });

  it('reads alpha per unit (PReLU per unit), per layer, or not at all', () => {
    assert.equal(alphaText([0.1, -0.25, 0.3], 'prelu', 1), '−0.25 (learned, this unit)');
    assert.equal(alphaText([0.2], 'prelu', 5), '0.2 (learned, whole layer)');
    assert.equal(alphaText(0.01, 'leaky_relu', 3), '0.01 (whole layer)');
    assert.equal(alphaText(undefined, 'relu', 0), undefined);
    assert.equal(alphaText([], 'prelu', 0), undefined);
    assert.equal(meanAlpha([0.1, 0.3]), 0.2);
    assert.equal(meanAlpha(0.25), 0.25);
    assert.equal(meanAlpha(undefined), null);
  });

  it('takes row u of a units x bins histogram block', () => {
    assert.deepEqual(histogramRow([1, 2, 3, 4, 5, 6], 3, 1), [3, 4]);
    assert.deepEqual(histogramRow([1, 2, 3], 2, 0), []);
    assert.deepEqual(histogramRow([], 0, 0), []);
  });

  const layer: LayerEvaluation = {
    units: 2,
    activation: 'prelu',
    alpha: [0.25, -0.1],
    inactive: 1,
    dead: 0,
    dormant: 1,
    near_dead: 1,
    born_dead: 1,
    revived: 0,
    inactive_fraction: 0.5,
    dead_fraction: 0,
    dormant_fraction: 0.5,
    near_dead_fraction: 0.5,
    sparsity: 0.5,
    sparsity_kind: 'negative_side',
    mean_abs_grad: 0.1,
    weight_norm: 1,
    histogram_range: 5,
    histogram: [1, 2, 3],
    rate: [0.5, 0],
    state: ['active', 'dormant'],
    born_dead_units: [0, 1],
    revivals: [2, 0],
    unit_histograms: [1, 0, 0, 0, 0, 9],
  };
  const layout: Layout = {
    inputs: 2,
    base_inputs: 2,
    task: 'binary_classification',
    loss: 'bce',
    total_steps: 100,
    domain_min: [-6, -6],
    domain_max: [6, 6],
    input_names: ['x1', 'x2'],
    layers: [
      {
        in: 2,
        out: 2,
        activation: 'prelu',
        alpha: 0.25,
        output: false,
        w: 0,
        b: 4,
        alpha_offset: 6,
        alpha_count: 2,
      },
      {
        in: 2,
        out: 1,
        activation: 'linear',
        alpha: 0,
        output: true,
        w: 8,
        b: 10,
        alpha_offset: 11,
        alpha_count: 0,
      },
    ],
  };
  const evaluation = { step: 10, layers: [layer] } as unknown as Evaluation;
  const params = Float32Array.from([0, 0, 0, 0, 0.5, -1.5, 0.25, -0.1, 0, 0, 0.75]);

  it('builds the card of a hidden unit from the core values', () => {
    const info = unitInfo(layout, evaluation, params, 0, 1);
    assert.equal(info.title, 'Layer 1, unit 2');
    assert.equal(info.rate, 0);
    assert.equal(info.state, 'dormant');
    assert.equal(info.bornDead, true);
    assert.equal(info.revivals, 0);
    assert.equal(info.bias, -1.5);
    assert.equal(info.alpha, '−0.1 (learned, this unit)');
    assert.deepEqual(info.histogram, { bins: [0, 0, 9], range: 5 });
    assert.equal(unitInfo(layout, evaluation, params, 0, 0).revivals, 2);
  });

  it('builds the output card with its bias and no statistics', () => {
    const info = unitInfo(layout, evaluation, params, 1, 0);
    assert.equal(info.title, 'Output unit');
    assert.equal(info.bias, 0.75);
    assert.equal(info.rate, undefined);
    assert.equal(info.histogram, undefined);
  });

  it('copes with no evaluation or parameters yet and unknown layers', () => {
    const info = unitInfo(layout, null, null, 0, 0);
    assert.equal(info.title, 'Layer 1, unit 1');
    assert.equal(info.bias, undefined);
    assert.equal(unitInfo(layout, null, null, 7, 0).title, 'Unknown unit');
  });
});
