// The compare mode with its embed target: a chunk of its own on the site, loaded when the
// link names the mode (modes.ts), so a visit to the playground does not download it.
import { compareTarget } from '../embed/targets/compare-target';
import { startCompare } from '../modes/compare/compare-mode';
import { COMPARE_LIVE_KEYS } from '../modes/compare/compare-store';
import type { ApiExample } from '../embed/snippet';
import { embedSource } from '../share/embed-dialog';
import { MODE_KEY, type StartMode } from './modes';

/** The Embed dialog's API example: the runs, and each run's dead fraction. */
const API_EXAMPLE: ApiExample = {
  set: "{ runs: 'relu,leaky_relu:0.01,leaky_relu:0.3,prelu:0.25' }",
  log: 'e.detail.runs.map((r) => r?.deadFraction)',
};

export const start: StartMode = (...args) => {
  const c = startCompare(...args);
  return {
    dispose: c.dispose,
    embed: compareTarget(c.store, c.grid),
    // Embed only: exports and imports are of one run.
    share: {
      embed: embedSource(c.store, { before: [MODE_KEY], after: COMPARE_LIVE_KEYS }, API_EXAMPLE),
    },
  };
};
