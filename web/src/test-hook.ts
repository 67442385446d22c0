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

export function publish(snapshot: Omit<LeakyLabHook, 'evaluations'>, evaluated: boolean): void {
  const evaluations = (current?.evaluations ?? 0) + (evaluated ? 1 : 0);
  current = Object.freeze({
    ...snapshot,
    evaluations,
    z: Object.freeze([...snapshot.z]),
    f: Object.freeze([...snapshot.f]),
    df: Object.freeze([...snapshot.df]),
    problems: Object.freeze([...snapshot.problems]),
  });
}
