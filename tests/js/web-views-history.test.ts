// The bounded chart history: never more than max points, evenly decimated, latest always shown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DecimatedHistory } from '../../web/src/views/playground/history.ts';

function fill(h: DecimatedHistory, n: number): void {
  for (let i = 0; i < n; i++) h.push([i, i * 10]);
}

describe('DecimatedHistory', () => {
  it('keeps every point while under the bound', () => {
    const h = new DecimatedHistory(2, 10);
    fill(h, 10);
    assert.deepEqual(h.columns[0], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(h.columns[1], [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    assert.equal(h.currentStride, 1);
  });

  it('stays within max + 1 (the tail) points however long it runs', () => {
    const h = new DecimatedHistory(2, 2000);
    for (let i = 0; i < 100_000; i++) {
      h.push([i, i]);
      assert.ok(h.length <= 2001);
    }
    assert.ok(h.length > 1000);
  });

  it('decimates evenly: kept x values are multiples of the stride', () => {
    const h = new DecimatedHistory(2, 16);
    fill(h, 1000);
    const xs = h.columns[0] as number[];
    const kept = xs.slice(0, -1);
    for (const x of kept) assert.equal(x % h.currentStride, 0);
    for (let i = 1; i < kept.length; i++) assert.equal(kept[i]! - kept[i - 1]!, h.currentStride);
  });

  it('always ends with the latest sample', () => {
    const h = new DecimatedHistory(2, 8);
    for (let i = 0; i < 77; i++) {
      h.push([i, -i]);
      assert.equal(h.lastX(), i);
      assert.equal(h.columns[1]![h.length - 1], -i);
    }
  });

  it('keeps columns aligned and nulls as gaps', () => {
    const h = new DecimatedHistory(3, 4);
    for (let i = 0; i < 30; i++) h.push([i, i % 2 ? null : i, 2 * i]);
    const [x, a, b] = h.columns as [number[], (number | null)[], number[]];
    assert.equal(x.length, a.length);
    assert.equal(x.length, b.length);
    x.forEach((xi, k) => {
      assert.equal(b[k], 2 * xi);
      assert.equal(a[k], xi % 2 ? null : xi);
    });
  });

  it('clears back to stride 1 and rejects rows of the wrong width', () => {
    const h = new DecimatedHistory(2, 4);
    fill(h, 50);
    h.clear();
    assert.equal(h.length, 0);
    assert.equal(h.lastX(), undefined);
    assert.equal(h.currentStride, 1);
    assert.throws(() => h.push([1]));
    assert.throws(() => new DecimatedHistory(1, 1));
  });
});
