// The page's settings as the core's run config (schema version 1), checked by the core itself.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildRunConfig, usesAlpha, type KindTraits } from '../../web/src/state/run-config.ts';
import { defaultSettings } from '../../web/src/state/run-settings.ts';
import type { TrainerModule } from '../../web/src/run/trainer-api.ts';
import { wasmDist } from './support/paths.ts';

const require = createRequire(import.meta.url);
const core = (await (
  require(path.join(wasmDist, 'leaky_node.cjs')) as () => Promise<TrainerModule>
)()) as TrainerModule;

const DEFAULT_ALPHA: Record<string, number> = { leaky_relu: 0.01, prelu: 0.25, elu: 1 };
const traits = (kind: string): KindTraits => ({
  alpha: kind in DEFAULT_ALPHA,
  lowerUpper: kind === 'rrelu',
  defaultAlpha: DEFAULT_ALPHA[kind] ?? 0,
});

describe('run-config', () => {
  it('the default settings make a valid config the core reads back as meant', () => {
    const json = buildRunConfig(defaultSettings(), traits);
    assert.equal(core.validateConfig(json), '');
    const t = new core.Trainer(json);
    try {
      const c = JSON.parse(t.config());
      assert.equal(c.seed, 1);
      assert.equal(c.data.kind, 'spiral');
      assert.deepEqual(
        c.network.hidden.map((l: { units: number; activation: string; alpha: number }) => [
          l.units,
          l.activation,
          l.alpha,
        ]),
        [
          [8, 'leaky_relu', 0.01],
          [8, 'leaky_relu', 0.01],
          [8, 'leaky_relu', 0.01],
          [8, 'leaky_relu', 0.01],
        ],
      );
      assert.equal(c.optimizer.kind, 'adam');
      assert.equal(c.optimizer.lr, 0.01);
      assert.equal(c.init.weights, 'he_normal');
      assert.equal(JSON.parse(t.layout()).total_steps, 0, 'no planned end');
    } finally {
      t.delete();
    }
  });

  it('maps per-layer activations, regularization and features', () => {
    const s = {
      ...defaultSettings(),
      kind: 'relu',
      alpha: 0,
      hidden: [4, 5, 6],
      layerKinds: ['', 'leaky_relu', 'rrelu'],
      regularization: 'l2',
      regRate: 0.01,
      xSquared: true,
      bias: 'constant',
      biasValue: 0.1,
    };
    const json = buildRunConfig(s, traits);
    assert.equal(core.validateConfig(json), '');
    const t = new core.Trainer(json);
    try {
      const c = JSON.parse(t.config());
      assert.equal(c.network.hidden[0].activation, 'relu');
      assert.equal(c.network.hidden[1].activation, 'leaky_relu');
      assert.equal(c.network.hidden[1].alpha, 0.01, 'a leaky layer in a ReLU network: its own α');
      assert.equal(c.network.hidden[2].activation, 'rrelu');
      assert.equal(c.regularization.l2, 0.01);
      assert.equal(c.regularization.l1, 0);
      assert.equal(c.data.features.x_squared, true);
      assert.equal(JSON.parse(t.layout()).inputs, 4);
      assert.equal(c.init.bias, 'constant');
    } finally {
      t.delete();
    }
    assert.equal(usesAlpha(s, traits), true, 'layer 2 is leaky');
    assert.equal(usesAlpha({ ...s, layerKinds: ['', '', ''] }, traits), false);
  });

  it('a network with an alpha gives it to every layer that has one', () => {
    const s = {
      ...defaultSettings(),
      kind: 'leaky_relu',
      alpha: 0.2,
      hidden: [4, 4],
      layerKinds: ['', 'elu'],
    };
    const c = JSON.parse(buildRunConfig(s, traits));
    assert.equal(c.network.alpha, 0.2);
    assert.deepEqual(c.network.hidden[1], { units: 4, activation: 'elu', alpha: 0.2 });
  });

  it('leaves judging to the core: x1*x2 on 1-D data comes back as a problem', () => {
    const json = buildRunConfig({ ...defaultSettings(), dataset: 'sine', x1x2: true }, traits);
    const t = new core.Trainer(json);
    try {
      assert.match(t.problems(), /x1\*x2 needs exactly 2 inputs/);
    } finally {
      t.delete();
    }
  });
});
