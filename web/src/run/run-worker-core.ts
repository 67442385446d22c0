// The body of a run's worker: one Trainer, driven by the page's messages (protocol.ts).
// While playing it advances by its pacing (a number of steps, or as many as fit in a compute
// budget), then posts one frame and waits for the page's 'ack' (sent after drawing), so frames
// never pile up. Statistics are evaluated every eval_every steps, exactly as the CLI does, so
// that revival counts mean the same thing in both; frames in between carry only the light
// data. Views are copied out and transferred.
import { withCsvOptions } from './csv-config';
import { parseProblems } from './parse-problems';
import { sentence, serveWhenReady } from './serve-when-ready';
import type {
  Evaluation,
  FromWorker,
  HeatmapSize,
  Pacing,
  RunImports,
  ScheduledChange,
  StartRun,
  Throughput,
  ToWorker,
  UnitMaps,
} from './protocol';
import type { TrainerFactory, TrainerHandle, TrainerModule } from './trainer-api';
import type { Variant } from '../wasm/choose-variant';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  close(): void;
}

/** Bounds on what a message may ask for (a hostile or buggy page must not hang the worker). */
export const WORKER_LIMITS = {
  stepsPerCall: 100_000,
  budgetMs: 200,
  grid: 256,
} as const;
/** How often the throughput figures are renewed (ms of wall time). */
const RATE_WINDOW_MS = 500;
/** Fast pacing calls the core in chunks of about this much compute (ms)... */
const CHUNK_MS = 1;
/** ...and, while the page draws, in slices this long between looks at the message queue. */
const FAST_SLICE_MS = 4;

/**
 * A macrotask soon. In a worker, through a MessageChannel: nested setTimeout(0) calls wait at
 * least 4 ms from the fifth on, which left fast pacing idle between its 4 ms slices about as
 * long as it trained. Elsewhere (the in-process worker of the Node tests) setTimeout, which
 * lets Node exit when nothing is left.
 */
const later: (task: () => void) => void = (() => {
  if (typeof MessageChannel === 'undefined' || !('WorkerGlobalScope' in globalThis))
    return (task) => void setTimeout(task, 0);
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
})();

type Distribute<T> = T extends unknown ? Omit<T, 'runId'> : never;
type Out = Distribute<FromWorker>;

export class Run {
  private trainer: TrainerHandle | null = null;
  private runId = 0;
  private playing = false;
  private pacing: Pacing = { kind: 'steps', steps: 10 };
  private heatmapSize: HeatmapSize = { width: 1, height: 1 };
  private unitMapSize: HeatmapSize | null = null;
  private unitMapHeight: number | null = null;
  private evalEvery = 100;
  private batchSize = 1;
  private schedule: ScheduledChange[] = [];
  private evaluations: Evaluation[] = [];
  /** The page has drawn the last frame (or none was sent yet). */
  private acked = true;
  /** A frame is owed (after a step or a set while paused) as soon as the page acks. */
  private frameOwed = false;
  private scheduled = false;
  private diverged = false;
  private fastChunk = 1;
  private window = { start: 0, steps: 0, computeMs: 0, evaluationMs: 0, frameMs: 0 };
  private throughput: Throughput = {
    stepsPerSecond: 0,
    samplesPerSecond: 0,
    computeMs: 0,
    evaluationMs: 0,
    frameMs: 0,
    wallMs: 0,
  };

  constructor(
    private readonly module: TrainerModule,
    private readonly variant: Variant,
    private readonly scope: WorkerScope,
  ) {}

  /**
   * One message. A trap in the core (an exception thrown out of wasm) leaves that instance
   * unusable: the run reports it as fatal and the page starts the next run in a new worker.
   */
  handle(msg: ToWorker): void {
    this.guarded(() => this.handleUnsafe(msg));
  }

  private guarded(work: () => void): void {
    try {
      work();
    } catch (err) {
      this.playing = false;
      this.trainer = null; // the instance may be corrupt: do not call into it again
      this.post({
        type: 'fatal',
        message: `the core stopped with an error (${err instanceof Error ? err.message : String(err)})`,
      });
    }
  }

  private handleUnsafe(msg: ToWorker): void {
    if (msg.type === 'start') {
      this.start(msg.runId, msg);
      return;
    }
    if (msg.runId !== this.runId) return; // a message for a run that has ended
    switch (msg.type) {
      case 'play':
        if (this.trainer === null || this.diverged) return;
        this.playing = true;
        this.resetWindow();
        this.schedule_();
        break;
      case 'pause':
        this.playing = false;
        this.frameOwed = true;
        this.schedule_();
        break;
      case 'step':
        if (this.trainer === null || this.diverged) return;
        this.playing = false;
        this.advance(clampInt(msg.steps, 0, WORKER_LIMITS.stepsPerCall));
        this.frameOwed = true;
        this.schedule_();
        break;
      case 'set':
        this.schedule = []; // a change of the user's own ends any replay of a link
        this.apply(msg.field, msg.value);
        if (!this.playing) {
          this.frameOwed = true;
          this.schedule_();
        }
        break;
      case 'pacing':
        this.pacing = clampPacing(msg.pacing);
        this.resetWindow();
        break;
      case 'ack':
        this.acked = true;
        this.schedule_();
        break;
      case 'dispose':
        this.dispose();
        this.scope.close();
        break;
      case 'export':
        this.sendExport(msg.requestId);
        break;
    }
  }

  /** The run as it is now, its buffers copied out and transferred. */
  private sendExport(requestId: number): void {
    const t = this.trainer;
    if (t === null) {
      this.post({ type: 'export', requestId, run: null });
      return;
    }
    const run = {
      step: t.stepCount(),
      config: t.config(),
      model: t.modelJson(),
      state: t.resumeState(),
      layout: JSON.parse(t.layout()),
      trainX: t.trainX().slice(),
      trainY: t.trainY().slice(),
      testX: t.testX().slice(),
      testY: t.testY().slice(),
    };
    this.post({ type: 'export', requestId, run }, [
      run.trainX.buffer,
      run.trainY.buffer,
      run.testX.buffer,
      run.testY.buffer,
    ]);
  }

  private start(runId: number, msg: StartRun): void {
    this.dispose();
    this.runId = runId;
    this.diverged = false;
    this.acked = true;
    this.evaluations = [];
    this.pacing = clampPacing(msg.pacing);
    this.heatmapSize = clampSize(msg.heatmap);
    this.unitMapSize = msg.unitMaps === null ? null : clampSize(msg.unitMaps);
    this.unitMapHeight = null;
    this.schedule = [...msg.schedule].sort((a, b) => a.step - b.step);
    const trainer = this.makeTrainer(msg.config, msg.imports);
    const problems = trainer.problems();
    if (problems !== '') {
      trainer.delete();
      this.post({ type: 'problems', problems: parseProblems(problems) });
      return;
    }
    this.trainer = trainer;
    const config = trainer.config();
    const training = (JSON.parse(config) as { training: Record<string, number> }).training;
    this.evalEvery = Math.max(1, training['eval_every'] ?? 100);
    this.batchSize = Math.max(1, training['batch_size'] ?? 1);
    // Fresh views after each call, copied out at once.
    // The raw inputs (base_inputs per row), whichever columns the network is fed.
    const data = {
      trainX: trainer.trainBase().slice(),
      trainY: trainer.trainY().slice(),
      testX: trainer.testBase().slice(),
      testY: trainer.testY().slice(),
    };
    const layout = JSON.parse(trainer.layout());
    this.post({ type: 'ready', variant: this.variant, layout, config, data }, [
      data.trainX.buffer,
      data.trainY.buffer,
      data.testX.buffer,
      data.testY.buffer,
    ]);
    this.applyDue();
    this.evaluateNow();
    this.playing = msg.playing;
    this.resetWindow();
    this.frameOwed = true;
    this.schedule_();
  }

  private makeTrainer(config: string, imports: RunImports | undefined): TrainerHandle {
    if (imports?.csv === undefined && imports?.model === undefined)
      return new this.module.Trainer(config);
    const csv = imports.csv;
    return new this.module.Trainer(
      csv === undefined ? config : withCsvOptions(config, csv.options),
      csv?.text ?? '',
      imports.model ?? '',
    );
  }

  private apply(field: 'alpha' | 'lr', value: number): void {
    const t = this.trainer;
    if (t === null) return;
    const answer = field === 'alpha' ? t.setAlpha(value) : t.setLearningRate(value);
    this.post({
      type: 'set-result',
      field,
      value,
      step: t.stepCount(),
      problems: parseProblems(answer),
    });
  }

  /** Applies the scheduled changes due at the current step. */
  private applyDue(): void {
    const t = this.trainer;
    while (t !== null && this.schedule.length > 0 && this.schedule[0]!.step <= t.stepCount()) {
      const c = this.schedule.shift()!;
      this.apply(c.field, c.value);
    }
  }

  /** Runs later (a macrotask), so messages such as 'pause' get in between frames. */
  private schedule_(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    later(() => {
      this.scheduled = false;
      this.guarded(() => this.tick());
    });
  }

  private tick(): void {
    if (this.trainer === null) return;
    const fast = this.playing && !this.diverged && this.pacing.kind === 'fast';
    if (!this.acked) {
      // Fast pacing keeps training while the page draws the last frame (the next frame then
      // carries everything since); fixed steps per frame wait for the page.
      if (fast) {
        this.advanceFor(
          Math.min(FAST_SLICE_MS, this.pacing.kind === 'fast' ? this.pacing.budgetMs : 0),
        );
        this.schedule_();
      }
      return;
    }
    if (this.playing && !this.diverged) {
      if (this.pacing.kind === 'steps') this.advance(this.pacing.steps);
      else this.advanceFor(this.pacing.budgetMs);
      this.frameOwed = true;
    }
    if (this.frameOwed) this.sendFrame();
    if (fast) this.schedule_();
  }

  /** Fast pacing: steps in chunks of about CHUNK_MS of compute until the budget is used. */
  private advanceFor(budgetMs: number): void {
    const end = performance.now() + budgetMs;
    while (!this.diverged && performance.now() < end) {
      const t0 = performance.now();
      this.advance(this.fastChunk);
      const dt = performance.now() - t0;
      const perStep = dt / this.fastChunk;
      this.fastChunk = clampInt(
        perStep > 0 ? CHUNK_MS / perStep : this.fastChunk * 2,
        1,
        WORKER_LIMITS.stepsPerCall,
      );
    }
  }

  /** Runs `steps` steps, stopping at every evaluation step and scheduled change on the way. */
  private advance(steps: number): void {
    const t = this.trainer;
    let left = steps;
    while (t !== null && left > 0 && !this.diverged) {
      const at = t.stepCount();
      const nextEval = (Math.floor(at / this.evalEvery) + 1) * this.evalEvery;
      const nextChange = this.schedule[0]?.step ?? Infinity;
      const n = Math.min(left, nextEval - at, Math.max(1, nextChange - at));
      const t0 = performance.now();
      const taken = t.step(n);
      this.window.computeMs += performance.now() - t0;
      this.window.steps += taken;
      left -= taken;
      if (taken < n) {
        this.checkDivergence();
        return;
      }
      this.applyDue();
      if (t.stepCount() % this.evalEvery === 0) this.evaluateNow();
    }
    this.renewThroughput();
  }

  private evaluateNow(): void {
    const t = this.trainer;
    if (t === null || this.diverged) return;
    // Light: the per-unit arrays of the last evaluation before a frame are fetched then.
    const t0 = performance.now();
    const json = t.evaluate(false);
    this.window.evaluationMs += performance.now() - t0;
    if (json === '') {
      this.checkDivergence();
      return;
    }
    this.evaluations.push(JSON.parse(json) as Evaluation);
  }

  private resetWindow(): void {
    this.window = { start: performance.now(), steps: 0, computeMs: 0, evaluationMs: 0, frameMs: 0 };
  }

  private renewThroughput(): void {
    const now = performance.now();
    if (now - this.window.start < RATE_WINDOW_MS || this.window.computeMs <= 0) return;
    const perSecond = (this.window.steps * 1000) / this.window.computeMs;
    this.throughput = {
      stepsPerSecond: perSecond,
      samplesPerSecond: perSecond * this.batchSize,
      computeMs: this.window.computeMs,
      evaluationMs: this.window.evaluationMs,
      frameMs: this.window.frameMs,
      wallMs: now - this.window.start,
    };
    this.resetWindow();
  }

  /** Posts 'diverged' and pauses when the core says the run stopped; true if it did. */
  private checkDivergence(): boolean {
    const t = this.trainer;
    if (t === null || this.diverged) return this.diverged;
    const d = JSON.parse(t.divergence()) as {
      diverged: boolean;
      step: number;
      cause: string;
      advice?: string;
    };
    if (!d.diverged) return false;
    this.diverged = true;
    this.playing = false;
    this.post({ type: 'diverged', step: d.step, cause: d.cause, advice: d.advice ?? '' });
    return true;
  }

  private sendFrame(): void {
    const t = this.trainer;
    if (t === null) return;
    this.frameOwed = false;
    if (this.diverged) return;
    const t0 = performance.now();
    const heatmap = t.heatmap(this.heatmapSize.width, this.heatmapSize.height).slice();
    const params = t.params().slice();
    const maps = this.unitMaps(t);
    const evaluations = this.evaluations;
    this.evaluations = [];
    if (evaluations.length > 0)
      evaluations[evaluations.length - 1] = JSON.parse(t.evaluationDetail());
    this.acked = false;
    const transfer: Transferable[] = [heatmap.buffer, params.buffer];
    this.window.frameMs += performance.now() - t0;
    if (maps !== null) transfer.push(maps.values.buffer);
    this.post(
      {
        type: 'frame',
        step: t.stepCount(),
        epoch: t.epoch(),
        playing: this.playing,
        throughput: this.playing
          ? this.throughput
          : { ...this.throughput, stepsPerSecond: 0, samplesPerSecond: 0 },
        evaluations,
        heatmap,
        params,
        unitMaps: maps,
      },
      transfer,
    );
  }

  private unitMaps(t: TrainerHandle): UnitMaps | null {
    const size = this.unitMapSize;
    if (size === null) return null;
    if (this.unitMapHeight === null) {
      // The core says how it lays the maps out (height 1 for 1-D data), or refuses the size.
      const layout = JSON.parse(t.unitMapLayout(size.width, size.height)) as { height?: number };
      if (typeof layout.height !== 'number') {
        this.unitMapSize = null;
        return null;
      }
      this.unitMapHeight = layout.height;
    }
    const values = t.unitMaps(size.width, size.height).slice();
    return { width: size.width, height: this.unitMapHeight, values };
  }

  private dispose(): void {
    this.trainer?.delete();
    this.trainer = null;
    this.playing = false;
  }

  private post(message: Out, transfer: Transferable[] = []): void {
    this.scope.postMessage({ ...message, runId: this.runId } as FromWorker, transfer);
  }
}

function clampInt(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.max(lo, Math.min(hi, Math.floor(x))) : lo;
}

function clampSize(s: HeatmapSize): HeatmapSize {
  return {
    width: clampInt(s.width, 1, WORKER_LIMITS.grid),
    height: clampInt(s.height, 1, WORKER_LIMITS.grid),
  };
}

function clampPacing(p: Pacing): Pacing {
  return p.kind === 'fast'
    ? { kind: 'fast', budgetMs: Math.max(1, Math.min(WORKER_LIMITS.budgetMs, p.budgetMs || 1)) }
    : { kind: 'steps', steps: clampInt(p.steps, 1, WORKER_LIMITS.stepsPerCall) };
}

/** Loads the core, then serves the page's messages (held until the core is ready). */
export function serveRuns(factory: TrainerFactory, variant: Variant): void {
  const scope = self as unknown as WorkerScope;
  serveWhenReady<TrainerModule, ToWorker>(
    scope,
    factory,
    variant,
    (module) => {
      const run = new Run(module, variant, scope);
      return (msg) => run.handle(msg);
    },
    (reason, held) =>
      scope.postMessage({
        runId: held.find((m) => m.type === 'start')?.runId ?? held[0]?.runId ?? 0,
        type: 'fatal',
        message: sentence(reason),
      }),
  );
}
