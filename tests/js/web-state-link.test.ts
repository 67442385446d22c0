// The property table and the link: round trips, defaults from the core, hostile links.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestKey, parseLink, parseLive, writeLink } from '../../web/src/state/link.ts';
import { defaultSettings, DEFAULT_EXPERIMENT } from '../../web/src/state/properties.ts';
import { catalog, props } from './support/catalog.ts';

const texts = (hash: string): string[] => parseLink(hash, props).notices.map((n) => n.text);

describe('property table', () => {
  it('defaults to the default experiment, alpha from the core’s own default for the kind', () => {
    const s = defaultSettings(props);
    assert.equal(s.dataset, DEFAULT_EXPERIMENT.dataset);
    assert.deepEqual(s.hidden, [...DEFAULT_EXPERIMENT.hidden]);
    assert.equal(s.kind, 'leaky_relu');
    const leaky = catalog.activations.find((k) => k.name === 'leaky_relu')!;
    assert.equal(s.alpha, leaky.defaultAlpha);
    assert.deepEqual(s.inputs, ['x1', 'x2']);
  });

  it('takes its choices from the core (every dataset, optimizer and initializer)', () => {
    for (const d of catalog.datasets)
      assert.equal(parseLink(`#data=${d.name}`, props).settings.dataset, d.name);
    for (const o of catalog.optimizers)
      assert.equal(parseLink(`#opt=${o.name}`, props).settings.optimizer, o.name);
    for (const w of catalog.weightInits)
      assert.equal(parseLink(`#init=${w.name}`, props).settings.init, w.name);
  });

  it('gives alpha the default of the kind the link names', () => {
    const elu = catalog.activations.find((k) => k.name === 'elu')!;
    assert.equal(parseLink('#kind=elu', props).settings.alpha, elu.defaultAlpha);
    assert.equal(parseLink('#kind=elu&alpha=0.5', props).settings.alpha, 0.5);
  });
});

describe('link', () => {
  it('round-trips every setting and the live changes', () => {
    const s = {
      ...defaultSettings(props),
      seed: 42,
      dataSeed: 7,
      dataset: 'xor',
      hidden: [4, 6],
      layerKinds: ['', 'relu'],
      inputs: ['x1^2', 'x2^2'] as const,
      kind: 'leaky_relu',
      alpha: 0.2,
      lr: 0.003,
      speed: 'fast',
      showTest: true,
    };
    const live = [
      { step: 100, field: 'alpha' as const, value: 0.3 },
      { step: 250, field: 'lr' as const, value: 0.001 },
    ];
    const hash = writeLink({ ...s, inputs: [...s.inputs] }, live, props);
    const back = parseLink(hash, props);
    assert.deepEqual(back.notices, []);
    assert.deepEqual(back.settings, { ...s, inputs: [...s.inputs] });
    assert.deepEqual(back.live, live);
  });

  it('leaves out what does not apply: alpha of ReLU, the bias value unless constant', () => {
    const hash = writeLink({ ...defaultSettings(props), kind: 'relu' }, [], props);
    assert.ok(!/(^|&)alpha=/.test(hash), hash);
    assert.ok(!/biasValue=/.test(hash), hash);
    assert.match(
      writeLink({ ...defaultSettings(props), bias: 'constant' }, [], props),
      /biasValue=/,
    );
  });

  it('keeps the default for a bad value and says so, naming the allowed range', () => {
    const { settings, notices } = parseLink('#lr=abc&data=nope', props);
    assert.equal(settings.lr, DEFAULT_EXPERIMENT.lr);
    assert.equal(settings.dataset, DEFAULT_EXPERIMENT.dataset);
    assert.equal(notices.length, 2);
    // In table order: data before lr.
    assert.match(notices[0]!.text, /data “nope” was not used \(data must be one of circle, xor/);
    assert.match(
      notices[1]!.text,
      /lr “abc” was not used \(lr must be a number within \(0, 10\]\); the default 0\.03 is kept/,
    );
  });

  it('moves an out-of-range value into range and never claims a replacement it did not make', () => {
    const { settings, notices } = parseLink('#points=5&hidden=8,99,8,8,8,8,8,8', props);
    assert.equal(settings.points, 20);
    assert.deepEqual(settings.hidden, [8, 32, 8, 8, 8, 8]);
    assert.match(notices[0]!.text, /points “5” is out of range .* so 20 is used instead/);
    assert.match(notices[1]!.text, /so 8,32,8,8,8,8 is used instead/);
    // A value in range gets no notice at all.
    assert.deepEqual(texts('#points=20&hidden=8'), []);
  });

  it('names an unknown key and the closest known one', () => {
    const t = texts('#alhpa=0.2&lerning=1');
    assert.equal(t.length, 2);
    assert.match(t[0]!, /“alhpa” is not one this page knows \(did you mean “alpha”\?\)/);
    assert.equal(closestKey('lerning', ['lr', 'seed', 'learning']), 'learning');
    // Keys that belong to someone else are left alone.
    assert.deepEqual(parseLink('#mode=playground', props, ['mode']).notices, []);
  });

  it('refuses hostile or malformed live changes as a whole', () => {
    assert.equal(parseLive('10:alpha:0.2;5:alpha:0.3'), null, 'steps must ascend');
    assert.equal(parseLive('10:beta:0.2'), null);
    assert.equal(parseLive('x:alpha:0.2'), null);
    assert.equal(parseLive(Array.from({ length: 51 }, (_, i) => `${i}:lr:0.1`).join(';')), null);
    const { live, notices } = parseLink('#live=1:alpha:nan', props);
    assert.deepEqual(live, []);
    assert.match(notices[0]!.text, /live changes .* were not replayed/);
  });

  it('survives very long and strange links with bounded notices', () => {
    const junk = `#${'x'.repeat(5000)}=1&seed=${'9'.repeat(400)}&hidden=${Array(1000).fill(8).join(',')}`;
    const { settings, notices } = parseLink(junk, props);
    assert.equal(settings.hidden.length, 6);
    for (const n of notices) assert.ok(n.text.length < 600, n.text.slice(0, 80));
  });
});
