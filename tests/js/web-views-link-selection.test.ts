// Which network links are drawn: W is [in x out] row-major; the strongest kept when capped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  LEVELS,
  levelStroke,
  linkBudgets,
  linkLevel,
  maxAbsWeight,
  selectLinks,
} from '../../web/src/views/playground/link-selection.ts';

// A 3 x 2 layer at offset 4 of a parameter block: W[i][o] = 10 i + o + 1.
const params = [99, 99, 99, 99, 1, 2, 11, 12, 21, 22, 99];

describe('selectLinks', () => {
  it('reads weight i -> o at w + i*out + o', () => {
    const links = selectLinks(params, 4, 3, 2, 3, 2, 100);
    assert.deepEqual(
      links.map((l) => [l.from, l.to, l.weight]),
      [
        [0, 0, 1],
        [0, 1, 2],
        [1, 0, 11],
        [1, 1, 12],
        [2, 0, 21],
        [2, 1, 22],
      ],
    );
  });

  it('only links drawn units', () => {
    const links = selectLinks(params, 4, 3, 2, 2, 1, 100);
    assert.deepEqual(
      links.map((l) => l.weight),
      [1, 11],
    );
  });

  it('keeps the strongest |w| when over the limit, in input-major order', () => {
    const block = [0.1, -5, 0.2, 3, -0.3, 4];
    const links = selectLinks(block, 0, 2, 3, 2, 3, 3);
    assert.deepEqual(
      links.map((l) => l.weight),
      [-5, 3, 4],
    );
  });

  it('never exceeds the limit, also with ties and zeros', () => {
    const zeros = new Float32Array(32 * 32);
    assert.equal(selectLinks(zeros, 0, 32, 32, 32, 32, 10).length, 10);
    const ties = new Float32Array(64).fill(1);
    assert.equal(selectLinks(ties, 0, 8, 8, 8, 8, 5).length, 5);
  });

  it('skips non-finite weights and handles a zero limit', () => {
    const links = selectLinks([1, Number.NaN, Infinity, -2], 0, 2, 2, 2, 2, 10);
    assert.deepEqual(
      links.map((l) => l.weight),
      [1, -2],
    );
    assert.deepEqual(selectLinks(params, 4, 3, 2, 3, 2, 0), []);
  });
});

describe('link styles', () => {
  it('levels grow with |w| and ignore the sign', () => {
    assert.equal(linkLevel(0, 1), 0);
    assert.equal(linkLevel(1, 1), LEVELS - 1);
    assert.equal(linkLevel(-1, 1), LEVELS - 1);
    assert.equal(linkLevel(5, 0), 0);
    assert.ok(linkLevel(0.6, 1) > linkLevel(0.2, 1));
    for (let l = 1; l < LEVELS; l++) {
      assert.ok(levelStroke(l).width > levelStroke(l - 1).width);
      assert.ok(levelStroke(l).alpha > levelStroke(l - 1).alpha);
      assert.ok(levelStroke(l).alpha <= 1);
    }
  });

  it('maxAbsWeight is the largest magnitude', () => {
    assert.equal(maxAbsWeight([]), 0);
    assert.equal(
      maxAbsWeight([
        { from: 0, to: 0, weight: -3 },
        { from: 0, to: 1, weight: 2 },
      ]),
      3,
    );
  });
});

describe('linkBudgets', () => {
  it('keeps all links of small layers', () => {
    assert.deepEqual(
      linkBudgets(
        [
          { shownIn: 2, shownOut: 8 },
          { shownIn: 8, shownOut: 1 },
        ],
        1000,
      ),
      [16, 8],
    );
  });

  it('caps dense layers per drawn unit and shares the total', () => {
    const dense = Array.from({ length: 16 }, () => ({ shownIn: 32, shownOut: 32 }));
    const b = linkBudgets(dense, 1600);
    assert.ok(b.every((n) => n <= 5 * 32));
    assert.ok(b.reduce((a, n) => a + n, 0) <= 1600);
  });
});
