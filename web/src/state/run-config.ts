// The run config JSON (schema version 1, core/config.hpp) for the page's settings.
// Pure: it only maps names; the core validates and reports problems.
import type { RunSettings } from './run-settings';

export interface KindTraits {
  alpha: boolean;
  lowerUpper: boolean;
  /** The kind's own alpha, for a layer whose kind differs from a network kind without one. */
  defaultAlpha: number;
}

/** The activation fields for `kind` (alpha only for kinds that have one). */
function activation(
  kind: string,
  s: RunSettings,
  traits: (kind: string) => KindTraits,
): Record<string, unknown> {
  const t = traits(kind);
  const out: Record<string, unknown> = { activation: kind };
  // The alpha control sets the network's alpha; a layer of another kind keeps its own default
  // unless the network's kind has an alpha too (live changes then set every layer's alpha).
  if (t.alpha) out['alpha'] = traits(s.kind).alpha ? s.alpha : t.defaultAlpha;
  if (t.lowerUpper) Object.assign(out, { lower: s.lower, upper: s.upper });
  return out;
}

export function buildRunConfig(s: RunSettings, traits: (kind: string) => KindTraits): string {
  const config = {
    version: 1,
    seed: s.seed,
    data: {
      kind: s.dataset,
      points: s.points,
      noise: s.noise,
      train_fraction: s.trainFraction,
      features: { x_squared: s.xSquared, x1x2: s.x1x2, sin: s.sin },
    },
    network: {
      ...activation(s.kind, s, traits),
      hidden: s.hidden.map((units, i) => {
        const k = s.layerKinds[i] ?? '';
        return k === '' || k === s.kind ? units : { units, ...activation(k, s, traits) };
      }),
    },
    init: { weights: s.init, bias: s.bias, bias_value: s.biasValue },
    optimizer: { kind: s.optimizer, lr: s.lr },
    regularization: {
      l1: s.regularization === 'l1' ? s.regRate : 0,
      l2: s.regularization === 'l2' ? s.regRate : 0,
    },
    // steps 0: no planned end; the playground trains until it is paused.
    training: { batch_size: s.batchSize, steps: 0 },
  };
  return JSON.stringify(config);
}

/** True when some hidden layer's activation takes alpha (so alpha can change live). */
export function usesAlpha(s: RunSettings, traits: (kind: string) => KindTraits): boolean {
  return s.hidden.some((_, i) => traits((s.layerKinds[i] ?? '') || s.kind).alpha);
}
