// A run session: one worker, one run at a time, its life cycle and pacing, and typed events.
// No DOM: the playground, a compare grid, a sweep pool, a guided page and the embed API all
// drive runs through it. Every message carries the run's id, so nothing from an ended run is
// ever taken for the current one.
import { Emitter } from './emitter';
import type {
  DataPoints,
  Frame,
  FromWorker,
  Layout,
  Pacing,
  Problem,
  RunExport,
  RunImports,
  StartRun,
  ToWorker,
} from './protocol';

/** What a session needs of a Web Worker (a fake one in tests). */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: ToWorker): void;
  terminate(): void;
}

export type SessionStatus = 'idle' | 'starting' | 'running' | 'rejected' | 'diverged' | 'failed';

export interface SessionEvents extends Record<string, unknown> {
  ready: { runId: number; layout: Layout; data: DataPoints; config: string };
  frame: { runId: number } & Frame;
  problems: { runId: number; problems: Problem[] };
  diverged: { runId: number; step: number; cause: string; advice: string };
  setResult: {
    runId: number;
    field: 'alpha' | 'lr';
    value: number;
    step: number;
    problems: Problem[];
  };
  fatal: { runId: number; message: string };
  status: { runId: number; status: SessionStatus; playing: boolean };
}

export interface SessionOptions {
  createWorker: () => WorkerLike;
  /**
   * False (default): the owner calls ack() when it has drawn a frame, so the worker never runs
   * ahead of the screen (and a compare grid acks every run only when all have their frame,
   * which keeps them in lockstep). True: frames are acknowledged as soon as the listeners have
   * taken them (headless owners).
   */
  autoAck?: boolean;
}

/** A worker that has not closed itself this long after 'dispose' is terminated. */
const DISPOSE_GRACE_MS = 1000;

let nextRunId = 1;

export class RunSession {
  readonly events = new Emitter<SessionEvents>();
  private worker: WorkerLike | null = null;
  private id = 0;
  private state: SessionStatus = 'idle';
  private isPlaying = false;
  private lastStep = 0;
  private files: RunImports = {};
  private nextRequest = 1;
  private readonly exports = new Map<number, (run: RunExport | null) => void>();

  constructor(private readonly options: SessionOptions) {}

  get runId(): number {
    return this.id;
  }
  get status(): SessionStatus {
    return this.state;
  }
  get playing(): boolean {
    return this.isPlaying;
  }
  /** The step of the last frame. */
  get currentStep(): number {
    return this.lastStep;
  }
  /**
   * The run exists (or is starting: the worker takes messages in order) and takes play, step
   * and live changes.
   */
  get live(): boolean {
    return this.state === 'running' || this.state === 'starting';
  }

  /** Files that every following run uses (until set again); the next start() runs on them. */
  get imports(): Readonly<RunImports> {
    return this.files;
  }
  setImports(imports: RunImports): void {
    this.files = { ...imports };
  }

  /** A fresh run (the worker is kept; the core deletes the previous run's objects). */
  start(run: StartRun): number {
    const worker = this.ensureWorker();
    this.id = nextRunId++;
    this.isPlaying = run.playing;
    this.lastStep = 0;
    this.setStatus('starting');
    worker.postMessage({ runId: this.id, type: 'start', imports: this.files, ...run });
    return this.id;
  }

  /** The run as it is now (null when no run exists), for exports. */
  exportRun(): Promise<RunExport | null> {
    if (this.id === 0 || this.worker === null) return Promise.resolve(null);
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.exports.set(requestId, resolve);
      this.send({ type: 'export', requestId });
    });
  }

  play(): void {
    if (!this.live) return;
    this.isPlaying = true;
    this.send({ type: 'play' });
    this.setStatus(this.state);
  }

  pause(): void {
    this.isPlaying = false;
    this.send({ type: 'pause' });
    this.setStatus(this.state);
  }

  step(steps: number): void {
    if (!this.live) return;
    this.isPlaying = false;
    this.send({ type: 'step', steps });
    this.setStatus(this.state);
  }

  set(field: 'alpha' | 'lr', value: number): void {
    this.send({ type: 'set', field, value });
  }

  setPacing(pacing: Pacing): void {
    this.send({ type: 'pacing', pacing });
  }

  /** Lets the worker send its next frame (only needed with autoAck false). */
  ack(): void {
    this.send({ type: 'ack' });
  }

  /** Ends the run and the worker: the worker deletes the core's objects and closes itself. */
  dispose(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) {
      worker.postMessage({ runId: this.id, type: 'dispose' });
      setTimeout(() => worker.terminate(), DISPOSE_GRACE_MS);
    }
    this.id = 0;
    this.isPlaying = false;
    this.setStatus('idle');
    this.events.clear();
    this.endExports();
  }

  private endExports(): void {
    for (const resolve of this.exports.values()) resolve(null);
    this.exports.clear();
  }

  private ensureWorker(): WorkerLike {
    if (this.worker !== null) return this.worker;
    const worker = this.options.createWorker();
    worker.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.fail(e.message || 'the run’s worker failed');
    };
    this.worker = worker;
    return worker;
  }

  private send(
    msg: ToWorker extends infer T ? (T extends unknown ? Omit<T, 'runId'> : never) : never,
  ): void {
    if (this.id === 0) return;
    this.worker?.postMessage({ ...msg, runId: this.id } as ToWorker);
  }

  private receive(msg: FromWorker): void {
    if (msg.runId !== this.id) return;
    switch (msg.type) {
      case 'ready':
        this.setStatus('running');
        this.events.emit('ready', msg);
        break;
      case 'frame':
        this.lastStep = msg.step;
        this.events.emit('frame', msg);
        if (this.options.autoAck === true) this.ack();
        break;
      case 'problems':
        this.isPlaying = false;
        this.setStatus('rejected');
        this.events.emit('problems', msg);
        break;
      case 'diverged':
        this.isPlaying = false;
        this.setStatus('diverged');
        this.events.emit('diverged', msg);
        break;
      case 'set-result':
        this.events.emit('setResult', msg);
        break;
      case 'fatal':
        this.fail(msg.message);
        break;
      case 'export':
        this.exports.get(msg.requestId)?.(msg.run);
        this.exports.delete(msg.requestId);
        break;
    }
  }

  private fail(message: string): void {
    this.isPlaying = false;
    // The worker may be broken: the next start gets a new one.
    this.worker?.terminate();
    this.worker = null;
    this.endExports();
    this.setStatus('failed');
    this.events.emit('fatal', { runId: this.id, message });
  }

  private setStatus(status: SessionStatus): void {
    this.state = status;
    this.events.emit('status', { runId: this.id, status, playing: this.isPlaying });
  }
}
