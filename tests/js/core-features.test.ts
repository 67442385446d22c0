// The core features the coming modes need, through the Node wasm build and the native CLI:
// tau-dormant in the statistics, RAI and the born-dead grid (equal to `leaky-lab sweep
// --steps 0` for the same seeds), and the per-unit maps.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, wasmDist } from './support/paths.ts';

const require = createRequire(import.meta.url);
const createLeakyModule = require(path.join(wasmDist, 'leaky_node.cjs'));
const core = await createLeakyModule();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaky-core-features-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, any>;

test('the catalog names rai (which draws its own biases), dormant_tau and the new bounds', () => {
  const catalog = JSON.parse(core.catalog());
  const rai = catalog.weight_inits.find((w: Json) => w.name === 'rai');
  assert.ok(rai, 'rai is a weight init');
  assert.equal(rai.draws_bias, true);
  assert.equal(catalog.weight_inits.find((w: Json) => w.name === 'he_normal').draws_bias, false);
  assert.equal(catalog.fields['training.dormant_tau'].text, 'a number within [0, 1]');
  assert.equal(catalog.fields['network.hidden'].max, 32);
  assert.equal(catalog.init_grid_fields['depths[]'].max, 32);
  assert.equal(catalog.init_grid_fields.seeds.max, 100000);
  assert.equal(catalog.unit_map_fields.width.max, 64);
});

test('a run reports tau-dormant units beside the other states, with the tau it used', () => {
  const t = new core.Trainer(
    JSON.stringify({
      version: 1,
      data: { kind: 'xor', points: 60 },
      network: { activation: 'relu', hidden: [6, 4] },
      training: { dormant_tau: 0.25 },
    }),
  );
  try {
    assert.equal(t.problems(), '');
    const ev = JSON.parse(t.evaluate(true));
    assert.equal(ev.dormant_tau, 0.25);
    assert.ok(ev.tau_dormant_fraction >= 0 && ev.tau_dormant_fraction <= 1);
    for (const layer of ev.layers) {
      assert.equal(layer.dormant_score.length, layer.units);
      assert.deepEqual(
        layer.tau_dormant_units,
        layer.dormant_score.map((s: number) => (s <= 0.25 ? 1 : 0)),
      );
      assert.equal(
        layer.tau_dormant,
        layer.tau_dormant_units.reduce((a: number, b: number) => a + b, 0),
      );
      // The scores average 1 over a layer that is not all zeros.
      const mean = layer.dormant_score.reduce((a: number, b: number) => a + b, 0) / layer.units;
      assert.ok(Math.abs(mean - 1) < 1e-5 || mean === 0, `mean score ${mean}`);
    }
  } finally {
    t.delete();
  }
});

function sweepAtInit(config: Json, seeds: number): Json[] {
  const file = path.join(dir, `sweep-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(config));
  const r = spawnSync(
    cliPath,
    ['sweep', '--config', file, '--alpha', '0', '--seeds', String(seeds), '--steps', '0'],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

for (const init of [{ weights: 'he_normal' }, { weights: 'rai' }]) {
  test(`initGrid (${init.weights}) counts what leaky-lab sweep --steps 0 reports, seed for seed`, () => {
    // leaky_relu with alpha 0 is ReLU (sweep needs an alpha to set); 1-D inputs in [-1, 1].
    const config = {
      version: 1,
      seed: 21,
      data: { kind: 'abs', points: 40, seed: 5, input_min: -1, input_max: 1 },
      network: { activation: 'leaky_relu', alpha: 0, hidden: [2] },
      init,
    };
    const seeds = 30;
    const grid = JSON.parse(
      core.initGrid(JSON.stringify({ config, depths: [3, 12], widths: [2, 4], seeds })),
    );
    assert.ok(grid.cells, JSON.stringify(grid));
    assert.equal(grid.first_seed, 21);
    assert.equal(grid.weights, init.weights);
    let collapsedSomewhere = 0;
    for (const cell of grid.cells) {
      const runs = sweepAtInit(
        { ...config, network: { ...config.network, hidden: Array(cell.depth).fill(cell.width) } },
        seeds,
      );
      const units = cell.depth * cell.width;
      assert.deepEqual(
        runs.map((r) => r.seed),
        Array.from({ length: seeds }, (_, i) => 21 + i),
      );
      const collapsed = runs.filter((r) => r.collapsed).length;
      const bornDead = runs.reduce((a, r) => a + Math.round(r.born_dead_fraction * units), 0);
      const dead = runs.reduce((a, r) => a + Math.round(r.dead_fraction * units), 0);
      const label = `depth ${cell.depth} width ${cell.width}`;
      assert.equal(cell.networks, seeds, label);
      assert.equal(cell.collapsed, collapsed, label);
      assert.equal(cell.born_dead, bornDead, label);
      assert.equal(cell.dead, dead, label);
      collapsedSomewhere += collapsed;
    }
    if (init.weights === 'he_normal') assert.ok(collapsedSomewhere > 0);
  });
}

test('initGrid refuses bad requests, naming every field', () => {
  const out = JSON.parse(
    core.initGrid(JSON.stringify({ config: { version: 1 }, depths: [0], widths: [2], seeds: 0 })),
  );
  assert.deepEqual(
    out.problems.map((p: Json) => p.field),
    ['depths[0]', 'seeds'],
  );
  const cells = JSON.parse(
    core.initGrid(JSON.stringify({ config: { version: 1 }, depths: [0, 40], widths: [2] })),
  );
  assert.deepEqual(
    cells.problems.map((p: Json) => p.field),
    ['depths[0]', 'depths[1]'],
  );
  assert.ok(JSON.parse(core.initGrid('not json')).problems.length === 1);
});

test('unitMaps: one map per hidden unit, unit-major, with its layout; bad sizes refused', () => {
  const t = new core.Trainer(
    JSON.stringify({
      version: 1,
      data: { kind: 'circle', points: 60, features: { x_squared: true } },
      network: { activation: 'relu', hidden: [3, 2] },
    }),
  );
  try {
    const layout = JSON.parse(t.unitMapLayout(8, 5));
    assert.deepEqual(layout, {
      width: 8,
      height: 5,
      cells: 40,
      units: 5,
      layers: [
        { offset: 0, units: 3 },
        { offset: 3, units: 2 },
      ],
    });
    const maps = t.unitMaps(8, 5).slice();
    assert.equal(maps.length, 5 * 40);
    assert.ok(maps.every((v: number) => Number.isFinite(v)));
    // A first-layer unit of a 2-D input is linear in x: its map is not constant.
    assert.ok(new Set(maps.slice(0, 40)).size > 1);

    const refused = JSON.parse(t.unitMapLayout(65, 5));
    assert.equal(refused.problems[0].field, 'width');
    assert.equal(refused.problems[0].message, 'must be a whole number within [1, 64]');
    assert.equal(t.unitMaps(65, 5).length, 0);
  } finally {
    t.delete();
  }
});

test('leaky-lab train prints tau-dormant counts in its JSON lines', () => {
  const file = path.join(dir, 'train.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      data: { kind: 'xor', points: 40 },
      network: { activation: 'leaky_relu', hidden: [4] },
      training: { steps: 10, eval_every: 10 },
    }),
  );
  const r = spawnSync(cliPath, ['train', '--config', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const first = JSON.parse(r.stdout.split('\n')[0]);
  assert.equal(first.dormant_tau, 0.1);
  assert.ok('tau_dormant_fraction' in first);
  assert.ok('tau_dormant' in first.layers[0]);
  assert.equal(first.layers[0].dormant_score.length, 4);
});
