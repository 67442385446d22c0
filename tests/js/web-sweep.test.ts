// The sweep mode's pure logic with the real core (the Node build): its link keys round-trip, the
// request it builds is a plan the core accepts with the runs it should have, a run's playground
// link is exactly that run's config (the same line from the core), and the exports hold every
// run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSweepCatalog } from '../../web/src/modes/sweep/sweep-catalog.ts';
import { buildSweepRequest, runSettings } from '../../web/src/modes/sweep/sweep-request.ts';
import {
  makeSweepProperties,
  type SweepSettings,
} from '../../web/src/modes/sweep/sweep-settings.ts';
import { SweepStore } from '../../web/src/modes/sweep/sweep-store.ts';
import type { SweepLine, SweepModule } from '../../web/src/run/sweep-api.ts';
import { buildRunConfig } from '../../web/src/state/run-config.ts';
import { runsCsv, runsJsonl } from '../../web/src/views/sweep/export.ts';
import { parseCatalog } from '../../web/src/wasm/catalog.ts';
import { core } from './support/kinds.ts';

const sweepCore = core as unknown as SweepModule;
const catalog = parseCatalog(core.catalog());
const sweepCatalog = parseSweepCatalog(core.catalog());
const props = makeSweepProperties(catalog, sweepCatalog);

function store(hash: string): SweepStore {
  const s = new SweepStore(props);
  s.load(hash, ['mode']);
  return s;
}

test('the default sweep is the core default alphas over 5 seeds; its link round-trips', () => {
  const s = store('');
  assert.deepEqual(s.settings.alphas, sweepCatalog.defaultAlphas);
  assert.equal(s.settings.seeds, 5);
  const again = store(s.link());
  assert.deepEqual(again.settings, s.settings);
  const crossed = store(
    'mode=sweep&alphas=0,0.1&factor=depth&levels=1,3&seeds=3&steps=50&target=0.3',
  );
  assert.deepEqual(crossed.settings.levels, ['1', '3']);
  assert.deepEqual(store(crossed.link()).settings, crossed.settings);
});

test('bad sweep keys in a link fall back with a notice; seeds beyond the page limit are clamped', () => {
  let notices: string[] = [];
  const s = new SweepStore(props);
  s.subscribe((e) => {
    if (e.type === 'loaded') notices = e.notices.map((n) => n.text);
  });
  s.load('mode=sweep&alphas=0,x&factor=depth&levels=1,99&seeds=500', ['mode']);
  assert.deepEqual(s.settings.alphas, sweepCatalog.defaultAlphas);
  assert.equal(s.settings.seeds, sweepCatalog.pageSeeds.max);
  assert.equal(notices.length, 3, notices.join('\n'));
});

test('the request is a plan the core runs; each run opened in the playground is that run', () => {
  const s = store(
    'mode=sweep&data=xor&hidden=3,3&alphas=0,0.2&factor=activation&levels=relu,elu&seeds=2&steps=40',
  );
  const request = JSON.stringify(buildSweepRequest(s.settings, catalog));
  const plan = JSON.parse(sweepCore.sweepPlan(request));
  assert.equal(plan.runs, 6, JSON.stringify(plan)); // relu: 1 group, elu: 2 alphas; x 2 seeds
  for (let run = 0; run < plan.runs; run++) {
    const line = JSON.parse(sweepCore.sweepRun(request, run)) as SweepLine;
    // The playground's config of the same run, with the sweep's step budget.
    const config = JSON.parse(
      buildRunConfig(runSettings(s.settings as SweepSettings, line), catalog),
    );
    config.training.steps = 40;
    const alone = JSON.parse(sweepCore.sweepRun(JSON.stringify({ config }), 0)) as SweepLine;
    for (const k of [
      'train_loss',
      'test_loss',
      'dead_fraction',
      'dormant_fraction',
      'revivals',
    ] as const)
      assert.equal(alone[k], line[k], `run ${run} ${k}`);
    assert.equal(alone.seed, line.seed);
  }
});

test('exports: JSON lines as the core wrote them; CSV with a header and a row per run', () => {
  const s = store('mode=sweep&data=xor&hidden=3&alphas=0,0.1&seeds=2&steps=20');
  const request = JSON.stringify(buildSweepRequest(s.settings, catalog));
  const lines = [0, 1, 2, 3].map((run) => sweepCore.sweepRun(request, run));
  assert.equal(runsJsonl(lines), lines.join('\n') + '\n');
  const csv = runsCsv(lines).trim().split('\n');
  assert.equal(csv.length, 5);
  const header = csv[0]!.split(',');
  const data = header.indexOf('data');
  assert.ok(data >= 0);
  // The data label has a comma: it is quoted.
  assert.match(csv[1]!, /"xor \(generated: \d+ points, data seed \d+\)"/);
  const seed = header.indexOf('seed');
  assert.deepEqual(
    csv.slice(1).map((r) => Number(r.split(',')[seed])),
    lines.map((l) => JSON.parse(l).seed),
  );
});
