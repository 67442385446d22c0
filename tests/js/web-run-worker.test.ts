// The worker's body, driven with the real core (the Node build) and a stand-in for the worker
// scope: every Trainer it builds is deleted, on a restart, on a rejected config and on dispose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serveRuns } from '../../web/src/run/run-worker-core.ts';
import type { FromWorker, ToWorker } from '../../web/src/run/protocol.ts';
import type { TrainerModule } from '../../web/src/run/trainer-api.ts';
import { wasmDist } from './support/paths.ts';

const require = createRequire(import.meta.url);
const real: TrainerModule = await require(path.join(wasmDist, 'leaky_node.cjs'))();

test('the worker deletes every Trainer it made, and closes on dispose', async () => {
  let built = 0;
  let deleted = 0;
  const counting: TrainerModule = {
    ...real,
    defaultConfig: () => real.defaultConfig(),
    validateConfig: (json) => real.validateConfig(json),
    // `new` on a function that returns an object yields that object.
    Trainer: function (this: unknown, config: string) {
      const t = new real.Trainer(config);
      built += 1;
      const realDelete = t.delete.bind(t);
      t.delete = () => {
        deleted += 1;
        realDelete();
      };
      return t;
    } as unknown as TrainerModule['Trainer'],
  };
  const posted: FromWorker[] = [];
  let closed = false;
  const scope = {
    onmessage: null as ((e: { data: ToWorker }) => void) | null,
    postMessage: (m: FromWorker) => posted.push(m),
    close: () => {
      closed = true;
    },
  };
  (globalThis as unknown as { self: unknown }).self = scope;
  serveRuns(async () => counting, 'simd');
  const send = (data: ToWorker) => scope.onmessage?.({ data });
  const settle = () => new Promise((r) => setTimeout(r, 50));
  let runId = 0;
  const start = (config: string): ToWorker => ({
    runId: ++runId,
    type: 'start',
    config,
    pacing: { kind: 'steps', steps: 5 },
    heatmap: { width: 8, height: 8 },
    unitMaps: null,
    playing: false,
    schedule: [],
  });

  send(start(real.defaultConfig()));
  await settle();
  assert.ok(
    posted.some((m) => m.type === 'ready'),
    'the run started',
  );
  assert.equal(built, 1);
  assert.equal(deleted, 0);

  send(start(real.defaultConfig())); // a restart in the same worker
  await settle();
  assert.equal(built, 2);
  assert.equal(deleted, 1, 'the previous run was deleted');

  send(start('{"version":1,"optimizer":{"lr":-1}}'));
  await settle();
  const problems = posted.find((m) => m.type === 'problems');
  assert.ok(problems && problems.type === 'problems');
  assert.equal(problems.problems[0]?.field, 'optimizer.lr');
  assert.equal(deleted, 3, 'the running one and the rejected one');

  send(start(real.defaultConfig()));
  await settle();
  send({ runId, type: 'dispose' });
  await settle();
  assert.equal(deleted, built, 'nothing left undeleted');
  assert.equal(closed, true);
});
