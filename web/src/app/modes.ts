// The page's modes: each is a folder under modes/ with one start function; the shell knows
// them only through this table. The mode is the link's `mode` key (absent: the playground).
// Every mode but the playground is loaded when first asked for (a chunk of its own on the
// site; inline in the single file), so the first visit downloads only what it shows.
import type { Catalog } from '../wasm/catalog';
import type { LoadedCore } from '../wasm/load-core';
import type { Notices } from '../views/notices';
import type { EmbedTarget } from '../embed/embed-target';
import { playgroundTarget } from '../embed/targets/playground-target';
import type { RunSession } from '../run/session';
import { playgroundEmbed, type EmbedSource } from '../embed/embed-source';
import type { Store } from '../state/store';
import type { PartInfo } from './parts';
import { COMPARE_PARTS } from '../modes/compare/parts';
import { PLAYGROUND_PARTS } from '../modes/playground/parts';
import { startPlayground } from '../modes/playground/playground-mode';

/**
 * What the share tools work on: the Embed dialog, the mode's link; exports and imports, its
 * one run (absent in a mode of several runs).
 */
export interface ShareTarget {
  readonly embed: EmbedSource;
  readonly run?: { readonly store: Store; readonly session: RunSession };
}

/** What a mode gives back: the shell ends it before starting another. */
export interface ModeHandle {
  dispose(): void;
  /** What an embed's postMessage API drives; absent: an embed of the mode only hides parts. */
  readonly embed?: EmbedTarget;
  /** Absent: the Share menu is off in this mode. */
  readonly share?: ShareTarget;
}

/** How the shell starts a mode beyond the defaults (an embed). */
export interface ModeOptions {
  /** Do not train until asked (an embed that starts when scrolled into view or clicked). */
  startPaused?: boolean;
}

export type StartMode = (
  core: LoadedCore,
  catalog: Catalog,
  host: HTMLElement,
  notices: Notices,
  options?: ModeOptions,
) => ModeHandle;

export interface ModeEntry {
  name: string;
  label: string;
  /** One line for the navigation's title. */
  title: string;
  /** The mode's start function (loading its code the first time). */
  load: () => Promise<StartMode>;
  /** The parts an embed can hide or show alone (app/parts.ts). */
  parts: readonly PartInfo[];
}

export const MODE_KEY = 'mode';

export const MODES: readonly ModeEntry[] = [
  {
    name: 'playground',
    label: 'Playground',
    title: 'One network: drag α and watch its units',
    load: () =>
      Promise.resolve<StartMode>((...args) => {
        const p = startPlayground(...args);
        return {
          dispose: p.dispose,
          embed: playgroundTarget(p.store, p.session),
          share: { embed: playgroundEmbed(p.store), run: p },
        };
      }),
    parts: PLAYGROUND_PARTS,
  },
  {
    name: 'compare',
    label: 'Compare',
    title: 'Two to four activations side by side, from the same starting weights',
    load: () => import('./compare-start').then((m) => m.start),
    parts: COMPARE_PARTS,
  },
  {
    name: 'sweep',
    label: 'Sweep',
    title: 'A grid of α over many seeds: means with error bars, every run a dot',
    load: () => import('../modes/sweep/sweep-mode').then((m) => m.startSweep),
    // Settings, progress and results of one sweep: embedded whole, nothing to hide yet.
    parts: [],
  },
  {
    name: 'guide',
    label: 'Questions',
    title: 'Eight questions about α, each answered by an experiment you can rerun',
    load: () => import('../modes/guide/guide-mode').then((m) => m.startGuide),
    // A question page is one experiment with its text: embedded whole, nothing to hide.
    parts: [],
  },
];

/** The mode a hash names (the playground when it names none or one that does not exist). */
export function modeOf(hash: string): { entry: ModeEntry; unknown: string | null } {
  const name = new URLSearchParams(hash.replace(/^#/, '')).get(MODE_KEY);
  const entry = MODES.find((m) => m.name === name);
  return { entry: entry ?? MODES[0]!, unknown: name !== null && entry === undefined ? name : null };
}
