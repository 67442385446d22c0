// The core's config of each run of a comparison: the shared settings as the playground maps
// them, the run's own activation and α on every hidden layer, He's gain as chosen, and the
// target loss (so that `leaky-lab train` with the same config reports the same steps to it).
// Configs differ only in activation and α: the data, the batch order and, with gain "relu",
// the initial weights are the same draw for every run.
import { buildRunConfig } from '../../state/run-config';
import type { Settings } from '../../state/settings';
import type { Catalog } from '../../wasm/catalog';
import type { CompareSettings } from './compare-settings';
import type { RunSpec } from './runs';

/** The playground settings of one run: the shared ones, and the run's kind on every layer. */
export function runSettings(s: CompareSettings, run: RunSpec, catalog: Catalog): Settings {
  const kind = catalog.activations.find((k) => k.name === run.kind);
  return {
    ...s,
    kind: run.kind,
    alpha: run.alpha ?? kind?.defaultAlpha ?? 0,
    lower: kind?.defaultLower ?? 0,
    upper: kind?.defaultUpper ?? 0,
    layerKinds: s.hidden.map(() => ''),
    alphaResets: false,
  };
}

export function buildCompareConfig(s: CompareSettings, run: RunSpec, catalog: Catalog): string {
  const config = JSON.parse(buildRunConfig(runSettings(s, run, catalog), catalog)) as {
    init: Record<string, unknown>;
    training: Record<string, unknown>;
  };
  config.init['gain'] = s.gain;
  if (s.target > 0) config.training['target_loss'] = s.target;
  return JSON.stringify(config);
}
