// The run config JSON (schema version 1, core/train/run_config.hpp) for the page's settings.
// Pure: it only maps names; the core validates and reports problems. Fields that do not apply
// to the chosen kinds are left out (the core refuses them: they would have no effect).
import type { Catalog } from '../wasm/catalog';
import { INPUT_COLUMNS, type InputColumn, type Settings } from './settings';

/** The columns of `inputs` that exist for data with `dims` base inputs (x1 at least). */
export function usableInputs(inputs: readonly InputColumn[], dims: number): InputColumn[] {
  const ok = inputs.filter((c) => dims >= 2 || !c.includes('x2'));
  return ok.length > 0 ? ok : ['x1'];
}

/** The core's feature groups and omitted columns that give exactly `inputs`. */
export function featuresFor(inputs: readonly InputColumn[], dims: number): Record<string, unknown> {
  const want = usableInputs(inputs, dims);
  const has = (c: InputColumn): boolean => want.includes(c);
  const x_squared = has('x1^2') || has('x2^2');
  const x1x2 = dims === 2 && has('x1*x2');
  const sin = has('sin(x1)') || has('sin(x2)');
  const produced = INPUT_COLUMNS.filter((c) => {
    if (dims < 2 && c.includes('x2')) return false;
    if (c.endsWith('^2')) return x_squared;
    if (c === 'x1*x2') return x1x2;
    if (c.startsWith('sin')) return sin;
    return true;
  });
  return { x_squared, x1x2, sin, omit: produced.filter((c) => !has(c)) };
}

export function buildRunConfig(s: Settings, catalog: Catalog): string {
  const kind = (name: string) => catalog.activations.find((k) => k.name === name);
  const dims = catalog.datasets.find((d) => d.name === s.dataset)?.inputs ?? 2;
  const networkHasAlpha = kind(s.kind)?.alpha === true;
  /** The activation fields of a layer of `name` (alpha only where the kind reads one). */
  const activation = (name: string): Record<string, unknown> => {
    const k = kind(name);
    const out: Record<string, unknown> = { activation: name };
    // The alpha control sets the network's alpha; a layer of another kind keeps its own
    // default unless the network's kind has an alpha too (live changes then set every layer).
    if (k?.alpha) out['alpha'] = networkHasAlpha ? s.alpha : k.defaultAlpha;
    if (k?.lowerUpper) Object.assign(out, { lower: s.lower, upper: s.upper });
    return out;
  };
  const usesBiasValue = catalog.biasInits.find((b) => b.name === s.bias)?.usesValue === true;
  const config = {
    version: 1,
    seed: s.seed,
    data: {
      kind: s.dataset,
      seed: s.dataSeed,
      points: s.points,
      noise: s.noise,
      train_fraction: s.trainFraction,
      features: featuresFor(s.inputs, dims),
    },
    network: {
      ...activation(s.kind),
      hidden: s.hidden.map((units, i) => {
        const k = s.layerKinds[i] ?? '';
        return k === '' || k === s.kind ? units : { units, ...activation(k) };
      }),
    },
    init: { weights: s.init, bias: s.bias, ...(usesBiasValue ? { bias_value: s.biasValue } : {}) },
    optimizer: { kind: s.optimizer, lr: s.lr },
    regularization: {
      l1: s.regularization === 'l1' ? s.regRate : 0,
      l2: s.regularization === 'l2' ? s.regRate : 0,
    },
    // steps 0: no planned end; the playground trains until it is paused.
    training: { batch_size: s.batchSize, steps: 0, eval_every: s.evalEvery },
  };
  return JSON.stringify(config);
}

/** True when some hidden layer's activation takes alpha (so alpha can change live). */
export function usesAlpha(s: Settings, catalog: Catalog): boolean {
  const has = (name: string): boolean =>
    catalog.activations.find((k) => k.name === name)?.alpha === true;
  return s.hidden.some((_, i) => has((s.layerKinds[i] ?? '') || s.kind));
}
