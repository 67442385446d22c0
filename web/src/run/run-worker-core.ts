// The body of a run's worker: one Trainer, driven by the page's messages (protocol.ts).
// While playing it runs `stepsPerFrame` steps, then posts one frame and waits for the page's
// 'ack' (sent after drawing), so frames never pile up. Views are copied out and transferred.
import { parseProblems } from './parse-problems';
import type { FromWorker, HeatmapSize, ToWorker } from './protocol';
import type { TrainerFactory, TrainerHandle, TrainerModule } from './trainer-api';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  close(): void;
}

const MAX_STEPS_PER_FRAME = 10_000;

class Run {
  private trainer: TrainerHandle | null = null;
  private playing = false;
  private stepsPerFrame = 10;
  private heatmapSize: HeatmapSize = { width: 1, height: 1 };
  /** The page has drawn the last frame (or none was sent yet). */
  private acked = true;
  /** A frame is owed (after a step or a set while paused) as soon as the page acks. */
  private frameOwed = false;
  private scheduled = false;
  private diverged = false;
  /** Steps-per-second bookkeeping over about one second of running. */
  private rateStart = 0;
  private rateSteps = 0;
  private rate = 0;

  constructor(
    private readonly module: TrainerModule,
    private readonly variant: 'simd' | 'scalar',
    private readonly scope: WorkerScope,
  ) {}

  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'start':
        this.start(msg.config, msg.stepsPerFrame, msg.heatmap, msg.playing);
        break;
      case 'play':
        if (this.trainer === null || this.diverged) return;
        this.playing = true;
        this.rateStart = performance.now();
        this.rateSteps = 0;
        this.schedule();
        break;
      case 'pause':
        this.playing = false;
        this.rate = 0;
        this.frameOwed = true;
        this.schedule();
        break;
      case 'step':
        if (this.trainer === null || this.diverged) return;
        this.playing = false;
        this.rate = 0;
        this.advance(Math.max(0, Math.min(MAX_STEPS_PER_FRAME, Math.floor(msg.steps))));
        this.frameOwed = true;
        this.schedule();
        break;
      case 'set':
        this.set(msg.field, msg.value);
        break;
      case 'stepsPerFrame':
        this.stepsPerFrame = clampSteps(msg.value);
        break;
      case 'ack':
        this.acked = true;
        this.schedule();
        break;
      case 'dispose':
        this.dispose();
        this.scope.close();
        break;
    }
  }

  private start(config: string, stepsPerFrame: number, heatmap: HeatmapSize, playing: boolean) {
    this.dispose();
    this.diverged = false;
    this.acked = true;
    this.stepsPerFrame = clampSteps(stepsPerFrame);
    this.heatmapSize = heatmap;
    const trainer = new this.module.Trainer(config);
    const problems = trainer.problems();
    if (problems !== '') {
      trainer.delete();
      this.post({ type: 'problems', problems: parseProblems(problems) });
      return;
    }
    this.trainer = trainer;
    // Fresh views after each call, copied out at once.
    const data = {
      trainX: trainer.trainX().slice(),
      trainY: trainer.trainY().slice(),
      testX: trainer.testX().slice(),
      testY: trainer.testY().slice(),
    };
    const layout = JSON.parse(trainer.layout());
    this.post({ type: 'ready', variant: this.variant, layout, config: trainer.config(), data }, [
      data.trainX.buffer,
      data.trainY.buffer,
      data.testX.buffer,
      data.testY.buffer,
    ]);
    this.playing = playing;
    this.rateStart = performance.now();
    this.rateSteps = 0;
    this.frameOwed = true;
    this.schedule();
  }

  private set(field: 'alpha' | 'lr', value: number): void {
    if (this.trainer === null) return;
    const answer =
      field === 'alpha' ? this.trainer.setAlpha(value) : this.trainer.setLearningRate(value);
    this.post({ type: 'set-result', field, value, problems: parseProblems(answer) });
    if (!this.playing) {
      this.frameOwed = true;
      this.schedule();
    }
  }

  /** Runs later (a macrotask), so messages such as 'pause' get in between frames. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.tick();
    }, 0);
  }

  private tick(): void {
    if (this.trainer === null || !this.acked) return;
    if (this.playing && !this.diverged) {
      this.advance(this.stepsPerFrame);
      this.frameOwed = true;
    }
    if (this.frameOwed) this.sendFrame();
  }

  private advance(steps: number): void {
    const t = this.trainer;
    if (t === null || steps <= 0) return;
    const taken = t.step(steps);
    this.rateSteps += taken;
    if (this.playing) {
      const now = performance.now();
      if (now - this.rateStart >= 1000) {
        this.rate = (this.rateSteps * 1000) / (now - this.rateStart);
        this.rateStart = now;
        this.rateSteps = 0;
      }
    }
    if (taken < steps) this.checkDivergence();
  }

  /** Posts 'diverged' and pauses when the core says the run stopped; true if it did. */
  private checkDivergence(): boolean {
    const t = this.trainer;
    if (t === null || this.diverged) return this.diverged;
    const d = JSON.parse(t.divergence()) as { diverged: boolean; step: number; cause: string };
    if (!d.diverged) return false;
    this.diverged = true;
    this.playing = false;
    this.rate = 0;
    this.post({ type: 'diverged', step: d.step, cause: d.cause });
    return true;
  }

  private sendFrame(): void {
    const t = this.trainer;
    if (t === null) return;
    this.frameOwed = false;
    if (this.diverged) return;
    const json = t.evaluate();
    if (json === '') {
      this.checkDivergence();
      return;
    }
    const evaluation = JSON.parse(json);
    const heatmap = t.heatmap(this.heatmapSize.width, this.heatmapSize.height).slice();
    const params = t.params().slice();
    this.acked = false;
    this.post(
      {
        type: 'frame',
        step: t.stepCount(),
        epoch: t.epoch(),
        playing: this.playing,
        stepsPerSecond: this.playing ? this.rate : 0,
        evaluation,
        heatmap,
        params,
      },
      [heatmap.buffer, params.buffer],
    );
  }

  private dispose(): void {
    this.trainer?.delete();
    this.trainer = null;
    this.playing = false;
  }

  private post(message: FromWorker, transfer: Transferable[] = []): void {
    this.scope.postMessage(message, transfer);
  }
}

function clampSteps(n: number): number {
  return Number.isFinite(n) ? Math.max(1, Math.min(MAX_STEPS_PER_FRAME, Math.floor(n))) : 1;
}

/** Loads the core, then serves the page's messages (queued until the core is ready). */
export function serveRuns(factory: TrainerFactory, variant: 'simd' | 'scalar'): void {
  const scope = self as unknown as WorkerScope;
  const queue: ToWorker[] = [];
  let run: Run | null = null;
  scope.onmessage = (e) => {
    if (run === null) queue.push(e.data);
    else run.handle(e.data);
  };
  factory().then(
    (module) => {
      run = new Run(module, variant, scope);
      for (const msg of queue.splice(0)) run.handle(msg);
    },
    (err: unknown) => {
      scope.postMessage({
        type: 'fatal',
        message: `The ${variant} WebAssembly core could not start in the worker: ${
          err instanceof Error ? err.message : String(err)
        }`,
      });
    },
  );
}
