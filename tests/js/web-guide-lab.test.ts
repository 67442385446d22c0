// The question pages' machinery without a browser: the lab worker's jobs on the real core (the
// Node build), the pool's order, progress, errors and cancel, the analysis of runs, the list
// rows, and the links the pages offer into the other modes (read back without a notice).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { runJob } from '../../web/src/run/lab-worker-core.ts';
import { Cancelled, LabPool, type LabWorkerLike } from '../../web/src/run/lab-pool.ts';
import { poolSize } from '../../web/src/run/pool-size.ts';
import type {
  FromLab,
  LabJob,
  ToLab,
  TrainResult,
  GridResult,
  TimingResult,
} from '../../web/src/run/lab-protocol.ts';
import type { Evaluation } from '../../web/src/run/protocol.ts';
import type { TrainerModule } from '../../web/src/run/trainer-api.ts';
import { revival, spread, stepsToTarget } from '../../web/src/modes/guide/analysis.ts';
import { listProp } from '../../web/src/modes/guide/props.ts';
import { defaultSettings } from '../../web/src/state/properties.ts';
import { parseLink } from '../../web/src/state/link.ts';
import { fieldRange } from '../../web/src/wasm/catalog.ts';
import { catalog, compareProps, props } from './support/catalog.ts';
import { wasmDist } from './support/paths.ts';

// The question files hold their result views too, which import uPlot's stylesheet: read as
// an empty module here, where nothing is drawn.
register('./support/css-hooks.mjs', import.meta.url);
const { QUESTIONS } = await import('../../web/src/modes/guide/questions.ts');

const require = createRequire(import.meta.url);
const core: TrainerModule = await require(path.join(wasmDist, 'leaky_node.cjs'))();
const now = () => performance.now();

const config = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 1,
    seed: 3,
    data: { kind: 'circle', points: 100 },
    network: { activation: 'leaky_relu', alpha: 0, hidden: [6, 6] },
    optimizer: { kind: 'adam', lr: 0.01 },
    training: { batch_size: 10, steps: 95, eval_every: 20 },
    ...extra,
  });

test('a train job evaluates at step 0, every eval_every and at the end, as a trainer driven by hand', () => {
  const r = runJob(
    core,
    { type: 'train', config: config(), schedule: [], perUnit: false },
    now,
  ) as TrainResult;
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.evaluations.map((e) => e.step),
    [0, 20, 40, 60, 80, 95],
  );
  const t = new core.Trainer(config());
  try {
    t.evaluate(false);
    for (let i = 0; i < 4; i++) {
      t.step(20);
      t.evaluate(false);
    }
    t.step(15);
    const byHand = JSON.parse(t.evaluate(false)) as Evaluation;
    assert.equal(r.evaluations[5]!.train_loss, byHand.train_loss);
    assert.equal(r.evaluations[5]!.layers[1]!.revivals, byHand.layers[1]!.revivals);
  } finally {
    t.delete();
  }
});

test('a train job applies its schedule after that step’s evaluation, and reports bad changes', () => {
  const r = runJob(
    core,
    {
      type: 'train',
      config: config(),
      schedule: [
        { step: 40, field: 'alpha', value: 0.2 },
        { step: 50, field: 'lr', value: -1 },
      ],
      perUnit: true,
    },
    now,
  ) as TrainResult;
  assert.equal(r.evaluations.find((e) => e.step === 40)!.layers[0]!.alpha, 0);
  assert.equal(r.evaluations.find((e) => e.step === 60)!.layers[0]!.alpha, 0.2);
  assert.ok(r.evaluations[0]!.layers[0]!.rate !== undefined, 'per-unit rates');
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0]!.message, /at step 50/);
});

test('a refused config comes back as problems, naming the field', () => {
  const r = runJob(
    core,
    { type: 'train', config: config({ seed: -1 }), schedule: [], perUnit: false },
    now,
  ) as TrainResult;
  assert.equal(r.evaluations.length, 0);
  assert.equal(r.problems[0]!.field, 'seed');
});

test('an initGrid job answers what the core answers; a timing job gives one figure per repeat', () => {
  const request = JSON.stringify({
    config: {
      version: 1,
      seed: 1,
      data: { kind: 'abs', points: 40, seed: 5, input_min: -1, input_max: 1 },
      network: { activation: 'relu', hidden: [2] },
    },
    depths: [2, 8],
    widths: [2, 3],
    seeds: 50,
  });
  const g = runJob(core, { type: 'initGrid', request }, now) as GridResult;
  assert.equal(g.json, core.initGrid(request));
  assert.ok(g.ms >= 0);
  const t = runJob(
    core,
    { type: 'timeSteps', config: config(), steps: 10, repeats: 3 },
    now,
  ) as TimingResult;
  assert.equal(t.msPerStep.length, 3);
  assert.ok(t.msPerStep.every((x) => x >= 0));
});

/** A worker that answers each job from `answer` after a macrotask. */
function fakeWorker(answer: (job: LabJob) => TrainResult | Error, log: string[]): LabWorkerLike {
  const w: LabWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(m: ToLab) {
      log.push(`job ${m.id}`);
      setTimeout(() => {
        const r = answer(m.job);
        const msg: FromLab =
          r instanceof Error
            ? { type: 'error', id: m.id, message: r.message }
            : { type: 'result', id: m.id, result: r };
        w.onmessage?.({ data: msg } as MessageEvent<FromLab>);
      }, Math.random() * 5);
    },
    terminate() {
      log.push('terminate');
    },
  };
  return w;
}

const tagged = (job: LabJob): TrainResult => ({
  type: 'train',
  config: job.type === 'train' ? job.config : '',
  evaluations: [],
  problems: [],
  diverged: null,
});
const jobs = (n: number): LabJob[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'train',
    config: String(i),
    schedule: [],
    perUnit: false,
  }));

test('the pool returns results in the jobs’ order, with progress; errors and cancel reject', async () => {
  assert.equal(poolSize(2), 1);
  assert.equal(poolSize(16, 4), 4);
  assert.equal(poolSize(16), 15);
  assert.equal(poolSize(undefined), 1);
  const log: string[] = [];
  const pool = new LabPool(() => fakeWorker(tagged, log), 3);
  const seen: number[] = [];
  const results = (await pool.run(jobs(10), (d) => seen.push(d))) as TrainResult[];
  assert.deepEqual(
    results.map((r) => r.config),
    jobs(10).map((j) => (j as { config: string }).config),
  );
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const failing = new LabPool(
    () =>
      fakeWorker(
        (j) => ((j as { config: string }).config === '4' ? new Error('boom') : tagged(j)),
        log,
      ),
    2,
  );
  await assert.rejects(failing.run(jobs(8)), /boom/);
  const slow = new LabPool(() => fakeWorker(tagged, log), 1);
  const pending = slow.run(jobs(50));
  slow.cancel();
  await assert.rejects(pending, (e) => e instanceof Cancelled);
  // A pool runs again after a cancel, with new workers.
  assert.equal((await slow.run(jobs(2))).length, 2);
});

const ev = (step: number, rates: number[][]): Evaluation =>
  ({
    step,
    train_loss: 1 / (step + 1),
    layers: rates.map((r) => ({ units: r.length, rate: r })),
  }) as unknown as Evaluation;

test('revival follows the units inactive at the start; steps to target is the first evaluation at or below it', () => {
  const evals = [
    ev(0, [
      [0.5, 0],
      [0, 0],
    ]),
    ev(10, [
      [0, 0],
      [0, 0],
    ]),
    ev(20, [
      [0, 0.1],
      [0, 0],
    ]),
    ev(30, [
      [0, 0.1],
      [0.2, 0],
    ]),
  ];
  const r = revival(evals, 10);
  assert.equal(r.inactiveAtStart, 4);
  assert.equal(r.firstRevival, 10);
  assert.equal(r.revivedAtEnd, 2);
  assert.deepEqual(r.curve, [
    [10, 0],
    [20, 0.25],
    [30, 0.5],
  ]);
  assert.equal(stepsToTarget(evals, 0.05), 20);
  assert.equal(stepsToTarget(evals, 0.001), null);
  const s = spread([1, 2, 3, 4]);
  assert.equal(s.mean, 2.5);
  assert.ok(Math.abs(s.sd - 1.2909944) < 1e-6);
});

test('list rows read spans and lists, clamp out-of-range entries with a notice, refuse junk', () => {
  const row = listProp<{ d: number[] }>(
    'depths',
    'd',
    fieldRange(catalog, 'network.hidden'),
    [2],
    32,
  );
  assert.deepEqual(row.read('2-5,10', { d: [] }), { kind: 'ok', value: [2, 3, 4, 5, 10] });
  assert.equal(row.read('2,x', { d: [] }).kind, 'bad');
  const clamped = row.read('3,99', { d: [] });
  assert.equal(clamped.kind, 'clamped');
  assert.equal(row.write({ d: [2, 3] }), '2,3');
});

test('every question’s defaults round-trip through its link, and its links open other modes without a notice', () => {
  assert.ok(QUESTIONS.length >= 8);
  assert.equal(new Set(QUESTIONS.map((q) => q.id)).size, QUESTIONS.length);
  for (const q of QUESTIONS) {
    const rows = q.props(catalog);
    const s = defaultSettings(rows);
    const hash = rows.map((p) => `${p.key}=${p.write(s)}`).join('&');
    const back = parseLink(hash, rows, ['mode', 'q']);
    assert.deepEqual(back.notices, [], q.id);
    assert.deepEqual(back.settings, s, q.id);
    assert.ok(q.context.length >= 2 && q.context.length <= 5, `${q.id}: context`);
    for (const link of q.links(s, catalog)) {
      const params = new URLSearchParams(link.hash);
      const mode = params.get('mode');
      const table = mode === 'compare' ? compareProps : props;
      const read = parseLink(link.hash, table as typeof props, ['mode', 'simd']);
      assert.deepEqual(
        read.notices.map((n) => n.text),
        [],
        `${q.id}: ${link.label}`,
      );
    }
  }
});
