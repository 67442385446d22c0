// A read-only snapshot for browser tests: what the page last plotted, straight from the core.
import { weightsHash } from './run/param-hash';
import type { Evaluation, Layout } from './run/protocol';
import type { RunGrid } from './run/run-grid';
import type { RunSession, SessionEvents } from './run/session';
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
  /** The compare mode's runs, once they have started. */
  readonly compare?: CompareHook;
}

/** The compare mode's grid as drawn, read-only. */
export interface CompareHook {
  readonly playing: boolean;
  /** Frames are on their way (false: paused and settled). */
  readonly busy: boolean;
  /** Rounds drawn since the runs started. */
  readonly rounds: number;
  /** Each run's step in each of the last rounds (null: no frame from it), oldest first. */
  readonly roundSteps: readonly (readonly (number | null)[])[];
  readonly runs: readonly (RunHook & {
    /** weightsHash of the run's weights and biases at step 0. */
    readonly startHash: string | null;
  })[];
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
  /** Runs started so far (a new run of the same settings looks the same otherwise). */
  readonly starts: number;
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

/** Replaces the compare part of the snapshot (a mode without the activation plot). */
function publishCompare(compare: CompareHook, variant: Variant): void {
  const base = current ?? {
    variant,
    ready: false,
    kind: '',
    alpha: 0,
    lower: 0,
    upper: 0,
    evaluations: 0,
    z: [],
    f: [],
    df: [],
    problems: [],
  };
  current = Object.freeze({ ...base, compare: Object.freeze(compare) });
}

/** What a run's watcher listens to: a session's events, or one run's of a grid. */
interface RunEvents {
  on<K extends keyof SessionEvents>(type: K, handler: (payload: SessionEvents[K]) => void): void;
}

/**
 * Keeps the run part of the snapshot in step with a session, by listening to its events: the
 * hook is one more subscriber, never the page's event bus.
 */
export function watchRun(session: RunSession, variant: Variant): void {
  trackRun(session.events, variant, publishRun);
}

/** Keeps the compare part of the snapshot in step with a grid: every run, and the rounds. */
export function watchGrid(grid: RunGrid, variant: Variant): void {
  const runs: RunHook[] = [];
  const layouts: Layout[] = [];
  const hashes: (string | null)[] = [];
  let rounds = 0;
  let roundSteps: (number | null)[][] = [];
  const show = (): void =>
    publishCompare(
      {
        playing: grid.playing,
        busy: grid.busy,
        rounds,
        roundSteps,
        runs: runs.slice(0, grid.size).map((r, i) => ({ ...r, startHash: hashes[i] ?? null })),
      },
      variant,
    );
  const track = (index: number): void => {
    if (runs[index] !== undefined) return;
    const events: RunEvents = {
      on: (type, handler) =>
        grid.events.on(type, (e) => {
          // The grid's events are its sessions' events, each with the run's index.
          if ((e as { index: number }).index === index) handler(e as SessionEvents[typeof type]);
        }),
    };
    trackRun(events, variant, (hook) => {
      runs[index] = hook;
      show();
    });
  };
  grid.events.on('status', (e) => {
    track(e.index);
    if (e.status !== 'starting') return;
    hashes[e.index] = null;
    rounds = 0;
    roundSteps = [];
  });
  grid.events.on('ready', (e) => (layouts[e.index] = e.layout));
  grid.events.on('round', ({ frames }) => {
    rounds += 1;
    roundSteps = [...roundSteps, frames.map((f) => f?.step ?? null)].slice(-HISTORY);
    frames.forEach((f, i) => {
      const layout = layouts[i];
      if (f !== null && f.step === 0 && layout !== undefined)
        hashes[i] ??= weightsHash(layout, f.params);
    });
    show();
  });
}

function trackRun(events: RunEvents, variant: Variant, publish: (hook: RunHook) => void): void {
  let hook: RunHook = {
    variant,
    status: 'starting',
    step: 0,
    playing: false,
    config: '',
    frames: 0,
    starts: 0,
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
    publish(hook);
  };
  events.on('status', (e) => {
    if (e.status === 'starting')
      set({
        status: 'starting',
        step: 0,
        frames: 0,
        starts: hook.starts + 1,
        evaluation: null,
        divergedAt: null,
        problems: [],
        live: [],
        playing: e.playing,
      });
    else if (e.status !== 'idle') set({ status: e.status, playing: e.playing });
  });
  events.on('ready', (e) => set({ config: e.config }));
  events.on('frame', (f) => {
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
  events.on('diverged', (e) => set({ status: 'diverged', divergedAt: e.step, playing: false }));
  events.on('problems', (e) =>
    set({
      status: 'rejected',
      problems: e.problems.map((p) => `${p.field} = ${p.value}: ${p.message}`),
    }),
  );
  events.on('fatal', (e) => set({ status: 'failed', problems: [e.message] }));
  events.on('setResult', (e) => {
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
