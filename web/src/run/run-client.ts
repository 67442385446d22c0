// The page's side of a run: one worker per run (a new one on reset or a config change),
// messages typed by protocol.ts, and the 'ack' sent after the page has drawn a frame.
import type { Variant } from '../wasm/choose-variant';
import type { FromWorker, HeatmapSize, ToWorker } from './protocol';
import SimdWorker from './worker-simd.ts?worker&inline';
import ScalarWorker from './worker-scalar.ts?worker&inline';

export interface RunStart {
  config: string;
  stepsPerFrame: number;
  heatmap: HeatmapSize;
  playing: boolean;
}

export class RunClient {
  private worker: Worker | null = null;
  /** Bumped per worker, so a message from a terminated run is never handled. */
  private generation = 0;

  constructor(
    private readonly variant: Variant,
    private readonly onMessage: (msg: FromWorker) => void,
  ) {}

  /** Ends the current run (if any) and starts a fresh worker with `start`. */
  start(start: RunStart): void {
    this.stop();
    const generation = ++this.generation;
    const worker = this.variant === 'simd' ? new SimdWorker() : new ScalarWorker();
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (generation === this.generation) this.onMessage(e.data);
    };
    worker.onerror = (e: ErrorEvent) => {
      if (generation === this.generation)
        this.onMessage({ type: 'fatal', message: e.message || 'the run’s worker failed' });
    };
    this.worker = worker;
    this.send({ type: 'start', ...start });
  }

  send(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  /**
   * Ends the run: the worker deletes the core's objects and closes itself. A worker that has
   * not done so within a second (a long step) is terminated; its wasm memory goes with it.
   */
  stop(): void {
    this.generation += 1;
    const worker = this.worker;
    if (worker === null) return;
    this.worker = null;
    worker.postMessage({ type: 'dispose' } satisfies ToWorker);
    setTimeout(() => worker.terminate(), 1000);
  }
}
