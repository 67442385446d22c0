// The compare mode's settings without a browser: its link rows (the runs, the gain, the target
// loss, the shared settings), what a bad link gives, and what each command means for the runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareTarget } from '../../web/src/embed/targets/compare-target.ts';
import { buildCompareConfig } from '../../web/src/modes/compare/compare-config.ts';
import type { CompareSettings } from '../../web/src/modes/compare/compare-settings.ts';
import { runText } from '../../web/src/modes/compare/runs.ts';
import { CompareStore, type CompareEvent } from '../../web/src/modes/compare/compare-store.ts';
import { RunGrid } from '../../web/src/run/run-grid.ts';
import type { WorkerLike } from '../../web/src/run/session.ts';
import { catalog, compareKinds as kinds, compareProps as props } from './support/catalog.ts';

/** The grid is never started here: a worker would be a mistake. */
const noWorker = (): WorkerLike => {
  throw new Error('no worker in these tests');
};

function loaded(hash: string): { store: CompareStore; events: CompareEvent[] } {
  const store = new CompareStore(props, kinds);
  const events: CompareEvent[] = [];
  store.subscribe((e) => events.push(e));
  store.load(hash, ['mode']);
  return { store, events };
}

const runsOf = (s: Readonly<CompareSettings>): string => s.runs.map(runText).join();
const notices = (events: CompareEvent[]): string[] =>
  events.flatMap((e) => (e.type === 'notices' ? e.notices.map((n) => n.text) : []));

describe('compare link', () => {
  it('defaults to ReLU, Leaky ReLU 0.01 and 0.2, and PReLU from the same weights', () => {
    const { store, events } = loaded('#mode=compare');
    assert.equal(runsOf(store.settings), 'relu,leaky_relu:0.01,leaky_relu:0.2,prelu:0.25');
    assert.equal(store.settings.gain, 'relu');
    assert.deepEqual(notices(events), []);
    const link = store.link();
    assert.match(link, /^mode=compare&runs=relu,leaky_relu:0.01,leaky_relu:0.2,prelu:0.25&/);
    assert.match(link, /&gain=relu&/);
    // The link reads back as the same settings.
    assert.deepEqual(loaded(link).store.settings, store.settings);
  });

  it('reads runs with their α, any kind the core knows', () => {
    const { store } = loaded('#mode=compare&runs=elu:0.5,gelu,leaky_relu:0.3&gain=own');
    assert.equal(runsOf(store.settings), 'elu:0.5,gelu,leaky_relu:0.3');
    assert.equal(store.settings.gain, 'own');
    const configs = store.settings.runs.map((r) =>
      JSON.parse(buildCompareConfig(store.settings, r, catalog)),
    );
    assert.deepEqual(
      configs.map((c) => [c.network.activation, c.network.alpha]),
      [
        ['elu', 0.5],
        ['gelu', undefined],
        ['leaky_relu', 0.3],
      ],
    );
    assert.ok(configs.every((c) => c.init.gain === 'own' && c.training.target_loss === 0.1));
    // Apart from the activation, the configs are one and the same.
    const rest = configs.map((c) => JSON.stringify({ ...c, network: c.network.hidden }));
    assert.equal(new Set(rest).size, 1);
  });

  it('names what it could not use, and keeps what it could', () => {
    const cases: [string, string, RegExp][] = [
      ['runs=relu,swish,leaky_relu:abc,gelu', 'relu,gelu', /runs .*out of range.*relu,gelu/],
      ['runs=relu:0.3,gelu,elu', 'gelu,elu:1', /runs .*so gelu,elu:1 is used/],
      ['runs=gelu', 'relu,leaky_relu:0.01,leaky_relu:0.2,prelu:0.25', /runs “gelu” was not used/],
      ['runs=relu,gelu,elu,silu,tanh', 'relu,gelu,elu:1,silu', /2 to 4 runs separated by commas/],
    ];
    for (const [hash, runs, notice] of cases) {
      const { store, events } = loaded(`#mode=compare&${hash}`);
      assert.equal(runsOf(store.settings), runs, hash);
      assert.ok(
        notices(events).some((t) => notice.test(t)),
        `${hash}: ${notices(events).join(' / ')}`,
      );
    }
    const bad = loaded('#mode=compare&gain=leaky&target=-1&alpha=0.2&live=5:alpha:0.3');
    assert.equal(bad.store.settings.gain, 'relu');
    assert.equal(bad.store.settings.target, 0);
    const texts = notices(bad.events).join(' / ');
    assert.match(texts, /gain “leaky” was not used \(gain must be one of own, relu\)/);
    assert.match(texts, /target “-1” is out of range/);
    assert.match(texts, /key “alpha” is not one this page knows/);
    assert.match(texts, /each run has its own \(live1, live2, live3, live4\)/);
  });

  it('replays each run’s own live changes', () => {
    const { events } = loaded('#mode=compare&live2=100:alpha:0.3;400:alpha:0.05&live3=oops');
    const restart = events.find((e) => e.type === 'restart');
    assert.ok(restart?.type === 'restart');
    assert.deepEqual(restart.schedules, [
      [],
      [
        { step: 100, field: 'alpha', value: 0.3 },
        { step: 400, field: 'alpha', value: 0.05 },
      ],
      [],
      [],
    ]);
    assert.match(notices(events).join(), /live changes “oops” were not replayed/);
  });
});

describe('compare store', () => {
  it('says what each command means for the runs', () => {
    const { store, events } = loaded('#mode=compare');
    const last = (): CompareEvent | undefined => events.at(-1);
    assert.deepEqual(store.setRunAlpha(0, 0.1)[0]?.text, 'ReLU has no α');
    assert.deepEqual(store.setRunAlpha(1, 0.3), []);
    assert.deepEqual(last(), { type: 'live', index: 1, field: 'alpha', value: 0.3 });
    assert.equal(store.setRunAlpha(1, Number.NaN).length, 1, 'a non-finite α is refused');
    store.set({ lr: 0.01 });
    assert.deepEqual(last(), { type: 'live', index: null, field: 'lr', value: 0.01 });
    store.set({ target: 0.2 });
    assert.equal(last()?.type, 'view');
    store.set({ hidden: [4] });
    assert.equal(last()?.type, 'restart');
    store.setRunKind(0, 'elu');
    assert.equal(runsOf(store.settings), 'elu:1,leaky_relu:0.3,leaky_relu:0.2,prelu:0.25');
    store.addRun();
    assert.equal(store.settings.runs.length, 4, 'at most four runs');
    store.removeRun(3);
    store.removeRun(2);
    store.removeRun(1);
    assert.equal(runsOf(store.settings), 'elu:1,leaky_relu:0.3', 'at least two');
    store.addRun();
    assert.equal(runsOf(store.settings), 'elu:1,leaky_relu:0.3,relu');
  });

  it('writes the runs as they started and each one’s live changes since', () => {
    const { store } = loaded('#mode=compare&runs=relu,leaky_relu:0.01');
    store.applied(1, { step: 300, field: 'alpha', value: 0.2 });
    assert.equal(store.settings.runs[1]?.alpha, 0.2);
    const link = store.link();
    assert.match(link, /runs=relu,leaky_relu:0.01&/);
    assert.match(link, /&live2=300:alpha:0.2$/);
    store.reset();
    assert.match(store.link(), /runs=relu,leaky_relu:0.2&/, 'reset starts from what is shown');
  });
});

describe('compare as an embed drives it (embed/targets/compare-target.ts)', () => {
  const target = (hash: string) => {
    const { store, events } = loaded(hash);
    events.length = 0;
    return { store, events, t: compareTarget(store, new RunGrid({ createWorker: noWorker })) };
  };

  it('changes only α of the same runs live, one event per run that changed', () => {
    const { store, events, t } = target('#mode=compare');
    assert.equal(t.set({ runs: 'relu,leaky_relu:0.3,leaky_relu:0.2,prelu:0.1', lr: '0.01' }), null);
    assert.deepEqual(
      events.filter((e) => e.type === 'live'),
      [
        { type: 'live', index: 1, field: 'alpha', value: 0.3 },
        { type: 'live', index: 3, field: 'alpha', value: 0.1 },
        { type: 'live', index: null, field: 'lr', value: 0.01 },
      ],
    );
    assert.ok(!events.some((e) => e.type === 'restart'));
    assert.equal(t.settings()['runs'], 'relu,leaky_relu:0.3,leaky_relu:0.2,prelu:0.1');
    assert.equal(runsOf(store.settings), 'relu,leaky_relu:0.3,leaky_relu:0.2,prelu:0.1');
  });

  it('starts every run afresh when the kinds or other settings change', () => {
    const { store, events, t } = target('#mode=compare&seed=5');
    assert.equal(t.set({ runs: 'relu,elu', points: '300' }), null);
    assert.deepEqual(
      events.map((e) => e.type),
      ['notices', 'restart'],
    );
    assert.match(runsOf(store.settings), /^relu,elu/);
    assert.equal(store.settings.points, 300);
    assert.equal(store.settings.seed, 5);
    events.length = 0;
    assert.equal(t.set({ points: '400' }), null);
    assert.deepEqual(
      events.map((e) => e.type),
      ['restart'],
    );
  });

  it('refuses a bad value whole, naming the key and what it allows', () => {
    const { store, events, t } = target('#mode=compare');
    const before = store.link();
    const error = t.set({ runs: 'relu,leaky_relu:0.5', points: 'many' });
    assert.match(error ?? '', /^points must be /);
    assert.match(
      t.set({ runz: 'relu' }) ?? '',
      /“runz” is not a setting \(did you mean “runs”\?\)/,
    );
    assert.deepEqual(events, []);
    assert.equal(store.link(), before);
  });
});
