// The run session, without a browser: the worker's body runs in this process with the Node
// build of the core. Statistics come every eval_every steps, as from the CLI; live changes
// come back with the step they applied at; messages of an ended run are never taken.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Evaluation, Frame, StartRun } from '../../web/src/run/protocol.ts';
import { RunSession } from '../../web/src/run/session.ts';
import type { TrainerModule } from '../../web/src/run/trainer-api.ts';
import { inProcessWorker } from './support/in-process-worker.ts';
import { wasmDist } from './support/paths.ts';

const require = createRequire(import.meta.url);
const core: TrainerModule = await (
  require(path.join(wasmDist, 'leaky_node.cjs')) as () => Promise<TrainerModule>
)();

const CONFIG = JSON.stringify({
  version: 1,
  seed: 4,
  data: { kind: 'xor', points: 200 },
  network: { activation: 'leaky_relu', alpha: 0.01, hidden: [6, 6] },
  optimizer: { kind: 'sgd', lr: 0.05 },
  training: { batch_size: 10, steps: 0, eval_every: 25 },
});

function run(over: Partial<StartRun> = {}): StartRun {
  return {
    config: CONFIG,
    pacing: { kind: 'steps', steps: 30 },
    heatmap: { width: 4, height: 4 },
    unitMaps: null,
    playing: false,
    schedule: [],
    ...over,
  };
}

/** Frames until one satisfies `done` (acknowledging each, as a page does after drawing). */
function framesWhere(session: RunSession, done: (f: Frame) => boolean): Promise<Frame[]> {
  const frames: Frame[] = [];
  return new Promise((resolve) => {
    const off = session.events.on('frame', (f) => {
      frames.push(f);
      if (done(f)) {
        off();
        resolve(frames);
      } else session.ack();
    });
  });
}

const framesUntil = (session: RunSession, step: number): Promise<Frame[]> =>
  framesWhere(session, (f) => f.step >= step);

/** The core's evaluations of CONFIG at `steps`, straight from a Trainer. */
function reference(steps: number[], changes: { step: number; alpha: number }[] = []): Evaluation[] {
  const t = new core.Trainer(CONFIG);
  const out: Evaluation[] = [];
  let at = 0;
  for (const s of steps) {
    for (const c of changes)
      if (c.step > at && c.step <= s) {
        t.step(c.step - at);
        at = c.step;
        t.setAlpha(c.alpha);
      }
    t.step(s - at);
    at = s;
    out.push(JSON.parse(t.evaluate(true)) as Evaluation);
  }
  t.delete();
  return out;
}

describe('run session', () => {
  it('evaluates at step 0 and every eval_every steps, exactly as a Trainer driven by hand', async () => {
    const session = new RunSession({ createWorker: () => inProcessWorker(core) });
    session.start(run());
    session.step(60);
    const frames = await framesUntil(session, 60);
    session.step(40);
    session.ack();
    frames.push(...(await framesUntil(session, 100)));
    const evaluations = frames.flatMap((f) => f.evaluations);
    assert.deepEqual(
      evaluations.map((e) => e.step),
      [0, 25, 50, 75, 100],
    );
    const ref = reference([0, 25, 50, 75, 100]);
    for (let i = 0; i < ref.length; i++) {
      assert.equal(evaluations[i]!.train_loss, ref[i]!.train_loss);
      assert.deepEqual(
        evaluations[i]!.layers.map((l) => l.revived),
        ref[i]!.layers.map((l) => l.revived),
        'revivals as the CLI counts them',
      );
      // Per-unit counts come with the last evaluation of each frame only (light evaluations).
      if (evaluations[i]!.layers[0]!.revivals !== undefined)
        assert.deepEqual(
          evaluations[i]!.layers.map((l) => l.revivals),
          ref[i]!.layers.map((l) => l.revivals),
        );
    }
    session.dispose();
  });

  it('applies a scheduled change at its step and reports it', async () => {
    const session = new RunSession({ createWorker: () => inProcessWorker(core) });
    const results: { step: number; value: number }[] = [];
    session.events.on('setResult', (r) => results.push({ step: r.step, value: r.value }));
    session.start(run({ playing: true, schedule: [{ step: 40, field: 'alpha', value: 0.3 }] }));
    const frames = await framesUntil(session, 100);
    assert.deepEqual(results, [{ step: 40, value: 0.3 }]);
    const last = frames.flatMap((f) => f.evaluations).find((e) => e.step === 100)!;
    const ref = reference([100], [{ step: 40, alpha: 0.3 }])[0]!;
    assert.equal(last.train_loss, ref.train_loss, 'the replay equals the change made by hand');
    session.dispose();
  });

  it('never takes a message of an ended run for the current one', async () => {
    const session = new RunSession({ createWorker: () => inProcessWorker(core) });
    const first = session.start(run({ config: CONFIG.replace('"seed":4', '"seed":5') }));
    const second = session.start(run());
    assert.notEqual(first, second);
    const seen: number[] = [];
    session.events.on('ready', (e) => seen.push(e.runId));
    await framesUntil(session, 0);
    assert.deepEqual(seen, [second]);
    session.dispose();
  });

  it('reports a refused config, and the engine speed while playing fast', async () => {
    const session = new RunSession({ createWorker: () => inProcessWorker(core) });
    const refused = new Promise<string>((resolve) =>
      session.events.on('problems', (p) => resolve(p.problems[0]!.field)),
    );
    session.start(run({ config: '{"version":1,"optimizer":{"lr":-1}}' }));
    assert.equal(await refused, 'optimizer.lr');
    assert.equal(session.status, 'rejected');
    session.start(run({ playing: true, pacing: { kind: 'fast', budgetMs: 20 } }));
    // The figures are renewed every half second of running.
    const frames = await framesWhere(session, (f) => f.throughput.stepsPerSecond > 0);
    const last = frames[frames.length - 1]!;
    assert.ok(last.step > 0 && last.throughput.computeMs > 0, 'the engine speed is measured');
    assert.equal(last.throughput.samplesPerSecond, last.throughput.stepsPerSecond * 10);
    session.dispose();
  });
});
