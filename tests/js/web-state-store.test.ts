// The store's commands and what each change means for the run, without a browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLink } from '../../web/src/state/link.ts';
import { usesAlpha } from '../../web/src/state/run-config.ts';
import { Store, type StoreEvent } from '../../web/src/state/store.ts';
import { catalog, props } from './support/catalog.ts';

function store(hash = ''): { s: Store; events: StoreEvent[] } {
  const s = new Store(props, (x) => usesAlpha(x, catalog));
  const events: StoreEvent[] = [];
  s.subscribe((e) => events.push(e));
  s.load(hash);
  events.length = 0;
  return { s, events };
}

const types = (events: StoreEvent[]): string[] => events.map((e) => e.type);

describe('store', () => {
  it('applies alpha and the learning rate live, everything else with a new run', () => {
    const { s, events } = store();
    s.setAlpha(0.2);
    s.setLearningRate(0.001);
    s.set({ dataset: 'xor' });
    s.set({ showTest: true });
    s.set({ speed: 'fast' });
    assert.deepEqual(types(events), ['live', 'live', 'restart', 'view', 'speed']);
    assert.deepEqual(events[0], { type: 'live', field: 'alpha', value: 0.2 });
  });

  it('starts a new run for alpha when asked to, or when no layer has an alpha', () => {
    const a = store('#alphaResets=1');
    a.s.setAlpha(0.3);
    assert.deepEqual(types(a.events), ['restart']);
    const b = store('#kind=relu');
    b.s.setAlpha(0.3);
    assert.deepEqual(types(b.events), ['restart']);
  });

  it('refuses values outside their row and changes nothing', () => {
    const { s, events } = store();
    const before = { ...s.settings };
    assert.match(s.set({ lr: 0 })[0]!.text, /lr must be a number within \(0, 10\]/);
    assert.match(s.setAlpha(Number.NaN)[0]!.text, /alpha must be/);
    assert.equal(s.set({ dataset: 'nope' }).length, 1);
    assert.deepEqual(s.settings, before);
    assert.deepEqual(events, []);
  });

  it('writes a link that replays the live changes it applied, and reset folds them in', () => {
    const { s } = store('#seed=3');
    s.setAlpha(0.3);
    s.applied({ step: 1200, field: 'alpha', value: 0.3 });
    const link = parseLink(s.link(), props);
    assert.equal(link.settings.alpha, 0.01, 'the link starts where the run started');
    assert.deepEqual(link.live, [{ step: 1200, field: 'alpha', value: 0.3 }]);
    s.reset();
    const fresh = parseLink(s.link(), props);
    assert.equal(fresh.settings.alpha, 0.3, 'a reset run starts from what the controls show');
    assert.deepEqual(fresh.live, []);
  });

  it('loads a link with its notices, and replays its live changes', () => {
    const s = new Store(props, (x) => usesAlpha(x, catalog));
    const events: StoreEvent[] = [];
    s.subscribe((e) => events.push(e));
    s.load('#alhpa=1&live=5:lr:0.001');
    const notices = events.find((e) => e.type === 'notices');
    assert.ok(notices && notices.type === 'notices' && notices.notices.length === 1);
    const restart = events.find((e) => e.type === 'restart');
    assert.ok(restart && restart.type === 'restart');
    assert.deepEqual(restart.schedule, [{ step: 5, field: 'lr', value: 0.001 }]);
  });

  it('remembers alpha per kind within a visit', () => {
    const { s } = store();
    s.setAlpha(0.2);
    s.setKind('elu');
    assert.equal(s.settings.alpha, catalog.activations.find((k) => k.name === 'elu')!.defaultAlpha);
    s.setKind('leaky_relu');
    assert.equal(s.settings.alpha, 0.2);
  });

  it('play, pause and step are commands too', () => {
    const { s, events } = store();
    s.pause();
    s.step();
    s.play();
    assert.deepEqual(types(events), ['pause', 'step', 'play']);
    assert.equal(s.playing, true);
  });
});
