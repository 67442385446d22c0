// The embed's postMessage API without a browser: the schema refuses malformed messages with
// an error that says why; only the parent window from an allowed origin is obeyed (others get
// no answer at all); commands go through the store to a real run (the Node core in this
// process), and replies, state and statistics say what the core did.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkCommand, MESSAGE_LIMITS } from '../../web/src/embed/api-schema.ts';
import { EmbedApi, THROTTLE_MS } from '../../web/src/embed/api-server.ts';
import type { EventMessage, Reply } from '../../web/src/embed/api-types.ts';
import { playgroundTarget } from '../../web/src/embed/targets/playground-target.ts';
import { pacingOf } from '../../web/src/run/pacing.ts';
import { RunSession } from '../../web/src/run/session.ts';
import type { TrainerModule } from '../../web/src/run/trainer-api.ts';
import { buildRunConfig, usesAlpha } from '../../web/src/state/run-config.ts';
import { Store } from '../../web/src/state/store.ts';
import { catalog, props } from './support/catalog.ts';
import { inProcessWorker } from './support/in-process-worker.ts';
import { wasmDist } from './support/paths.ts';

const require = createRequire(import.meta.url);
const core: TrainerModule = await (
  require(path.join(wasmDist, 'leaky_node.cjs')) as () => Promise<TrainerModule>
)();

describe('embed API schema', () => {
  const bad = (data: unknown): string => {
    const c = checkCommand(data);
    assert.equal(c.ok, false, JSON.stringify(data));
    return c.ok ? '' : `${c.error.code}: ${c.error.message}`;
  };

  it('takes well-formed commands', () => {
    assert.deepEqual(checkCommand({ v: 1, id: 7, cmd: 'play' }), {
      ok: true,
      command: { v: 1, id: 7, cmd: 'play' },
    });
    assert.deepEqual(
      checkCommand({ v: 1, id: 'a', cmd: 'set', args: { alpha: 0.2, hidden: [8, 8] } }),
      {
        ok: true,
        command: { v: 1, id: 'a', cmd: 'set', args: { alpha: 0.2, hidden: [8, 8] } },
      },
    );
    assert.equal(checkCommand({ v: 1, id: 1, cmd: 'getState', args: {} }).ok, true);
  });

  it('says what is wrong with anything else, keeping the id where it can be read', () => {
    assert.match(bad(null), /^bad-message: a message must be a plain object/);
    assert.match(bad('play'), /^bad-message/);
    assert.match(bad([1]), /not an array/);
    assert.match(bad({ v: 2, id: 1, cmd: 'play' }), /^bad-version: v must be 1/);
    assert.match(bad({ id: 1, cmd: 'play' }), /^bad-version/);
    assert.match(bad({ v: 1, cmd: 'play' }), /^bad-message: id must be/);
    assert.match(bad({ v: 1, id: '', cmd: 'play' }), /id must be/);
    assert.match(
      bad({ v: 1, id: 'x'.repeat(MESSAGE_LIMITS.idLength + 1), cmd: 'play' }),
      /id must be/,
    );
    assert.match(bad({ v: 1, id: 1.5, cmd: 'play' }), /id must be/);
    assert.match(
      bad({ v: 1, id: 1, cmd: 'eval' }),
      /^unknown-command: cmd "eval" is not one of play, pause/,
    );
    assert.match(bad({ v: 1, id: 1, cmd: 'play', extra: 1 }), /unknown field "extra"/);
    assert.match(
      bad({ v: 1, id: 1, cmd: 'play', args: { x: 1 } }),
      /^bad-args: play takes no args/,
    );
    assert.match(bad({ v: 1, id: 1, cmd: 'set' }), /^bad-args: set needs args/);
    assert.match(bad({ v: 1, id: 1, cmd: 'set', args: {} }), /1 to 32 settings/);
    assert.match(
      bad({ v: 1, id: 1, cmd: 'set', args: { alpha: Infinity } }),
      /args.alpha must be a finite number/,
    );
    assert.match(bad({ v: 1, id: 1, cmd: 'set', args: { alpha: { x: 1 } } }), /args.alpha/);
    assert.match(
      bad({ v: 1, id: 1, cmd: 'set', args: { alpha: 'x'.repeat(1000) } }),
      /at most 200/,
    );
    assert.match(
      bad({ v: 1, id: 1, cmd: 'set', args: { hidden: Array(1000).fill(1) } }),
      /args.hidden/,
    );
    assert.match(bad({ v: 1, id: 1, cmd: 'set', args: { 'a-b': 1 } }), /not a setting's key/);
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 1]));
    assert.match(bad({ v: 1, id: 1, cmd: 'set', args: many }), /not 40/);
    const withProto = Object.create({ cmd: 'play' }) as object;
    assert.match(bad(withProto), /plain object/);
    const c = checkCommand({ v: 1, id: 'q', cmd: 'nope' });
    assert.ok(!c.ok && c.id === 'q');
  });
});

/** A store and a run session wired as a mode wires them (the playground's rules, shortly). */
function lab(): { store: Store; session: RunSession } {
  const store = new Store(props, (s) => usesAlpha(s, catalog));
  const session = new RunSession({ createWorker: () => inProcessWorker(core), autoAck: true });
  store.pause();
  store.subscribe((e, s) => {
    if (e.type === 'restart')
      session.start({
        config: buildRunConfig(s.settings, catalog),
        pacing: pacingOf('10'),
        heatmap: { width: 2, height: 2 },
        unitMaps: null,
        playing: s.playing,
        schedule: [...e.schedule],
      });
    else if (e.type === 'live') session.set(e.field, e.value);
    else if (e.type === 'play') session.play();
    else if (e.type === 'pause') session.pause();
    else if (e.type === 'step') session.step(10);
  });
  session.events.on('setResult', (r) => {
    if (r.problems.length === 0) store.applied({ step: r.step, field: r.field, value: r.value });
  });
  store.load('#data=xor&points=100&hidden=4,4&eval=10&seed=3');
  return { store, session };
}

const PARENT = { name: 'the parent window' };
const OTHER = { name: 'another window' };
const HOST = 'https://blog.example';

function api(origins: string[] = [HOST], parentOrigin: string | null = null) {
  const posted: { message: Reply | EventMessage; to: string }[] = [];
  const server = new EmbedApi({
    origins,
    parent: PARENT,
    parentOrigin,
    post: (message, to) => posted.push({ message, to }),
    version: () => '9.9.9',
  });
  const t = lab();
  server.attach(playgroundTarget(t.store, t.session));
  const send = (data: unknown, origin = HOST, source: unknown = PARENT): void =>
    server.receive({ origin, source, data });
  const replies = (): Reply[] =>
    posted.map((p) => p.message).filter((m): m is Reply => 'id' in m && !('event' in m));
  const events = (name: string): EventMessage[] =>
    posted.map((p) => p.message).filter((m): m is EventMessage => 'event' in m && m.event === name);
  return { server, posted, send, replies, events, ...t };
}

const until = async (done: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('embed API', () => {
  it('says ready to the one allowed origin once the run exists', async () => {
    const a = api();
    await until(() => a.events('ready').length > 0);
    const ready = a.events('ready')[0]!;
    assert.equal(a.posted[0]!.to, HOST);
    assert.equal(ready.source, 'leaky-lab');
    assert.deepEqual(
      { ...ready.data, keys: undefined },
      {
        protocol: 1,
        version: '9.9.9',
        commands: ['play', 'pause', 'step', 'reset', 'set', 'getState', 'getStatistics'],
        keys: undefined,
      },
    );
    assert.ok((ready.data as { keys: string[] }).keys.includes('alpha'));
    a.session.dispose();
  });

  it('is silent to everyone but the allowed parent, and silent with no allow-list', async () => {
    const a = api([HOST], 'https://evil.example');
    await until(() => a.session.status === 'running');
    a.send({ v: 1, id: 1, cmd: 'play' }, 'https://evil.example');
    a.send({ v: 1, id: 2, cmd: 'play' }, HOST, OTHER);
    a.send('garbage', 'https://evil.example');
    a.send({ v: 1, id: 3, cmd: 'play' }, 'null');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(a.store.playing, false);
    assert.deepEqual(a.posted, [], 'nothing posted: the parent is not allowed');
    a.session.dispose();
    const b = api([]);
    await until(() => b.session.status === 'running');
    b.send({ v: 1, id: 1, cmd: 'play' });
    assert.equal(b.store.playing, false);
    assert.deepEqual(b.posted, []);
    b.session.dispose();
  });

  it('answers a malformed message with an error event and does nothing', async () => {
    const a = api();
    await until(() => a.session.status === 'running');
    const before = a.server.state();
    a.send({ v: 1, id: 'm1', cmd: 'set', args: { alpha: 'not a number', extra: {} } });
    a.send({ v: 1, id: 'm2', cmd: 'launch' });
    a.send(42);
    const errors = a.events('error').map((e) => e.data as { id?: unknown; code: string });
    assert.deepEqual(
      errors.map((e) => [e.id, e.code]),
      [
        ['m1', 'bad-args'],
        ['m2', 'unknown-command'],
        [undefined, 'bad-message'],
      ],
    );
    assert.deepEqual(a.replies(), []);
    assert.deepEqual(a.server.state(), before);
    a.session.dispose();
  });

  it('obeys play, pause, step and reset, and answers with the state', async () => {
    const a = api();
    await until(() => a.session.status === 'running');
    a.send({ v: 1, id: 1, cmd: 'play' });
    const r1 = a.replies()[0]!;
    assert.ok(r1.ok && r1.id === 1);
    assert.equal(a.store.playing, true);
    await until(() => a.session.currentStep >= 30);
    a.send({ v: 1, id: 2, cmd: 'pause' });
    assert.equal(a.store.playing, false);
    await new Promise((r) => setTimeout(r, 30));
    const at = a.session.currentStep;
    a.send({ v: 1, id: 3, cmd: 'step' });
    await until(() => a.session.currentStep === at + 10);
    a.send({ v: 1, id: 4, cmd: 'reset' });
    await until(() => a.session.status === 'running' && a.session.currentStep === 0);
    a.send({ v: 1, id: 5, cmd: 'getState' });
    const state = a.replies().at(-1)!;
    assert.ok(state.ok);
    const s = state.result as { settings: Record<string, string>; link: string; step: number };
    assert.equal(s.settings['data'], 'xor');
    assert.equal(s.settings['hidden'], '4,4');
    assert.match(s.link, /data=xor/);
    a.session.dispose();
  });

  it('sets alpha live (the weights kept) and other settings with a new run', async () => {
    const a = api();
    await until(() => a.session.status === 'running');
    a.send({ v: 1, id: 1, cmd: 'play' });
    await until(() => a.session.currentStep >= 20);
    a.send({ v: 1, id: 2, cmd: 'set', args: { alpha: 0.25 } });
    await until(() => a.store.live.length === 1);
    assert.equal(a.store.live[0]!.value, 0.25);
    assert.ok(a.store.live[0]!.step >= 20, 'applied to the running network');
    a.send({ v: 1, id: 3, cmd: 'set', args: { hidden: [3], kind: 'relu', lr: 0.1 } });
    assert.deepEqual(a.store.settings.hidden, [3]);
    assert.equal(a.store.settings.kind, 'relu');
    assert.equal(a.store.settings.lr, 0.1);
    await until(() => a.session.status === 'running' && a.store.live.length === 0);
    a.session.dispose();
  });

  it('refuses a bad setting with the allowed range, changing nothing', async () => {
    const a = api();
    await until(() => a.session.status === 'running');
    const before = a.store.link();
    a.send({ v: 1, id: 1, cmd: 'set', args: { lr: 0.1, points: 1e9 } });
    a.send({ v: 1, id: 2, cmd: 'set', args: { alfa: 0.2 } });
    a.send({ v: 1, id: 3, cmd: 'set', args: { hidden: '8,x' } });
    const [r1, r2, r3] = a.replies();
    assert.ok(r1 && !r1.ok && r1.error.code === 'refused');
    assert.match(
      r1.error.message,
      /^points must be a whole number within \[20, 2000\], not 1000000000; nothing was changed$/,
    );
    assert.ok(r2 && !r2.ok);
    assert.match(r2.error.message, /“alfa” is not a setting \(did you mean “alpha”\?\)/);
    assert.ok(r3 && !r3.ok);
    assert.match(r3.error.message, /^hidden must be whole numbers/);
    assert.equal(a.store.link(), before);
    a.session.dispose();
  });

  it('reports statistics and throttles step events', async () => {
    const a = api();
    await until(() => a.session.status === 'running');
    a.send({ v: 1, id: 'g0', cmd: 'getStatistics' });
    const t0 = Date.now();
    a.send({ v: 1, id: 1, cmd: 'play' });
    await until(() => a.session.currentStep >= 300);
    a.send({ v: 1, id: 2, cmd: 'pause' });
    const elapsed = Date.now() - t0;
    a.send({ v: 1, id: 'g1', cmd: 'getStatistics' });
    const stats = a.replies().filter((r) => typeof r.id === 'string' && r.id.startsWith('g'));
    assert.ok(stats[1]!.ok);
    const s = (
      stats[1] as { result: { step: number; layers: { units: number }[]; trainLoss: number } }
    ).result;
    assert.equal(s.step % 10, 0);
    assert.deepEqual(
      s.layers.map((l) => l.units),
      [4, 4],
    );
    assert.ok(Number.isFinite(s.trainLoss));
    const steps = a.events('step').length;
    assert.ok(steps >= 1);
    assert.ok(
      steps <= Math.ceil(elapsed / THROTTLE_MS.step) + 2,
      `${steps} step events in ${elapsed} ms`,
    );
    assert.ok(a.events('statistics').length >= 1);
    a.session.dispose();
  });

  it('tells a host that connects late that it is ready, on its first message', async () => {
    const a = api(['https://a.example', 'https://b.example']);
    await until(() => a.session.status === 'running');
    assert.equal(a.posted.length, 0, 'two origins, no parent origin known: nobody to tell yet');
    a.send({ v: 1, id: 1, cmd: 'getState' }, 'https://b.example');
    assert.deepEqual(
      a.posted.map((p) => [p.to, 'event' in p.message ? p.message.event : 'reply']),
      [
        ['https://b.example', 'ready'],
        ['https://b.example', 'reply'],
      ],
    );
    a.session.dispose();
  });
});
