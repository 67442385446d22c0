// The run pool (web/src/run/run-pool.ts) over stand-in workers that run the real core (the
// Node build) through the pool worker's body: answers come back in task order and equal the
// core's own, no more workers than the pool's size, progress counts every task, cancel
// terminates every worker at once, a trapped core is replaced, and the table is the core's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { servePool, type PoolWorkerScope } from '../../web/src/run/pool-worker-core.ts';
import type { FromPoolWorker, ToPoolWorker } from '../../web/src/run/pool-protocol.ts';
import {
  PoolCancelled,
  RunPool,
  configTasks,
  planTasks,
  type PoolEvent,
  type PoolWorkerLike,
} from '../../web/src/run/run-pool.ts';
import { poolSize } from '../../web/src/run/pool-size.ts';
import type { SweepModule } from '../../web/src/run/sweep-api.ts';
import { wasmDist } from './support/paths.ts';

const require = createRequire(import.meta.url);
const real: SweepModule & { defaultConfig(): string } = await require(
  path.join(wasmDist, 'leaky_node.cjs'),
)();

/** A worker in this thread: messages cross on the event loop, as they would between threads. */
class FakeWorker implements PoolWorkerLike {
  onmessage: ((e: MessageEvent<FromPoolWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  private scope: PoolWorkerScope = {
    onmessage: null,
    postMessage: (m) =>
      setImmediate(() => {
        if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<FromPoolWorker>);
      }),
  };
  constructor(module: SweepModule) {
    servePool(async () => module, 'simd', this.scope);
  }
  postMessage(m: ToPoolWorker): void {
    setImmediate(() => {
      if (!this.terminated) this.scope.onmessage?.({ data: m } as MessageEvent<ToPoolWorker>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const config = {
  version: 1,
  seed: 2,
  data: { kind: 'xor', points: 60 },
  network: { activation: 'leaky_relu', hidden: [4, 3] },
  training: { batch_size: 10, steps: 40, eval_every: 20 },
};
const request = JSON.stringify({ config, alpha: [0, 0.01, 0.3], seeds: 2 });

function pool(size: number, module: SweepModule = real) {
  const made: FakeWorker[] = [];
  const p = new RunPool(() => {
    const w = new FakeWorker(module);
    made.push(w);
    return w;
  }, size);
  return { pool: p, made };
}

test('poolSize leaves one core to the page, and never goes below one worker', () => {
  assert.equal(poolSize(8), 7);
  assert.equal(poolSize(2), 1);
  assert.equal(poolSize(1), 1);
});

test('a plan runs on the pool: answers in run order, equal to the core run by run', async () => {
  const plan = JSON.parse(real.sweepPlan(request));
  assert.equal(plan.runs, 6);
  const { pool: p, made } = pool(2);
  const events: PoolEvent[] = [];
  const answers = await p.run(planTasks(request, plan.runs), (e) => events.push(e));
  assert.equal(made.length, 2, 'no more workers than the pool size');
  assert.deepEqual(
    answers,
    Array.from({ length: 6 }, (_, run) => real.sweepRun(request, run)),
  );
  assert.deepEqual(
    answers.map((a) => [JSON.parse(a).alpha, JSON.parse(a).seed]),
    [
      [0, 2],
      [0, 3],
      [0.01, 2],
      [0.01, 3],
      [0.3, 2],
      [0.3, 3],
    ],
  );
  const results = events.filter((e) => e.type === 'result');
  assert.equal(results.length, 6);
  const last = events.at(-1)!;
  assert.ok(last.type === 'progress' && last.done === 6 && last.total === 6);
  assert.equal(last.type === 'progress' && last.remainingMs, 0);
  // The table, from a worker, is the core's.
  assert.equal(await p.table(answers), real.sweepTable(answers.join('\n')));
  p.dispose();
});

test('configs run as one-run plans; a bad one answers with problems, the others still run', async () => {
  const { pool: p } = pool(3);
  const bad = JSON.stringify({ ...config, optimizer: { kind: 'sgd', lr: 0 } });
  const answers = await p.run(configTasks([JSON.stringify(config), bad]));
  const line = JSON.parse(answers[0]!);
  assert.equal(line.seed, 2);
  assert.equal(line.steps, 40);
  assert.equal(answers[0], real.sweepRun(JSON.stringify({ config }), 0));
  assert.match(answers[1]!, /config\.optimizer\.lr/);
  p.dispose();
});

test('cancel terminates every worker at once and rejects the pending run', async () => {
  const { pool: p, made } = pool(2);
  const slow = JSON.stringify({
    config: { ...config, training: { ...config.training, steps: 4000 } },
    alpha: [0, 0.1, 0.2, 0.3],
    seeds: 3,
  });
  let results = 0;
  const running = p.run(planTasks(slow, 12), (e) => {
    if (e.type === 'result') results += 1;
  });
  await new Promise((r) => setImmediate(r));
  p.cancel();
  await assert.rejects(running, PoolCancelled);
  assert.equal(made.length, 2);
  assert.ok(made.every((w) => w.terminated));
  assert.equal(p.workers, 0);
  const before = results;
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(results, before, 'nothing arrives after cancel');
  assert.ok(results < 12);
  // The pool starts afresh on the next run.
  const again = await p.run(planTasks(request, 1));
  assert.equal(again[0], real.sweepRun(request, 0));
  p.dispose();
});

test('a core that traps is replaced; its task answers with a problem', async () => {
  let calls = 0;
  const flaky: SweepModule = {
    sweepPlan: (r) => real.sweepPlan(r),
    sweepTable: (l) => real.sweepTable(l),
    sweepRun: (r, run) => {
      calls += 1;
      if (calls === 1) throw new Error('RuntimeError: unreachable');
      return real.sweepRun(r, run);
    },
  };
  const { pool: p, made } = pool(1, flaky);
  const answers = await p.run(planTasks(request, 3));
  assert.match(answers[0]!, /the core stopped with an error \(RuntimeError: unreachable\)/);
  assert.equal(answers[1], real.sweepRun(request, 1));
  assert.equal(made.length, 2, 'a new worker replaced the broken one');
  assert.ok(made[0]!.terminated);
  p.dispose();
});
