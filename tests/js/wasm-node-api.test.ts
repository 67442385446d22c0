// The Embind API as the page uses it, through the Node build of the wasm core.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { wasmDist } from './support/paths.ts';

const require = createRequire(import.meta.url);
const createLeakyModule = require(path.join(wasmDist, 'leaky_node.cjs'));
const core = await createLeakyModule();
const spec = (over: Record<string, unknown> = {}) => ({
  kind: 'leaky_relu',
  alpha: 0.01,
  lower: 0.125,
  upper: 1 / 3,
  training: false,
  seed: 0,
  ...over,
});

const evaluator = new core.ActivationEval(8);
after(() => evaluator.delete());

function run(z: number[], over: Record<string, unknown> = {}) {
  evaluator.z().set(z);
  const error = evaluator.evaluate(spec(over), z.length);
  // Fresh views after the call: the heap may have grown.
  return {
    error,
    f: Array.from(evaluator.f().slice(0, z.length)),
    df: Array.from(evaluator.df().slice(0, z.length)),
  };
}

test('buildInfo names the SIMD variant and xsimd wasm arch', () => {
  const info = JSON.parse(core.buildInfo());
  assert.equal(info.variant, 'simd');
  assert.equal(info.arch, 'wasm');
});

test('the catalog gives each activation with its alpha default, and the framework defaults', () => {
  const catalog = JSON.parse(core.catalog());
  const byName = new Map(
    catalog.activations.map((k: { name: string }) => [k.name, k] as [string, unknown]),
  );
  // The kinds of docs/definitions.md's Activations table, each once.
  assert.equal(byName.size, catalog.activations.length);
  for (const name of ['relu', 'leaky_relu', 'prelu', 'rrelu', 'elu', 'selu', 'gelu', 'silu'])
    assert.ok(byName.has(name), name);
  assert.deepEqual(byName.get('leaky_relu'), {
    ...(byName.get('leaky_relu') as object),
    alpha: true,
    default_alpha: 0.01,
  });
  assert.equal((byName.get('prelu') as { default_alpha: number }).default_alpha, 0.25);
  assert.equal((byName.get('elu') as { default_alpha: number }).default_alpha, 1);
  assert.equal((byName.get('relu') as { alpha: boolean }).alpha, false);
  assert.equal(catalog.version, JSON.parse(core.buildInfo()).version);
  assert.equal(catalog.fields['optimizer.lr'].text, 'a number within (0, 10]');
  assert.equal(catalog.fields['network.hidden[].units'].integer, true);
});

test("leaky_relu with alpha 0.2 gives the table values, f'(0) = alpha", () => {
  const r = run([-2, -0.5, 0, 1.5], { alpha: 0.2 });
  assert.equal(r.error, '');
  assert.deepEqual(r.f, [Math.fround(-0.4), Math.fround(-0.1), 0, 1.5]);
  assert.deepEqual(r.df, [Math.fround(0.2), Math.fround(0.2), Math.fround(0.2), 1]);
});

test('alpha > 1 is not max(z, alpha z)', () => {
  const r = run([-2, 2], { alpha: 1.5 });
  assert.deepEqual(r.f, [-3, 2]);
});

test('bad input comes back as a list of problems naming each field', () => {
  const r = run([1], { kind: 'leaky', alpha: Number.NaN });
  const problems = JSON.parse(r.error);
  assert.deepEqual(
    problems.map((p: { field: string }) => p.field),
    ['kind'],
    'an unknown kind is reported (alpha is only checked for kinds that use it)',
  );
  const bad = JSON.parse(run([1], { alpha: Number.POSITIVE_INFINITY, seed: -1 }).error);
  assert.deepEqual(bad.map((p: { field: string }) => p.field).sort(), ['alpha', 'seed']);
  assert.match(bad.find((p: { field: string }) => p.field === 'alpha').message, /finite/);
  evaluator.z().set([1]);
  const tooMany = JSON.parse(evaluator.evaluate(spec(), 9));
  assert.equal(tooMany[0].field, 'n');
  assert.match(tooMany[0].message, /\[0, 8\]/);
});

test('rrelu training slopes come from the seed and lie in [lower, upper]', () => {
  const z = [-1, -1, -1, -1, -1, -1, -1, -1];
  const a = run(z, { kind: 'rrelu', training: true, seed: 3, lower: 0.1, upper: 0.3 });
  const b = run(z, { kind: 'rrelu', training: true, seed: 3, lower: 0.1, upper: 0.3 });
  assert.deepEqual(a.f, b.f);
  for (let i = 0; i < z.length; i++) {
    assert.ok(a.df[i] >= Math.fround(0.1) && a.df[i] <= Math.fround(0.3));
    assert.equal(a.f[i], -a.df[i]);
  }
  const evalMode = run([-1], { kind: 'rrelu', lower: 0.1, upper: 0.3 });
  assert.equal(evalMode.df[0], Math.fround(0.2));
});

test("the Trainer refuses a run past the page's memory budget with a problem, not an abort", () => {
  const hidden = Array(16).fill(1024);
  const refusals: [object, string][] = [
    [
      { version: 1, data: { kind: 'spiral', points: 100000 }, network: { hidden } },
      'training.batch_size, network.hidden',
    ],
    [
      { version: 1, network: { hidden }, optimizer: { kind: 'adam', lr: 0.001 } },
      'network.hidden, optimizer.kind',
    ],
  ];
  (refusals[0][0] as { training?: object }).training = { batch_size: 99000 };
  for (const [config, field] of refusals) {
    const t = new core.Trainer(JSON.stringify(config));
    try {
      const problems = JSON.parse(t.problems());
      assert.equal(problems.length, 1);
      assert.equal(problems[0].field, field);
      assert.match(problems[0].message, /more than the page's fixed memory budget of 512 MiB/);
    } finally {
      t.delete();
    }
  }
  const ok = new core.Trainer(core.defaultConfig());
  assert.equal(ok.problems(), '');
  assert.equal(ok.step(5), 5);
  ok.delete();
});

test('runs within the budget that the heap cannot hold any more come back as a problem', () => {
  // Each within the budget, and several hundred MiB: the module's 1 GiB holds a few of them,
  // and the one that does not fit is refused before it is built.
  const config = JSON.stringify({ version: 1, network: { hidden: Array(12).fill(1024) } });
  const made: { problems(): string; delete(): void }[] = [];
  try {
    while (made.length < 6) {
      made.push(new core.Trainer(config));
      if (made.at(-1)!.problems() !== '') break;
    }
    assert.ok(made.length >= 2 && made.length < 6, `refused after ${made.length - 1} runs`);
    const problems = JSON.parse(made.at(-1)!.problems());
    assert.equal(problems.length, 1);
    assert.equal(problems[0].field, 'memory');
    assert.match(problems[0].message, /could not give this run the memory it needs/);
  } finally {
    for (const t of made) t.delete();
  }
  // Given back, the memory serves a new run.
  const again = new core.Trainer(config);
  assert.equal(again.problems(), '');
  again.delete();
});

test('a config nested too deep or with a key twice comes back as a problem', () => {
  const deep = JSON.parse(core.validateConfig(`{"seed":${'['.repeat(100000)}`));
  assert.equal(deep.length, 1);
  assert.match(deep[0].message, /nested deeper than 64 levels/);
  const twice = JSON.parse(core.validateConfig('{"version":1,"seed":1,"seed":2}'));
  assert.match(twice[0].message, /"seed" is given twice/);
  const noop = JSON.parse(core.validateConfig('{"version":1,"optimizer":{"momentum":0.9}}'));
  assert.equal(noop[0].field, 'optimizer.momentum');
});
