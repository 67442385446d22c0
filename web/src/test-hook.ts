// A read-only snapshot for browser tests: what the page last plotted, straight from the core.
import type { Variant } from './wasm/choose-variant';

export interface LeakyLabHook {
  readonly variant: Variant;
  readonly ready: boolean;
  readonly kind: string;
  readonly alpha: number;
  readonly lower: number;
  readonly upper: number;
  /** Number of successful evaluations so far. */
  readonly evaluations: number;
  readonly z: readonly number[];
  readonly f: readonly number[];
  readonly df: readonly number[];
  /** Problems the core reported for the last request ([] when it succeeded). */
  readonly problems: readonly string[];
  /** The training run, once one has started. */
  readonly run?: RunHook;
}

/** What the run shows now (the last frame drawn), read-only. */
export interface RunHook {
  /** The build the run's worker uses. */
  readonly variant: Variant;
  /** 'starting', 'running' (a run exists), 'rejected' (config problems), 'diverged', 'failed'. */
  readonly status: 'starting' | 'running' | 'rejected' | 'diverged' | 'failed';
  readonly step: number;
  readonly playing: boolean;
  /** The config as the core understood it (JSON), for reproducing the run elsewhere. */
  readonly config: string;
  /** Frames drawn since this run started. */
  readonly frames: number;
  /** Summary of the last evaluation drawn (null before the first frame). */
  readonly evaluation: {
    readonly step: number;
    readonly trainLoss: number;
    readonly testLoss: number;
    readonly testAccuracy: number | null;
    /** Per hidden layer. */
    readonly dead: readonly number[];
    readonly dormant: readonly number[];
  } | null;
  readonly divergedAt: number | null;
  readonly problems: readonly string[];
}

declare global {
  interface Window {
    readonly __leakyLab?: LeakyLabHook;
  }
}

let current: LeakyLabHook | undefined;

/** Defines `window.__leakyLab` once, as a getter (not writable by page scripts). */
export function installTestHook(): void {
  Object.defineProperty(window, '__leakyLab', {
    get: () => current,
    configurable: false,
    enumerable: false,
  });
}

export function publish(
  snapshot: Omit<LeakyLabHook, 'evaluations' | 'run'>,
  evaluated: boolean,
): void {
  const evaluations = (current?.evaluations ?? 0) + (evaluated ? 1 : 0);
  const run = current?.run;
  current = Object.freeze({
    ...snapshot,
    ...(run === undefined ? {} : { run }),
    evaluations,
    z: Object.freeze([...snapshot.z]),
    f: Object.freeze([...snapshot.f]),
    df: Object.freeze([...snapshot.df]),
    problems: Object.freeze([...snapshot.problems]),
  });
}

/** Replaces the run part of the snapshot (after the activation plot has published once). */
export function publishRun(run: RunHook): void {
  if (current === undefined) return;
  current = Object.freeze({ ...current, run: Object.freeze(run) });
}
