// The compare mode as an embed drives it: its store and its grid of runs. The state's step is
// the furthest run's; statistics are run 1's, with every run's in `runs`.
import type { CompareStore } from '../../modes/compare/compare-store';
import { runText, type RunSpec } from '../../modes/compare/runs';
import type { RunGrid } from '../../run/run-grid';
import type { SessionStatus } from '../../run/session';
import { readPatch, settingTexts, storeParts, type EmbedTarget } from '../embed-target';
import type { ApiExample } from '../snippet';

/**
 * The Embed dialog's API example for a comparison of `runs`: the same runs with the first α
 * changed, which the embed applies live, and each run's dead fraction.
 */
export function compareApiExample(runs: readonly RunSpec[]): ApiExample {
  const i = runs.findIndex((r) => r.alpha !== null);
  const changed = runs.map((r, j) => (j === i ? { ...r, alpha: r.alpha === 0.3 ? 0.1 : 0.3 } : r));
  return {
    set: `{ runs: '${changed.map(runText).join(',')}' }`,
    log: 'e.detail.runs?.map((r) => r?.deadFraction)',
  };
}

/** 'running' while any run runs; else the first run's status. */
function gridStatus(grid: RunGrid): SessionStatus {
  const all = Array.from({ length: grid.size }, (_, i) => grid.session(i)?.status ?? 'idle');
  return all.includes('running') ? 'running' : (all[0] ?? 'idle');
}

export function compareTarget(store: CompareStore, grid: RunGrid): EmbedTarget {
  return {
    ...storeParts(store),
    set(patch) {
      const read = readPatch(store.props, store.settings, patch);
      if ('error' in read) return read.error;
      const { runs, lr, ...rest } = read.fields;
      const now = store.settings.runs;
      // Only α of the same runs (and the learning rate): live, each run keeps its weights.
      const onlyAlphas =
        Object.keys(rest).length === 0 &&
        (runs === undefined ||
          (runs.length === now.length && runs.every((r, i) => r.kind === now[i]?.kind)));
      if (runs !== undefined && !onlyAlphas) {
        // Other runs: a new comparison, as a link of the current settings with the patch.
        const texts = { ...settingTexts(store.props, store.settings), ...patch };
        store.load(new URLSearchParams(texts).toString());
        return null;
      }
      if (!onlyAlphas) {
        store.set(read.fields);
        return null;
      }
      runs?.forEach((r, i) => {
        if (r.alpha !== null && r.alpha !== now[i]?.alpha) store.setRunAlpha(i, r.alpha);
      });
      if (lr !== undefined) store.set({ lr });
      return null;
    },
    status: () => gridStatus(grid),
    playing: () => grid.playing,
    shownStep: () => Math.max(0, ...grid.steps()),
    onStatus: (f) => grid.events.on('status', () => f()),
    onReady: (f) => grid.events.on('ready', () => f()),
    onFrame: (f) =>
      grid.events.on('round', ({ frames }) =>
        f({
          step: Math.max(0, ...frames.map((x) => x?.step ?? 0)),
          playing: grid.playing,
          evaluations: frames.map((x) => x?.evaluations[x.evaluations.length - 1]),
        }),
      ),
  };
}
