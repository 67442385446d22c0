// Playground colour scales and axis ticks: ends, midpoint, clamping, hostile values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  HIGH,
  LOW,
  MID,
  diverging,
  divergingTable,
  layerColour,
  rateColour,
  seriesColour,
  tableIndex,
  unitPosition,
} from '../../web/src/views/playground/colour-scale.ts';
import { niceTicks } from '../../web/src/views/playground/ticks.ts';

describe('diverging scale', () => {
  it('is orange at 0, white at 0.5, blue at 1', () => {
    assert.deepEqual(diverging(0), [...LOW]);
    assert.deepEqual(diverging(0.5), [...MID]);
    assert.deepEqual(diverging(1), [...HIGH]);
  });

  it('clamps outside [0, 1] and maps NaN to the middle', () => {
    assert.deepEqual(diverging(-3), [...LOW]);
    assert.deepEqual(diverging(7), [...HIGH]);
    assert.deepEqual(diverging(Number.NaN), [...MID]);
  });

  it('has a table whose ends and middle match the scale, opaque', () => {
    const t = divergingTable(257);
    assert.equal(t.length, 257 * 4);
    assert.deepEqual([...t.slice(0, 4)], [...LOW, 255]);
    assert.deepEqual([...t.slice(128 * 4, 128 * 4 + 4)], [...MID, 255]);
    assert.deepEqual([...t.slice(256 * 4)], [...HIGH, 255]);
  });

  it('tones the table towards white with strength < 1, keeping white in the middle', () => {
    const t = divergingTable(3, 0.5);
    assert.deepEqual([...t.slice(4, 8)], [255, 255, 255, 255]);
    assert.ok(t[8]! > HIGH[0] && t[8]! < 255);
  });
});

describe('unitPosition and tableIndex', () => {
  it('maps the range ends to the table ends', () => {
    assert.equal(tableIndex(0, 0, 1, 256), 0);
    assert.equal(tableIndex(1, 0, 1, 256), 255);
    assert.equal(tableIndex(-2, -2, 2, 256), 0);
    assert.equal(tableIndex(0.5, 0, 1, 256), 128);
  });

  it('clamps and survives NaN, infinities and empty ranges', () => {
    assert.equal(tableIndex(9, 0, 1, 256), 255);
    assert.equal(tableIndex(-Infinity, 0, 1, 256), 128);
    assert.equal(unitPosition(Number.NaN, 0, 1), 0.5);
    assert.equal(unitPosition(3, 2, 2), 0.5);
    assert.equal(unitPosition(3, 5, 1), 0.5);
  });
});

describe('rate and series colours', () => {
  it('goes from pale (never fires) to dark (always fires)', () => {
    const lum = (c: string) => {
      const [r, g, b] = c.match(/\d+/g)!.map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    assert.ok(lum(rateColour(0)) > lum(rateColour(0.5)));
    assert.ok(lum(rateColour(0.5)) > lum(rateColour(1)));
    assert.equal(rateColour(-1), rateColour(0));
    assert.equal(rateColour(2), rateColour(1));
  });

  it('cycles the series palette, also for negative indices', () => {
    assert.equal(seriesColour(0), seriesColour(8));
    assert.equal(seriesColour(-1), seriesColour(7));
    assert.notEqual(seriesColour(0), seriesColour(1));
  });
});

describe('layerColour', () => {
  it('uses the palette for few layers and distinct ramp colours for many', () => {
    assert.equal(layerColour(0, 4), seriesColour(0));
    const many = Array.from({ length: 16 }, (_, i) => layerColour(i, 16));
    assert.equal(new Set(many).size, 16);
  });
});

describe('niceTicks', () => {
  it('gives 1-2-5 steps within the range', () => {
    assert.deepEqual(niceTicks(-6, 6, 5), [-6, -4, -2, 0, 2, 4, 6]);
    assert.deepEqual(niceTicks(0, 1, 4), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(0, 1, 2), [0, 0.5, 1]);
    assert.deepEqual(niceTicks(-5, 5, 2), [-5, 0, 5]);
  });

  it('has no binary noise or negative zero', () => {
    for (const t of niceTicks(-0.3, 0.3, 6)) assert.equal(String(t).length <= 4, true, String(t));
    assert.ok(!Object.is(niceTicks(-1, 1, 2)[1], -0));
  });

  it('handles reversed, empty and non-finite ranges', () => {
    assert.deepEqual(niceTicks(6, -6, 5), niceTicks(-6, 6, 5));
    assert.deepEqual(niceTicks(2, 2), [2]);
    assert.deepEqual(niceTicks(Number.NaN, 1), []);
  });
});
