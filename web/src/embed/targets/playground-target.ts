// The playground as an embed drives it: its store and its one run session.
import type { RunSession } from '../../run/session';
import type { Settings } from '../../state/settings';
import type { Store } from '../../state/store';
import { readPatch, storeParts, type EmbedTarget } from '../embed-target';

export function playgroundTarget(store: Store, session: RunSession): EmbedTarget {
  return {
    ...storeParts(store),
    set(patch) {
      const read = readPatch(store.props, store.settings, patch);
      if ('error' in read) return read.error;
      const { kind, alpha, lr, ...rest } = read.fields;
      // alpha and lr alone apply live to the running network; with anything else, a new run.
      if (kind === undefined && Object.keys(rest).length === 0) {
        if (alpha !== undefined) store.setAlpha(alpha);
        if (lr !== undefined) store.setLearningRate(lr);
        return null;
      }
      if (kind !== undefined) store.setKind(kind);
      const others: Partial<Settings> = { ...rest };
      if (alpha !== undefined) others.alpha = alpha;
      if (lr !== undefined) others.lr = lr;
      if (Object.keys(others).length > 0) store.set(others);
      return null;
    },
    status: () => session.status,
    playing: () => session.playing,
    shownStep: () => session.currentStep,
    onStatus: (f) => session.events.on('status', () => f()),
    onReady: (f) => session.events.on('ready', () => f()),
    onFrame: (f) =>
      session.events.on('frame', (frame) =>
        f({
          step: frame.step,
          playing: frame.playing,
          evaluations: [frame.evaluations[frame.evaluations.length - 1]],
        }),
      ),
  };
}
