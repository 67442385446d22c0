// The core's sweep request for the page's settings, and the playground link of one of its runs:
// the base config is the playground's own (buildRunConfig), so a run opened in the playground
// is the same config, seed included, and gives the same numbers at the same step.
import { writeLink } from '../../state/link';
import { makeProperties } from '../../state/properties';
import { buildRunConfig } from '../../state/run-config';
import type { Settings } from '../../state/settings';
import type { SweepLine, SweepRequest } from '../../run/sweep-api';
import type { Catalog } from '../../wasm/catalog';
import { NO_FACTOR, type SweepSettings } from './sweep-settings';

const NUMERIC_FACTORS = ['depth', 'width', 'lr'];

export function buildSweepRequest(s: SweepSettings, catalog: Catalog): SweepRequest {
  const config = JSON.parse(buildRunConfig(s, catalog)) as {
    training: Record<string, unknown>;
  };
  config.training['steps'] = s.steps;
  if (s.target > 0) config.training['target_loss'] = s.target;
  const request: SweepRequest = { config, alpha: [...s.alphas], seeds: s.seeds };
  if (s.factor !== NO_FACTOR && s.levels.length > 0)
    request.factors = {
      [s.factor]: s.levels.map((l) => (NUMERIC_FACTORS.includes(s.factor) ? Number(l) : l)),
    };
  return request;
}

/** The playground settings of one run of the sweep: its seed, alpha and factor level. */
export function runSettings(s: SweepSettings, line: SweepLine): Settings {
  const out: Settings = { ...s, seed: line.seed };
  if (line.alpha !== null) out.alpha = line.alpha;
  if (line.activation !== undefined) {
    out.kind = line.activation;
    out.layerKinds = out.hidden.map(() => '');
  }
  if (line.depth !== undefined) {
    out.hidden = Array.from({ length: line.depth }, () => s.hidden[0] ?? 8);
    out.layerKinds = out.hidden.map(() => s.layerKinds[0] ?? '');
  }
  if (line.width !== undefined) out.hidden = out.hidden.map(() => line.width!);
  if (line.init !== undefined) out.init = line.init;
  if (line.lr !== undefined) out.lr = line.lr;
  return out;
}

/** The hash (without '#') that opens the run in the playground. */
export function playgroundLink(s: SweepSettings, line: SweepLine, catalog: Catalog): string {
  return writeLink(runSettings(s, line), [], makeProperties(catalog));
}
