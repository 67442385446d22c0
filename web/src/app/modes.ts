// The page's modes: each is a folder under modes/ with one start function; the shell knows
// them only through this table. The mode is the link's `mode` key (absent: the playground).
import type { Catalog } from '../wasm/catalog';
import type { LoadedCore } from '../wasm/load-core';
import type { Notices } from '../views/notices';
import { startCompare } from '../modes/compare/compare-mode';
import { startPlayground } from '../modes/playground/playground-mode';
import { startSweep } from '../modes/sweep/sweep-mode';

/** What a mode gives back: the shell ends it before starting another. */
export interface ModeHandle {
  dispose(): void;
}

export type StartMode = (
  core: LoadedCore,
  catalog: Catalog,
  host: HTMLElement,
  notices: Notices,
) => ModeHandle;

export interface ModeEntry {
  name: string;
  label: string;
  /** One line for the navigation's title. */
  title: string;
  start: StartMode;
}

export const MODE_KEY = 'mode';

export const MODES: readonly ModeEntry[] = [
  {
    name: 'playground',
    label: 'Playground',
    title: 'One network: drag α and watch its units',
    start: startPlayground,
  },
  {
    name: 'compare',
    label: 'Compare',
    title: 'Two to four activations side by side, from the same starting weights',
    start: startCompare,
  },
  {
    name: 'sweep',
    label: 'Sweep',
    title: 'A grid of α over many seeds: means with error bars, every run a dot',
    start: startSweep,
  },
];

/** The mode a hash names (the playground when it names none or one that does not exist). */
export function modeOf(hash: string): { entry: ModeEntry; unknown: string | null } {
  const name = new URLSearchParams(hash.replace(/^#/, '')).get(MODE_KEY);
  const entry = MODES.find((m) => m.name === name);
  return { entry: entry ?? MODES[0]!, unknown: name !== null && entry === undefined ? name : null };
}
