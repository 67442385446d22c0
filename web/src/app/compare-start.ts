// The compare mode with its embed target: a chunk of its own on the site, loaded when the
// link names the mode (modes.ts), so a visit to the playground does not download it.
import { compareTarget } from '../embed/targets/compare-target';
import { startCompare } from '../modes/compare/compare-mode';
import type { StartMode } from './modes';

export const start: StartMode = (...args) => {
  const c = startCompare(...args);
  return { dispose: c.dispose, embed: compareTarget(c.store, c.grid) };
};
