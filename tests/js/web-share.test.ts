// Exports and imports without a browser: the metrics log (CSV, JSON, bounded), the page's
// checks around the core's file checks, runs on imported files and exported runs through the
// session (the Node core in this process), and the PyTorch script: its shape and contents,
// and its port of the core's batch order against the core itself (Python, no PyTorch needed;
// this machine has no PyTorch, so the script's losses are not compared with the page's).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Evaluation, Frame, RunExport, StartRun } from '../../web/src/run/protocol.ts';
import { RunSession } from '../../web/src/run/session.ts';
import type { TrainerModule } from '../../web/src/run/trainer-api.ts';
import {
  architecture,
  checkCsv,
  checkModel,
  modelSettings,
  sizeProblem,
} from '../../web/src/share/imports.ts';
import { MAX_ROWS, MetricsLog } from '../../web/src/share/metrics.ts';
import { f32, pytorchScript } from '../../web/src/share/pytorch-script.ts';
import { withCsvOptions } from '../../web/src/run/csv-config.ts';
import { defaultSettings } from '../../web/src/state/properties.ts';
import { PAGE_LIMITS } from '../../web/src/state/settings.ts';
import { props } from './support/catalog.ts';
import { inProcessWorker } from './support/in-process-worker.ts';
import { wasmDist } from './support/paths.ts';

const require = createRequire(import.meta.url);
const core: TrainerModule = await (
  require(path.join(wasmDist, 'leaky_node.cjs')) as () => Promise<TrainerModule>
)();

const CONFIG = {
  version: 1,
  seed: 5,
  data: { kind: 'xor', points: 120 },
  network: {
    activation: 'leaky_relu',
    alpha: 0.05,
    hidden: [5, { units: 3, activation: 'prelu' }],
  },
  optimizer: { kind: 'adam', lr: 0.01 },
  regularization: { l2: 0.001 },
  training: { batch_size: 7, steps: 0, eval_every: 10 },
};
const CONFIG_TEXT = JSON.stringify(CONFIG);

function evaluation(step: number, layers = 2): Evaluation {
  const layer = {
    units: 4,
    activation: 'leaky_relu',
    alpha: 0.01,
    inactive: 1,
    dead: 0,
    dormant: 1,
    near_dead: 1,
    born_dead: 0,
    revived: 0,
    inactive_fraction: 0.25,
    dead_fraction: 0,
    dormant_fraction: 0.25,
    near_dead_fraction: 0.25,
    sparsity: 0.5,
    sparsity_kind: 'negative_side' as const,
    mean_abs_grad: 0.001,
    weight_norm: 2,
    histogram_range: 5,
    histogram: [1, 2],
    rate: [0.5, 0, 1, 0.2],
  };
  return {
    step,
    epoch: 0,
    train_loss: 0.5,
    test_loss: 0.6,
    test_accuracy: 0.75,
    penalty: 0,
    collapsed: false,
    dead_fraction: 0,
    dormant_fraction: 0.25,
    layers: Array.from({ length: layers }, () => layer),
  };
}

describe('metrics log', () => {
  it('writes one CSV row per evaluation and one column per number', () => {
    const log = new MetricsLog();
    log.add([evaluation(0), evaluation(10)]);
    const [header, first, second, end] = log.csv().split('\n');
    const columns = header!.split(',');
    assert.equal(columns[0], 'step');
    assert.ok(columns.includes('layer2_dormant') && columns.includes('layer1_alpha'));
    assert.equal(first!.split(',').length, columns.length);
    const row = Object.fromEntries(columns.map((c, i) => [c, second!.split(',')[i]]));
    assert.equal(row['step'], '10');
    assert.equal(row['train_accuracy'], '', 'absent numbers are empty cells');
    assert.equal(row['test_accuracy'], '0.75');
    assert.equal(row['collapsed'], '0');
    assert.equal(row['layer1_alpha'], '0.01');
    assert.equal(end, '');
  });

  it('writes JSON with the run it came from, per-unit arrays left out', () => {
    const log = new MetricsLog();
    log.add([evaluation(0)]);
    const j = JSON.parse(log.json({ config: CONFIG_TEXT, link: 'seed=5', version: '1.0' }));
    assert.equal(j.format, 'leaky-lab-metrics');
    assert.equal(j.link, 'seed=5');
    assert.equal(j.config.seed, 5);
    assert.equal(j.evaluations.length, 1);
    assert.equal(j.evaluations[0].layers[0].rate, undefined);
    assert.deepEqual(j.evaluations[0].layers[0].histogram, [1, 2]);
  });

  it('keeps the whole span of a long run at a coarser grain', () => {
    const log = new MetricsLog();
    const n = MAX_ROWS * 3;
    for (let i = 0; i < n; i++) log.add([evaluation(i, 1)]);
    assert.ok(log.length <= MAX_ROWS && log.length >= MAX_ROWS / 4, String(log.length));
    const steps = log
      .csv()
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
    assert.equal(steps[0], 0);
    assert.ok(steps.at(-1)! >= n - 8, `the last row is recent: ${steps.at(-1)}`);
    const gaps = new Set(steps.slice(1).map((s, i) => s - steps[i]!));
    assert.equal(gaps.size, 1, 'evenly spaced');
  });
});

describe('import checks', () => {
  it('refuse a file before reading it when it is too big', () => {
    assert.equal(sizeProblem('a.csv', 1000), null);
    assert.match(
      sizeProblem('big.csv', PAGE_LIMITS.importBytes + 1)!,
      /^big\.csv is 2\.0 MB: the page reads files up to 2\.0 MB/,
    );
  });

  it("pass on the core's CSV problems with line and column", () => {
    const config = withCsvOptions(CONFIG_TEXT, {
      task: 'binary_classification',
      target_column: -1,
    });
    const bad = checkCsv(core.checkCsv('x,y,label\n1,2,0\n3,abc,1\n4,5\n', config));
    assert.equal(bad.ok, false);
    assert.ok(!bad.ok);
    assert.ok(
      bad.problems.some((p) => /^line 3, column 2: .*\(abc\)$/.test(p)),
      bad.problems.join('\n'),
    );
    assert.ok(
      bad.problems.some((p) => p.startsWith('line 4:')),
      bad.problems.join('\n'),
    );
    const three = checkCsv(core.checkCsv('a,b,c,t\n1,2,3,0\n4,5,6,1\n7,8,9,0\n', config));
    assert.ok(!three.ok);
    assert.match(three.problems[0]!, /3 input columns; the page plots 1 or 2/);
    const good = checkCsv(core.checkCsv('u,v,t\n1,2,0\n3,4,1\n5,6,1\n7,8,0\n', config));
    assert.ok(good.ok);
    assert.equal(good.value.rows, 4);
    assert.deepEqual(good.value.input_names, ['u', 'v']);
  });

  it("pass on the core's model problems, then the page's own limits", () => {
    const syntax = checkModel(
      core.checkModel('{"format": "leaky-lab-model",\n "version": 1,,}'),
      'regression',
    );
    assert.ok(!syntax.ok);
    assert.match(syntax.problems[0]!, /line 2, column/);
    const t = new core.Trainer(
      JSON.stringify({ ...CONFIG, network: { activation: 'relu', hidden: [40] } }),
    );
    const big = checkModel(core.checkModel(t.modelJson()), 'binary_classification');
    t.delete();
    assert.ok(!big.ok);
    assert.match(big.problems[0]!, /40 units; the page draws at most 32/);
    const u = new core.Trainer(CONFIG_TEXT);
    const text = u.modelJson();
    u.delete();
    const wrongTask = checkModel(core.checkModel(text), 'regression');
    assert.ok(!wrongTask.ok);
    assert.match(
      wrongTask.problems[0]!,
      /trained with bce, but the page's data is a regression task/,
    );
    const ok = checkModel(core.checkModel(text), 'binary_classification');
    assert.ok(ok.ok);
    const patch = modelSettings(ok.value, (k) => k === 'leaky_relu' || k === 'prelu');
    assert.deepEqual(patch.hidden, [5, 3]);
    assert.equal(patch.kind, 'leaky_relu');
    assert.deepEqual(patch.layerKinds, ['', 'prelu']);
    assert.equal(patch.alpha, 0.05);
    assert.deepEqual(patch.inputs, ['x1', 'x2']);
    const s = { ...defaultSettings(props), ...patch };
    assert.equal(architecture(s), architecture({ ...s, alpha: 0.3, seed: 9 }));
    assert.notEqual(architecture(s), architecture({ ...s, hidden: [5, 4] }));
  });
});

function start(session: RunSession, playing = false): void {
  const run: StartRun = {
    config: CONFIG_TEXT,
    pacing: { kind: 'steps', steps: 1 },
    heatmap: { width: 2, height: 2 },
    unitMaps: null,
    playing,
    schedule: [],
  };
  session.start(run);
}

const nextFrame = (session: RunSession): Promise<Frame> =>
  new Promise((resolve) => {
    const off = session.events.on('frame', (f) => {
      off();
      resolve(f);
    });
  });

async function runTo(steps: number): Promise<{ session: RunSession; run: RunExport }> {
  const session = new RunSession({ createWorker: () => inProcessWorker(core), autoAck: true });
  const first = nextFrame(session);
  start(session);
  await first;
  const done = nextFrame(session);
  session.step(steps);
  await done;
  const run = await session.exportRun();
  assert.ok(run !== null);
  return { session, run };
}

describe('runs on imported files, and exported runs', () => {
  it('export the model, the resume state and the data as the core has them', async () => {
    const { session, run } = await runTo(37);
    const t = new core.Trainer(CONFIG_TEXT);
    t.step(37);
    assert.equal(run.step, 37);
    assert.equal(run.model, t.modelJson());
    assert.equal(run.state, t.resumeState());
    assert.deepEqual(run.trainX, t.trainX().slice());
    assert.equal(run.layout.inputs, 2);
    t.delete();
    session.dispose();
    assert.equal(await session.exportRun(), null, 'no run, nothing to export');
  });

  it('start from an imported model and train on an imported CSV', async () => {
    const { session: a, run } = await runTo(20);
    a.dispose();
    const b = new RunSession({ createWorker: () => inProcessWorker(core), autoAck: true });
    b.setImports({ model: run.model });
    const ready = new Promise<Frame>((resolve) => b.events.on('frame', resolve));
    start(b);
    await ready;
    const fromModel = await b.exportRun();
    assert.equal(fromModel?.model, run.model, 'the run starts from the imported weights');
    assert.equal(fromModel?.step, 0);
    const rows = Array.from({ length: 30 }, (_, i) => `${i % 7},${(i * 3) % 5},${i % 2}`);
    b.setImports({
      csv: {
        text: `a,b,c\n${rows.join('\n')}\n`,
        options: { task: 'binary_classification', target_column: -1 },
      },
    });
    const readyCsv = new Promise<string[]>((resolve) =>
      b.events.on('ready', (e) => resolve(e.layout.input_names)),
    );
    start(b);
    assert.deepEqual(await readyCsv, ['a', 'b']);
    b.setImports({
      csv: {
        text: 'a,b,c\n1,2,0\n1,x,1\n',
        options: { task: 'binary_classification', target_column: -1 },
      },
    });
    const refused = new Promise<string[]>((resolve) =>
      b.events.on('problems', (e) => resolve(e.problems.map((p) => p.field))),
    );
    start(b);
    assert.deepEqual(await refused, ['line 3, column 2']);
    b.dispose();
  });
});

function python(): string | null {
  const r = spawnSync('python3', ['--version']);
  return r.status === 0 ? 'python3' : null;
}

describe('PyTorch script', () => {
  it('writes floats that read back as the same float32', () => {
    const xs = new Float32Array([0.1, -1 / 3, 1e-30, 3.4e38, 0, -0, 1.5, 123456.789]);
    for (const x of xs) assert.equal(Math.fround(Number(f32(x))), x, f32(x));
    assert.equal(f32(Math.fround(0.1)), '0.1');
  });

  it('holds the network, the data and the state, and continues the batch order exactly', async (t) => {
    const { session, run } = await runTo(37);
    session.dispose();
    const script = pytorchScript(run, { version: '1.2.3', link: 'seed=5&x="""' });
    assert.match(script, /^"""Leaky Lab: this run, continued in PyTorch\./);
    assert.match(script, /F\.leaky_relu\(z, 0\.05\)/);
    assert.match(script, /nn\.PReLU\(num_parameters=1\)/);
    assert.match(script, /torch\.optim\.Adam/);
    assert.match(script, /F\.binary_cross_entropy_with_logits\(out, y\)/);
    assert.ok(script.includes(`MODEL = json.loads(${JSON.stringify(run.model)})`));
    assert.ok(script.includes('LINK = "seed=5&x=\\"\\"\\""'), 'hostile text stays inside a string');
    const py = python();
    if (py === null) {
      t.skip('python3 is not installed');
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'leaky-script-'));
    const file = path.join(dir, 'leaky_lab_continue.py');
    writeFileSync(file, script);
    const described = JSON.parse(execFileSync(py, [file, '--describe'], { encoding: 'utf8' }));
    assert.deepEqual(described, {
      inputs: 2,
      outputs: 1,
      layers: [
        [2, 5],
        [5, 3],
        [3, 1],
      ],
      activations: ['leaky_relu', 'prelu', 'linear'],
      train_rows: run.trainY.length,
      test_rows: run.testY.length,
      loss: 'bce',
      optimizer: 'adam',
      step: 37,
    });
    // The core itself after 23 more steps (several epochs of 60 rows in batches of 7).
    const later = new core.Trainer(CONFIG_TEXT);
    later.step(37 + 23);
    const expected = JSON.parse(later.resumeState());
    later.delete();
    const advanced = JSON.parse(
      execFileSync(py, [file, '--advance-state', '23'], { encoding: 'utf8' }),
    );
    assert.equal(advanced.step, 60);
    assert.equal(advanced.epoch, expected.epoch);
    assert.equal(advanced.cursor, expected.cursor);
    assert.deepEqual(advanced.order, expected.order);
    assert.deepEqual(advanced.batch_rng, expected.batch_rng);
    const torch = spawnSync(py, ['-c', 'import torch'], { encoding: 'utf8' });
    if (torch.status !== 0)
      t.diagnostic(
        'PyTorch is not installed here: the script was not run, its losses not compared',
      );
  });
});
