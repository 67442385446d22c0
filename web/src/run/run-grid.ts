// A grid of runs in lockstep: two to four run sessions (one worker each) that start together,
// are drawn together and advance together. A worker sends one frame, then waits for its 'ack';
// the grid acknowledges only when every running run has sent its frame, and draws them all in
// one round. Commands (play, pause, step, speed, live changes) wait for that boundary too and
// go to every run before the acks, so every run takes them at the same step: every round shows
// every run at the same step. No DOM (the page passes requestAnimationFrame).
import { Emitter } from './emitter';
import type { Frame, Pacing, StartRun } from './protocol';
import { RunSession, type SessionEvents, type WorkerLike } from './session';

export interface GridOptions {
  createWorker: () => WorkerLike;
  /** Calls `draw` before the next screen frame (the page: requestAnimationFrame). */
  nextFrame?: (draw: () => void) => void;
}

type Indexed<K extends keyof SessionEvents> = SessionEvents[K] & { index: number };

export interface GridEvents extends Record<string, unknown> {
  /** One round: each run's new frame, or null (a run that stopped or sent none), by index. */
  round: { frames: (Frame | null)[] };
  /** Each frame of a round again, after the round (for listeners that follow one run). */
  frame: Indexed<'frame'>;
  ready: Indexed<'ready'>;
  setResult: Indexed<'setResult'>;
  problems: Indexed<'problems'>;
  diverged: Indexed<'diverged'>;
  fatal: Indexed<'fatal'>;
  status: Indexed<'status'>;
}

type LiveField = 'alpha' | 'lr';

type Command =
  | { kind: 'play' }
  | { kind: 'pause' }
  | { kind: 'step'; steps: number }
  | { kind: 'pacing'; pacing: Pacing }
  /** A live change for one run (index) or every run (null). */
  | { kind: 'set'; index: number | null; field: LiveField; value: number };

const FORWARDED = ['ready', 'setResult', 'problems', 'diverged', 'fatal', 'status'] as const;

export class RunGrid {
  readonly events = new Emitter<GridEvents>();
  private sessions: RunSession[] = [];
  private offs: (() => void)[] = [];
  /** Each run's frame since the last round. */
  private pending: (SessionEvents['frame'] | null)[] = [];
  /** Runs whose frame the next round waits for. */
  private readonly awaiting = new Set<number>();
  /**
   * Runs whose last frame is not acknowledged yet. Only they get an ack: a worker acked twice
   * could send two frames in one round and get a frame ahead.
   */
  private readonly unacked = new Set<number>();
  /** What each worker does after the next ack: play on, or stay paused. */
  private workerPlaying: boolean[] = [];
  private queue: Command[] = [];
  private wantPlaying = false;
  private drawScheduled = false;
  /** Bumped by every start: a round scheduled for earlier runs is dropped. */
  private generation = 0;
  private readonly nextFrame: (draw: () => void) => void;

  constructor(private readonly options: GridOptions) {
    this.nextFrame = options.nextFrame ?? ((draw) => requestAnimationFrame(() => draw()));
  }

  get size(): number {
    return this.sessions.length;
  }

  get playing(): boolean {
    return this.wantPlaying;
  }

  /** Frames are on their way (or a round waits to be drawn): not idle. */
  get busy(): boolean {
    return this.awaiting.size > 0 || this.drawScheduled;
  }

  /** Run `index`'s session (for its status and step). */
  session(index: number): RunSession | undefined {
    return this.sessions[index];
  }

  /** The step of each run's last frame. */
  steps(): number[] {
    return this.sessions.map((s) => s.currentStep);
  }

  /** Fresh runs, one per entry (workers are kept where there were as many runs before). */
  start(runs: readonly StartRun[]): void {
    this.generation += 1;
    while (this.sessions.length > runs.length) {
      this.sessions.pop()?.dispose();
      this.offs.pop()?.();
    }
    while (this.sessions.length < runs.length) this.addSession(this.sessions.length);
    this.pending = runs.map(() => null);
    this.queue = [];
    this.awaiting.clear();
    this.unacked.clear();
    this.drawScheduled = false;
    // Every run starts paused, so the first round shows the starting weights; then it plays.
    this.wantPlaying = runs[0]?.playing ?? false;
    this.workerPlaying = runs.map(() => false);
    if (this.wantPlaying) this.queue.push({ kind: 'play' });
    runs.forEach((run, i) => {
      this.awaiting.add(i);
      this.sessions[i]!.start({ ...run, playing: false });
    });
  }

  play(): void {
    this.wantPlaying = true;
    this.command({ kind: 'play' });
  }

  pause(): void {
    this.wantPlaying = false;
    this.command({ kind: 'pause' });
  }

  /** Every run advances `steps` steps, then the grid is paused. */
  step(steps: number): void {
    this.wantPlaying = false;
    this.command({ kind: 'step', steps });
  }

  setPacing(pacing: Pacing): void {
    this.command({ kind: 'pacing', pacing });
  }

  /** A live change (keeping the weights) of run `index`, or of every run when null. */
  set(index: number | null, field: LiveField, value: number): void {
    this.command({ kind: 'set', index, field, value });
  }

  dispose(): void {
    this.generation += 1;
    for (const off of this.offs) off();
    for (const s of this.sessions) s.dispose();
    this.offs = [];
    this.sessions = [];
    this.awaiting.clear();
    this.unacked.clear();
    this.events.clear();
  }

  private addSession(index: number): void {
    const session = new RunSession({ createWorker: this.options.createWorker });
    const offs = FORWARDED.map((type) =>
      session.events.on(type, (e: object) =>
        this.events.emit(type, { ...e, index } as GridEvents[typeof type]),
      ),
    );
    offs.push(session.events.on('frame', (f) => this.take(index, f)));
    for (const type of ['problems', 'diverged', 'fatal'] as const)
      offs.push(session.events.on(type, () => this.stopped(index)));
    this.sessions.push(session);
    this.offs.push(() => offs.forEach((off) => off()));
  }

  private take(index: number, frame: SessionEvents['frame']): void {
    const before = this.pending[index];
    // Evaluations are points on the charts: none is dropped, even from an unexpected frame.
    this.pending[index] =
      before === null || before === undefined
        ? frame
        : { ...frame, evaluations: [...before.evaluations, ...frame.evaluations] };
    this.awaiting.delete(index);
    this.unacked.add(index);
    if (this.awaiting.size === 0) this.scheduleRound();
  }

  /** A run that will send no more frames (refused, diverged, failed) is waited for no more. */
  private stopped(index: number): void {
    this.awaiting.delete(index);
    if (this.awaiting.size > 0) return;
    if (this.pending.some((f) => f !== null)) this.scheduleRound();
    else if (!this.drawScheduled) this.boundary();
  }

  private scheduleRound(): void {
    if (this.drawScheduled) return;
    this.drawScheduled = true;
    const generation = this.generation;
    this.nextFrame(() => {
      if (generation !== this.generation) return;
      this.drawScheduled = false;
      const frames = this.pending;
      this.pending = this.sessions.map(() => null);
      // The acks first: the workers compute the next frames while this round is drawn.
      this.boundary();
      this.events.emit('round', { frames });
      frames.forEach((f, index) => f !== null && this.events.emit('frame', { ...f, index }));
    });
  }

  private command(c: Command): void {
    this.queue.push(c);
    // Idle (every run paused, nothing on its way): the commands go now.
    if (this.awaiting.size === 0 && !this.drawScheduled) this.boundary();
  }

  /**
   * Between rounds: every run has sent its frame (or stopped) and waits. The queued commands
   * go to every running run, then the acks; the runs that will send a frame are awaited.
   */
  private boundary(): void {
    const owes = this.sessions.map(() => false);
    for (const c of this.queue.splice(0)) {
      this.sessions.forEach((s, i) => {
        if (!s.live) return;
        switch (c.kind) {
          case 'play':
            s.play();
            this.workerPlaying[i] = true;
            break;
          case 'pause':
            s.pause();
            this.workerPlaying[i] = false;
            owes[i] = true;
            break;
          case 'step':
            s.step(c.steps);
            this.workerPlaying[i] = false;
            owes[i] = true;
            break;
          case 'pacing':
            s.setPacing(c.pacing);
            break;
          case 'set':
            if (c.index !== null && c.index !== i) return;
            s.set(c.field, c.value);
            // A paused worker answers a live change with a frame; a playing one sends anyway.
            if (!this.workerPlaying[i]) owes[i] = true;
            break;
        }
      });
    }
    this.sessions.forEach((s, i) => {
      if (!s.live) return;
      if (this.unacked.delete(i)) s.ack();
      if (this.workerPlaying[i] === true || owes[i]) this.awaiting.add(i);
    });
  }
}
