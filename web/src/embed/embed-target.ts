// What an embed drives, whichever mode runs: the mode's commands, its settings as link texts,
// and what its runs show. The postMessage API (api-server.ts) and the embed's on-screen rules
// (embed-mode.ts) use only this; each mode that can be driven makes one (embed/targets/).
import type { Evaluation } from '../run/protocol';
import type { SessionStatus } from '../run/session';
import { closestKey } from '../state/link';
import type { Property } from '../state/properties';

/** One shown frame: its step, whether training runs, each run's newest evaluation (if any). */
export interface TargetFrame {
  step: number;
  playing: boolean;
  evaluations: readonly (Evaluation | undefined)[];
}

export interface EmbedTarget {
  /** The settings' link keys, in the table's order (the keys `set` takes). */
  readonly keys: readonly string[];
  /** Every setting that applies, as the link writes it. */
  settings(): Record<string, string>;
  /** The link (hash without '#') that reproduces the run(s). */
  link(): string;
  /** What the page wants: training on (Play) or off. */
  wantsPlay(): boolean;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** Sets settings from link texts, all or nothing: an error in words, or null once applied. */
  set(patch: Readonly<Record<string, string>>): string | null;
  /** The store's events: any of them may change the state; 'play' is the reader's start. */
  subscribe(listener: (event: { type: string }) => void): () => void;
  /** The run(s): 'running' while any runs, whether training runs, the step shown. */
  status(): SessionStatus;
  playing(): boolean;
  shownStep(): number;
  onStatus(f: () => void): () => void;
  /** A new run is ready (for its first frame). */
  onReady(f: () => void): () => void;
  onFrame(f: (frame: TargetFrame) => void): () => void;
}

/** What every mode's store gives (state/command-store.ts and a link of its rows). */
export interface LinkStore<S> {
  readonly props: readonly Property<S>[];
  readonly settings: Readonly<S>;
  readonly playing: boolean;
  link(): string;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  subscribe(listener: (event: { type: string }) => void): () => void;
}

/** The parts of a target that are the store's alone. */
export function storeParts<S>(
  store: LinkStore<S>,
): Pick<
  EmbedTarget,
  'keys' | 'settings' | 'link' | 'wantsPlay' | 'play' | 'pause' | 'step' | 'reset' | 'subscribe'
> {
  return {
    keys: store.props.map((p) => p.key),
    settings: () => settingTexts(store.props, store.settings),
    link: () => store.link(),
    wantsPlay: () => store.playing,
    play: () => store.play(),
    pause: () => store.pause(),
    step: () => store.step(),
    reset: () => store.reset(),
    subscribe: (listener) => store.subscribe(listener),
  };
}

/**
 * Checks link texts against a mode's rows, in the table's order (a value may depend on those
 * before it, as alpha on the kind): every value or an error naming the first bad one.
 */
export function readPatch<S extends object>(
  props: readonly Property<S>[],
  current: Readonly<S>,
  patch: Readonly<Record<string, string>>,
): { fields: Partial<S> } | { error: string } {
  const keys = props.map((p) => p.key);
  for (const key of Object.keys(patch))
    if (!keys.includes(key))
      return {
        error: `“${key}” is not a setting (did you mean “${closestKey(key, keys)}”?); nothing was changed`,
      };
  const trial = { ...current } as S;
  const fields: Partial<S> = {};
  for (const p of props) {
    const text = patch[p.key];
    if (text === undefined) continue;
    const r = p.read(text, trial);
    if (r.kind !== 'ok')
      return {
        error: `${p.key} must be ${p.allowed(trial)}, not ${text.slice(0, 40)}; nothing was changed`,
      };
    (trial as Record<string, unknown>)[p.field] = r.value;
    (fields as Record<string, unknown>)[p.field] = r.value;
  }
  return { fields };
}

/** Every setting of `settings` that applies, by its link key. */
export function settingTexts<S>(
  props: readonly Property<S>[],
  settings: S,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of props) {
    const text = p.write(settings);
    if (text !== null) out[p.key] = text;
  }
  return out;
}
