// Where the network view puts columns and units; capped columns say how many are not drawn.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_GEOMETRY,
  columnLabels,
  linksVisible,
  moreLabel,
  networkNote,
  columnLabel,
  networkGeometry,
  shownUnits,
} from '../../web/src/views/playground/network-geometry.ts';

describe('networkGeometry', () => {
  it('has one column per layer: inputs, hidden layers, output', () => {
    const g = networkGeometry({ inputs: 2, layers: [8, 8, 1] }, 600);
    assert.deepEqual(
      g.columns.map((c) => [c.kind, c.layer, c.units, c.places.length, c.more]),
      [
        ['input', -1, 2, 2, 0],
        ['hidden', 0, 8, 8, 0],
        ['hidden', 1, 8, 8, 0],
        ['output', 2, 1, 1, 0],
      ],
    );
  });

  it('spreads columns over the width, left to right, inside the margins', () => {
    const g = networkGeometry({ inputs: 2, layers: [8, 1] }, 500);
    const xs = g.columns.map((c) => c.x);
    assert.equal(xs[0], DEFAULT_GEOMETRY.left);
    assert.equal(xs[xs.length - 1], 500 - DEFAULT_GEOMETRY.right);
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i]! > xs[i - 1]!);
  });

  it('keeps units of a column apart, inside the height, centred on each other', () => {
    const g = networkGeometry({ inputs: 2, layers: [8, 3, 1] }, 390);
    for (const c of g.columns) {
      for (let u = 1; u < c.places.length; u++)
        assert.ok(c.places[u]!.y - c.places[u - 1]!.y >= 2 * g.radius);
      for (const p of c.places) {
        assert.ok(p.y - g.radius > g.labelY);
        assert.ok(p.y + g.radius < g.height);
      }
    }
    const mid = (i: number) => {
      const ps = g.columns[i]!.places;
      return (ps[0]!.y + ps[ps.length - 1]!.y) / 2;
    };
    assert.ok(Math.abs(mid(1) - mid(3)) < 1e-9);
  });

  it('caps drawn units per column and counts the rest (16 layers x 1024 units)', () => {
    const layers = [...Array.from({ length: 16 }, () => 1024), 1];
    const g = networkGeometry({ inputs: 784, layers }, 390);
    assert.equal(g.columns.length, 18);
    for (const c of g.columns.slice(0, -1)) {
      assert.equal(c.places.length, DEFAULT_GEOMETRY.cap);
      assert.equal(c.more, c.units - DEFAULT_GEOMETRY.cap);
    }
    assert.ok(g.radius >= DEFAULT_GEOMETRY.minRadius);
    assert.ok(g.height < 600);
  });

  it('shrinks units to fit tall columns, within the radius limits', () => {
    const small = networkGeometry({ inputs: 2, layers: [4, 1] }, 1000);
    const tall = networkGeometry({ inputs: 2, layers: [32, 1] }, 1000);
    assert.equal(small.radius, DEFAULT_GEOMETRY.maxRadius);
    assert.ok(tall.radius < small.radius);
  });

  it('copes with zero-unit columns and tiny widths', () => {
    assert.equal(shownUnits(0, 32), 0);
    assert.equal(shownUnits(-3, 32), 0);
    const g = networkGeometry({ inputs: 1, layers: [1] }, 10);
    assert.equal(g.columns.length, 2);
    assert.ok(Number.isFinite(g.height));
  });
});

describe('columnLabel', () => {
  it('is long when there is room, short otherwise', () => {
    const g = networkGeometry({ inputs: 2, layers: [8, 1] }, 600);
    assert.deepEqual(
      g.columns.map((c) => columnLabel(c, 200)),
      ['Inputs', 'Layer 1', 'Output'],
    );
    assert.deepEqual(
      g.columns.map((c) => columnLabel(c, 30)),
      ['In', '1', 'Out'],
    );
  });
});

describe('what a crowded view leaves out', () => {
  it('numbers only some hidden layers when columns are close', () => {
    const deep = networkGeometry({ inputs: 2, layers: [...Array(16).fill(8), 1] }, 390);
    const labels = columnLabels(deep);
    assert.equal(labels[1], '1');
    assert.ok(labels.filter((l) => l === null).length > 0);
    const shallow = networkGeometry({ inputs: 2, layers: [8, 8, 1] }, 600);
    assert.deepEqual(columnLabels(shallow), ['Inputs', 'Layer 1', 'Layer 2', 'Output']);
  });

  it('shortens or drops "+N more" as columns get closer', () => {
    assert.equal(moreLabel(0, 200), null);
    assert.equal(moreLabel(992, 200), '+992 more');
    assert.equal(moreLabel(992, 50), '+992');
    assert.equal(moreLabel(992, 20), null);
  });

  it('skips links and says so when there are too many layers for the width', () => {
    const deep = networkGeometry({ inputs: 2, layers: [...Array(16).fill(1024), 1] }, 390);
    assert.equal(linksVisible(deep), false);
    assert.match(networkNote(deep, 32), /first 32 units/);
    assert.match(networkNote(deep, 32), /Links are left out/);
    const small = networkGeometry({ inputs: 2, layers: [8, 8, 1] }, 390);
    assert.equal(linksVisible(small), true);
    assert.equal(networkNote(small, 32), '');
  });
});
