// A worker's start (web/src/run/serve-when-ready.ts): messages held while the core loads are
// handled in order once it is ready; if it cannot start, held and later messages all hear so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveWhenReady, type ServedScope } from '../../web/src/run/serve-when-ready.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
}

const send = (scope: ServedScope<number>, n: number) =>
  scope.onmessage!({ data: n } as MessageEvent<number>);

test('messages held while the core loads are handled in order, then later ones at once', async () => {
  const scope: ServedScope<number> = { onmessage: null };
  const core = deferred<string>();
  const seen: string[] = [];
  serveWhenReady(
    scope,
    () => core.promise,
    'simd',
    (m) => (n) => seen.push(`${m}:${n}`),
    () => assert.fail('no failure'),
  );
  send(scope, 1);
  send(scope, 2);
  assert.deepEqual(seen, []);
  core.resolve('core');
  await core.promise;
  await new Promise((r) => setTimeout(r, 0));
  send(scope, 3);
  assert.deepEqual(seen, ['core:1', 'core:2', 'core:3']);
});

test('a core that cannot start answers the held messages and every later one', async () => {
  const scope: ServedScope<number> = { onmessage: null };
  const core = deferred<string>();
  const told: [string, number[]][] = [];
  serveWhenReady(
    scope,
    () => core.promise,
    'scalar',
    () => () => assert.fail('never ready'),
    (reason, msgs) => told.push([reason, msgs]),
  );
  send(scope, 1);
  send(scope, 2);
  core.reject(new Error('no memory'));
  await core.promise.catch(() => {});
  await new Promise((r) => setTimeout(r, 0));
  send(scope, 3);
  assert.equal(told.length, 2);
  assert.deepEqual(
    told.map(([, m]) => m),
    [[1, 2], [3]],
  );
  assert.match(
    told[0]![0],
    /^the scalar WebAssembly core could not start in the worker: no memory$/,
  );
});

test('a role that cannot set itself up fails like a core that cannot load', async () => {
  const scope: ServedScope<number> = { onmessage: null };
  const told: number[][] = [];
  serveWhenReady(
    scope,
    async () => 'core',
    'simd',
    () => {
      throw new Error('no run');
    },
    (reason, msgs) => {
      assert.match(reason, /could not start in the worker: no run$/);
      told.push(msgs);
    },
  );
  send(scope, 1);
  await new Promise((r) => setTimeout(r, 0));
  send(scope, 2);
  assert.deepEqual(told, [[1], [2]]);
});
