// The compare mode with its embed target: a chunk of its own on the site, loaded when the
// link names the mode (modes.ts), so a visit to the playground does not download it.
import { embedSource } from '../embed/embed-source';
import { compareApiExample, compareTarget } from '../embed/targets/compare-target';
import { startCompare } from '../modes/compare/compare-mode';
import { COMPARE_LIVE_KEYS } from '../modes/compare/compare-store';
import { MODE_KEY, type StartMode } from './modes';

export const start: StartMode = (...args) => {
  const c = startCompare(...args);
  return {
    dispose: c.dispose,
    embed: compareTarget(c.store, c.grid),
    // Embed only: exports and imports are of one run.
    share: {
      embed: embedSource(
        c.store,
        { before: [MODE_KEY], after: COMPARE_LIVE_KEYS },
        'comparison',
        () => compareApiExample(c.store.settings.runs),
      ),
    },
  };
};
