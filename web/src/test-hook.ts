// A read-only snapshot for browser tests: what the page last plotted, straight from the core.
import type { Evaluation } from './run/protocol';
import type { RunSession } from './run/session';
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
  /** The session's id of the run shown (a new run, a new id). */
  readonly runId: number;
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
    readonly inactive: readonly number[];
    /** Revival events so far, every hidden unit. */
    readonly revivals: number;
  } | null;
  readonly divergedAt: number | null;
  readonly problems: readonly string[];
  /** The engine's training steps per second of compute (0 while paused). */
  readonly throughput: number;
  /** Where the worker's time went over the last window (ms). */
  readonly time: { compute: number; evaluation: number; frame: number; wall: number };
  /** Live changes the run applied, with their steps. */
  readonly live: readonly { step: number; field: string; value: number }[];
  /** [step, train loss] of the latest evaluations (at most HISTORY of them). */
  readonly losses: readonly (readonly [number, number])[];
}

const HISTORY = 400;

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

/**
 * Keeps the run part of the snapshot in step with a session, by listening to its events: the
 * hook is one more subscriber, never the page's event bus.
 */
export function watchRun(session: RunSession, variant: Variant): void {
  let hook: RunHook = {
    variant,
    runId: 0,
    status: 'starting',
    step: 0,
    playing: false,
    config: '',
    frames: 0,
    evaluation: null,
    divergedAt: null,
    problems: [],
    throughput: 0,
    time: { compute: 0, evaluation: 0, frame: 0, wall: 0 },
    live: [],
    losses: [],
  };
  const set = (patch: Partial<RunHook>): void => {
    hook = { ...hook, ...patch };
    publishRun(hook);
  };
  session.events.on('status', (e) => {
    if (e.status === 'starting')
      set({
        runId: e.runId,
        status: 'starting',
        step: 0,
        frames: 0,
        evaluation: null,
        divergedAt: null,
        problems: [],
        live: [],
        playing: e.playing,
      });
    else if (e.status !== 'idle') set({ status: e.status, playing: e.playing });
  });
  session.events.on('ready', (e) => set({ config: e.config }));
  session.events.on('frame', (f) => {
    const last = f.evaluations[f.evaluations.length - 1];
    const losses = [...hook.losses, ...f.evaluations.map((e) => [e.step, e.train_loss] as const)];
    set({
      step: f.step,
      playing: f.playing,
      frames: hook.frames + 1,
      losses: losses.slice(-HISTORY),
      throughput: f.throughput.stepsPerSecond,
      time: {
        compute: f.throughput.computeMs,
        evaluation: f.throughput.evaluationMs,
        frame: f.throughput.frameMs,
        wall: f.throughput.wallMs,
      },
      ...(last === undefined ? {} : { evaluation: summary(last) }),
    });
  });
  session.events.on('diverged', (e) =>
    set({ status: 'diverged', divergedAt: e.step, playing: false }),
  );
  session.events.on('problems', (e) =>
    set({
      status: 'rejected',
      problems: e.problems.map((p) => `${p.field} = ${p.value}: ${p.message}`),
    }),
  );
  session.events.on('fatal', (e) => set({ status: 'failed', problems: [e.message] }));
  session.events.on('setResult', (e) => {
    if (e.problems.length === 0)
      set({ live: [...hook.live, { step: e.step, field: e.field, value: e.value }] });
  });
}

function summary(ev: Evaluation): NonNullable<RunHook['evaluation']> {
  return {
    step: ev.step,
    trainLoss: ev.train_loss,
    testLoss: ev.test_loss,
    testAccuracy: ev.test_accuracy ?? null,
    dead: ev.layers.map((l) => l.dead),
    dormant: ev.layers.map((l) => l.dormant),
    inactive: ev.layers.map((l) => l.inactive),
    revivals: ev.layers.reduce((a, l) => a + (l.revivals ?? []).reduce((x, y) => x + y, 0), 0),
  };
}
