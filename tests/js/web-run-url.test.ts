// The run's URL property table: defaults, round trips, clamping and hostile links.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, defaultSettings } from '../../web/src/state/run-settings.ts';
import {
  RUN_PROPERTIES,
  describeRunNotice,
  parseRunHash,
  serializeRunHash,
} from '../../web/src/state/run-url.ts';

const KINDS = ['linear', 'relu', 'leaky_relu', 'prelu', 'rrelu', 'elu', 'tanh'];

describe('run-url', () => {
  it('gives the defaults for an empty or unrelated hash, with no notices', () => {
    for (const hash of ['', '#', '#kind=relu&alpha=0.2', '#nothing=here']) {
      const { settings, notices } = parseRunHash(hash, KINDS);
      assert.deepEqual(settings, defaultSettings());
      assert.deepEqual(notices, []);
    }
  });

  it('has one row per key, and every key is written', () => {
    const keys = RUN_PROPERTIES.map((p) => p.key);
    assert.equal(new Set(keys).size, keys.length);
    const written = new URLSearchParams(serializeRunHash(defaultSettings()));
    for (const p of RUN_PROPERTIES) {
      if (p.key !== 'acts') assert.ok(written.has(p.key), `${p.key} is written`);
    }
    assert.equal(written.has('acts'), false, 'acts only when a layer picks its own');
  });

  it('round-trips every setting', () => {
    const s = {
      ...defaultSettings(),
      seed: 123456,
      dataset: 'moons',
      points: 300,
      noise: 0.35,
      trainFraction: 0.7,
      batchSize: 30,
      xSquared: true,
      x1x2: true,
      sin: true,
      hidden: [3, 32, 1],
      layerKinds: ['', 'tanh', 'relu'],
      lr: 0.003,
      optimizer: 'momentum',
      init: 'xavier_uniform',
      bias: 'constant',
      biasValue: -0.25,
      regularization: 'l1',
      regRate: 0.0001,
      stepsPerFrame: 200,
      alphaResets: true,
    };
    const hash = serializeRunHash(s);
    assert.match(hash, /hidden=3,32,1/);
    assert.match(hash, /acts=,tanh,relu/);
    const again = parseRunHash(`#${hash}`, KINDS);
    assert.deepEqual(again.notices, []);
    assert.deepEqual(again.settings, s);
  });

  it('allows no hidden layer at all', () => {
    const { settings, notices } = parseRunHash('#hidden=', KINDS);
    assert.deepEqual(settings.hidden, []);
    assert.deepEqual(settings.layerKinds, []);
    assert.deepEqual(notices, []);
  });

  it('clamps out-of-range numbers and says what it used', () => {
    const { settings, notices } = parseRunHash(
      '#noise=5&train=0&batch=100000&lr=20&seed=-3&spf=7&points=1',
      KINDS,
    );
    assert.equal(settings.noise, 1);
    assert.equal(settings.trainFraction, 0.1);
    assert.equal(settings.batchSize, 500);
    assert.equal(settings.lr, 10);
    assert.equal(settings.seed, 0);
    assert.equal(settings.stepsPerFrame, 5);
    assert.equal(settings.points, 20);
    const text = notices.map(describeRunNotice).join('\n');
    assert.match(
      text,
      /noise value “5” is out of range: noise must be a number within \[0, 1\]. Using 1 instead/,
    );
    assert.match(text, /lr value “20” is out of range.*\[0\.000001, 10\].*Using 10 instead/);
    assert.match(text, /seed value “-3”.*whole number.*Using 0 instead/);
    assert.match(text, /spf value “7”.*one of 1, 2, 5, 10, 20, 50, 100, 200, 500.*Using 5 instead/);
    assert.equal(notices.length, 7);
  });

  it('clamps layer sizes and the number of layers', () => {
    const { settings, notices } = parseRunHash('#hidden=0,64,8,8,8,8,8,8', KINDS);
    assert.deepEqual(settings.hidden, [1, 32, 8, 8, 8, 8]);
    assert.equal(settings.layerKinds.length, 6);
    assert.match(
      describeRunNotice(notices[0]!),
      /0 to 6 layers of 1 to 32 units.*Using 1,32,8,8,8,8/,
    );
  });

  it('ignores malformed values, keeping the default and naming what is allowed', () => {
    const bad = ['abc', '', 'NaN', 'Infinity', '1e999', '0x1', '1;alert(1)', '<img src=x>'];
    for (const v of bad) {
      const e = encodeURIComponent(v);
      const { settings, notices } = parseRunHash(
        `#noise=${e}&data=${e}&x2=${e}&hidden=8,${e}&opt=${e}`,
        KINDS,
      );
      assert.equal(settings.noise, DEFAULT_SETTINGS.noise);
      assert.equal(settings.dataset, DEFAULT_SETTINGS.dataset);
      assert.equal(settings.xSquared, false);
      assert.deepEqual(settings.hidden, [...DEFAULT_SETTINGS.hidden]);
      assert.equal(settings.optimizer, DEFAULT_SETTINGS.optimizer);
      assert.equal(notices.length, 5, v);
      for (const n of notices)
        assert.match(describeRunNotice(n), /was ignored: .* Using the default instead\./);
    }
  });

  it('whole numbers only where a count is meant', () => {
    const { settings, notices } = parseRunHash('#batch=2.5&seed=1.5', KINDS);
    assert.equal(settings.batchSize, DEFAULT_SETTINGS.batchSize);
    assert.equal(settings.seed, DEFAULT_SETTINGS.seed);
    assert.equal(notices.length, 2);
  });

  it('reads booleans leniently and rejects the rest', () => {
    assert.equal(parseRunHash('#x2=true', KINDS).settings.xSquared, true);
    assert.equal(parseRunHash('#x2=ON', KINDS).settings.xSquared, true);
    assert.equal(parseRunHash('#alphaResets=1', KINDS).settings.alphaResets, true);
    const { settings, notices } = parseRunHash('#sin=maybe', KINDS);
    assert.equal(settings.sin, false);
    assert.match(describeRunNotice(notices[0]!), /sin must be 1 \(on\) or 0 \(off\)/);
  });

  it('per-layer activations: unknown names fall back to the network’s, lengths follow hidden', () => {
    const { settings, notices } = parseRunHash('#hidden=4,4,4&acts=tanh,bogus', KINDS);
    assert.deepEqual(settings.layerKinds, ['tanh', '', '']);
    assert.equal(notices.length, 1);
    assert.match(describeRunNotice(notices[0]!), /acts value “tanh,bogus” was ignored/);
    assert.deepEqual(parseRunHash('#hidden=4&acts=relu,tanh,elu', KINDS).settings.layerKinds, [
      'relu',
    ]);
  });

  it('shortens very long values in notices', () => {
    const long = 'x'.repeat(500);
    const { notices } = parseRunHash(`#data=${long}`, KINDS);
    assert.ok(notices[0]!.value.length <= 41);
  });
});
