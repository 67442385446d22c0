// The slider <-> alpha mapping: ends, exact stops, monotone, invertible, hostile input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SLIDER_MAX,
  alphaToPosition,
  isSliderStop,
  positionToAlpha,
} from '../../web/src/controls/alpha-scale.ts';

const positions = Array.from({ length: SLIDER_MAX + 1 }, (_, p) => p);

describe('alpha-scale', () => {
  it('has 0 and 1 at the ends', () => {
    assert.equal(positionToAlpha(0), 0);
    assert.equal(positionToAlpha(SLIDER_MAX), 1);
    assert.equal(alphaToPosition(0), 0);
    assert.equal(alphaToPosition(1), SLIDER_MAX);
  });

  it('is strictly increasing over every position', () => {
    for (const p of positions.slice(1)) {
      assert.ok(positionToAlpha(p) > positionToAlpha(p - 1), `alpha(${p}) > alpha(${p - 1})`);
    }
  });

  it('is invertible: position -> alpha -> position is the identity', () => {
    for (const p of positions) assert.equal(alphaToPosition(positionToAlpha(p)), p);
  });

  it('reaches the values people type exactly (fine near 0, presets included)', () => {
    for (const a of [
      0, 0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.015, 0.05, 0.1, 0.18, 0.2, 0.25, 0.3, 0.5,
      0.99, 1,
    ]) {
      assert.ok(isSliderStop(a), `${a} is a stop`);
      assert.equal(positionToAlpha(alphaToPosition(a)), a);
    }
  });

  it('is fine near 0: a third of the track lies below 0.01, half below 0.05', () => {
    assert.ok(positionToAlpha(Math.floor(SLIDER_MAX / 3)) < 0.01);
    assert.ok(positionToAlpha(SLIDER_MAX / 2) <= 0.05);
    // and each step is at most 1% of the value above 0.001 (log-like resolution)
    for (const p of positions.filter((p) => positionToAlpha(p) >= 0.001 && p < SLIDER_MAX)) {
      const a = positionToAlpha(p);
      assert.ok((positionToAlpha(p + 1) - a) / a <= 0.1 + 1e-12, `step at ${a}`);
    }
  });

  it('maps any alpha to the nearest stop, clamping outside [0, 1]', () => {
    assert.equal(positionToAlpha(alphaToPosition(0.0123)), 0.012);
    assert.equal(positionToAlpha(alphaToPosition(0.01251)), 0.013);
    assert.equal(positionToAlpha(alphaToPosition(1 / 3)), 0.33);
    assert.equal(alphaToPosition(-0.5), 0);
    assert.equal(alphaToPosition(-Infinity), 0);
    assert.equal(alphaToPosition(7), SLIDER_MAX);
    assert.equal(alphaToPosition(Infinity), SLIDER_MAX);
    assert.equal(alphaToPosition(NaN), 0);
    assert.equal(isSliderStop(0.0123), false);
    assert.equal(isSliderStop(2), false);
  });

  it('rounds and clamps hostile positions', () => {
    assert.equal(positionToAlpha(-10), 0);
    assert.equal(positionToAlpha(1e9), 1);
    assert.equal(positionToAlpha(NaN), 0);
    assert.equal(positionToAlpha(100.4), positionToAlpha(100));
    assert.equal(positionToAlpha(100), 0.01);
  });
});
