// The page's settings as the core's run config, checked by the core itself.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../web/src/state/properties.ts';
import { buildRunConfig, featuresFor } from '../../web/src/state/run-config.ts';
import { INPUT_COLUMNS, type Settings } from '../../web/src/state/settings.ts';
import type { TrainerModule } from '../../web/src/run/trainer-api.ts';
import { catalog, props } from './support/catalog.ts';
import { wasmDist } from './support/paths.ts';

const require = createRequire(import.meta.url);
const core = (await (
  require(path.join(wasmDist, 'leaky_node.cjs')) as () => Promise<TrainerModule>
)()) as TrainerModule;

function understood(s: Settings): Record<string, any> {
  const json = buildRunConfig(s, catalog);
  assert.equal(core.validateConfig(json), '', json);
  const t = new core.Trainer(json);
  try {
    assert.equal(t.problems(), '');
    return { config: JSON.parse(t.config()), layout: JSON.parse(t.layout()) };
  } finally {
    t.delete();
  }
}

describe('run-config', () => {
  it('the default settings make the default experiment, as the core reads it', () => {
    const { config, layout } = understood(defaultSettings(props));
    assert.equal(config.data.kind, 'spiral');
    assert.equal(config.data.seed, 1);
    assert.deepEqual(
      config.network.hidden.map((l: { units: number; activation: string; alpha: number }) => [
        l.units,
        l.activation,
        l.alpha,
      ]),
      [
        [8, 'leaky_relu', 0.01],
        [8, 'leaky_relu', 0.01],
        [8, 'leaky_relu', 0.01],
      ],
    );
    assert.equal(config.optimizer.kind, 'adam');
    assert.equal(config.training.eval_every, catalog.defaults.evalEvery, 'the CLI’s default');
    assert.equal(layout.total_steps, 0, 'no planned end');
  });

  it('feeds the network exactly the chosen input columns', () => {
    const s = {
      ...defaultSettings(props),
      inputs: ['x1^2', 'x2^2', 'sin(x1)'] as Settings['inputs'],
    };
    const { layout } = understood(s);
    assert.deepEqual(layout.input_names, ['x1^2', 'x2^2', 'sin(x1)']);
    assert.deepEqual(
      featuresFor(['x2', 'x1*x2'], 1),
      {
        x_squared: false,
        x1x2: false,
        sin: false,
        omit: [],
      },
      'a 1-D dataset keeps x1 when nothing else applies',
    );
  });

  it('every combination of input columns is a config the core accepts', () => {
    for (let mask = 1; mask < 1 << INPUT_COLUMNS.length; mask++) {
      const inputs = INPUT_COLUMNS.filter((_, i) => mask & (1 << i));
      for (const dataset of ['circle', 'sine']) {
        const { layout } = understood({ ...defaultSettings(props), dataset, inputs });
        assert.ok(layout.inputs >= 1);
        if (dataset === 'circle') assert.deepEqual(layout.input_names, inputs);
      }
    }
  });

  it('sends the bias value only for a constant bias, alpha only where a kind reads one', () => {
    const base = defaultSettings(props);
    assert.equal(JSON.parse(buildRunConfig(base, catalog)).init.bias_value, undefined);
    const c = understood({ ...base, bias: 'constant', biasValue: -0.3 }).config;
    assert.equal(c.init.bias_value, -0.3);
    const relu = JSON.parse(buildRunConfig({ ...base, kind: 'relu', alpha: 0.5 }, catalog));
    assert.equal(relu.network.alpha, undefined);
  });

  it('maps per-layer activations and regularization', () => {
    const s = {
      ...defaultSettings(props),
      kind: 'relu',
      hidden: [4, 5, 6],
      layerKinds: ['', 'leaky_relu', 'rrelu'],
      regularization: 'l2' as const,
      regRate: 0.01,
    };
    const { config } = understood(s);
    assert.deepEqual(
      config.network.hidden.map((l: { activation: string }) => l.activation),
      ['relu', 'leaky_relu', 'rrelu'],
    );
    assert.equal(config.regularization.l2, 0.01);
    assert.equal(config.regularization.l1, 0);
  });

  it('every kind and every optimizer and initializer of the catalog makes a valid config', () => {
    const base = defaultSettings(props);
    for (const k of catalog.activations)
      understood({ ...base, kind: k.name, alpha: k.defaultAlpha });
    for (const o of catalog.optimizers) understood({ ...base, optimizer: o.name });
    for (const w of catalog.weightInits) understood({ ...base, init: w.name });
    for (const b of catalog.biasInits) understood({ ...base, bias: b.name });
  });
});
