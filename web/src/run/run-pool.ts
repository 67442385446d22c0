// A pool of headless workers that run configs to their end: each task is one run of a sweep
// plan (sweep-api.ts; a single config is a plan of one run), answered with the core's summary
// line, the same JSON line `leaky-lab sweep` writes. As many workers as the browser's cores
// less one (at least one), each compiled from the page's one wasm module; tasks go to whichever
// worker is free; cancel() terminates every worker at once. The table of means and standard
// errors is computed by the core in a worker too, never on the main thread.
//
// Stable API (used by the sweep mode and by question pages):
//   const pool = new RunPool(() => createPoolWorker(core));
//   const lines = await pool.run(configTasks([configA, configB]), (e) => ...progress...);
//   const table = await pool.table(lines);
//   pool.cancel(); pool.dispose();
import type { FromPoolWorker, ToPoolWorker } from './pool-protocol';
import { poolSize } from './pool-size';
import type { SweepRequest } from './sweep-api';

export interface PoolWorkerLike {
  onmessage: ((e: MessageEvent<FromPoolWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: ToPoolWorker): void;
  terminate(): void;
}

/** One run: run `run` (0-based) of the plan `request` (a SweepRequest as JSON). */
export interface PoolTask {
  request: string;
  run: number;
}

export interface PoolProgress {
  type: 'progress';
  done: number;
  total: number;
  elapsedMs: number;
  /** Time left at the pace so far; null before the first task is done. */
  remainingMs: number | null;
}

export type PoolEvent =
  /** Task `index` has its answer: a run line, or {"problems": [...]} (JSON text). */
  { type: 'result'; index: number; json: string } | PoolProgress;

/** The error a pending run or table rejects with when the pool is cancelled. */
export class PoolCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PoolCancelled';
  }
}

/** Each config (JSON text) as a task of its own: run 0 of a plan of one run. */
export function configTasks(configs: string[]): PoolTask[] {
  return configs.map((config) => ({
    request: JSON.stringify({ config: JSON.parse(config) } satisfies SweepRequest),
    run: 0,
  }));
}

/** Every run of a plan of `runs` runs (SweepPlanInfo.runs), in run order. */
export function planTasks(request: string, runs: number): PoolTask[] {
  return Array.from({ length: runs }, (_, run) => ({ request, run }));
}

interface Job {
  message: (task: number) => ToPoolWorker;
  settle: (json: string) => void;
}

interface Slot {
  worker: PoolWorkerLike;
  job: Job | null;
}

function fatalAnswer(message: string): string {
  return JSON.stringify({ problems: [{ field: 'core', value: '', message }] });
}

export class RunPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private rejections = new Set<(e: Error) => void>();
  private nextTask = 0;

  constructor(
    private readonly createWorker: () => PoolWorkerLike,
    readonly size: number = poolSize(globalThis.navigator?.hardwareConcurrency),
  ) {}

  /** Workers alive now (they start with the first task and live until cancel or dispose). */
  get workers(): number {
    return this.slots.length;
  }

  /**
   * Runs every task; resolves with their answers in task order (a line, or problems: one bad
   * task does not stop the others). Events report each answer and the progress as they come.
   */
  run(tasks: PoolTask[], onEvent: (e: PoolEvent) => void = () => {}): Promise<string[]> {
    const answers: string[] = new Array<string>(tasks.length);
    const start = performance.now();
    let done = 0;
    const progress = () => {
      const elapsedMs = performance.now() - start;
      onEvent({
        type: 'progress',
        done,
        total: tasks.length,
        elapsedMs,
        remainingMs: done === 0 ? null : (elapsedMs / done) * (tasks.length - done),
      });
    };
    return new Promise<string[]>((resolve, reject) => {
      this.rejections.add(reject);
      if (tasks.length === 0) {
        this.rejections.delete(reject);
        resolve(answers);
        return;
      }
      progress();
      tasks.forEach((t, index) =>
        this.enqueue({
          message: (task) => ({ type: 'run', task, request: t.request, run: t.run }),
          settle: (json) => {
            answers[index] = json;
            done += 1;
            onEvent({ type: 'result', index, json });
            progress();
            if (done === tasks.length) {
              this.rejections.delete(reject);
              resolve(answers);
            }
          },
        }),
      );
    });
  }

  /** The core's table (SweepTable JSON, or problems) of these run lines, from a worker. */
  table(lines: string[]): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.rejections.add(reject);
      this.enqueue({
        message: (task) => ({ type: 'table', task, lines: lines.join('\n') }),
        settle: (json) => {
          this.rejections.delete(reject);
          resolve(json);
        },
      });
    });
  }

  /** Stops everything at once: every worker is terminated, every pending promise rejects. */
  cancel(): void {
    for (const slot of this.slots) slot.worker.terminate();
    this.slots = [];
    this.queue = [];
    const rejections = [...this.rejections];
    this.rejections.clear();
    for (const reject of rejections) reject(new PoolCancelled());
  }

  dispose(): void {
    this.cancel();
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage(job.message(++this.nextTask));
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.createWorker(), job: null };
    const finish = (json: string, replace: boolean) => {
      const job = slot.job;
      slot.job = null;
      if (replace) this.replace(slot);
      job?.settle(json);
      this.dispatch();
    };
    slot.worker.onmessage = (e) => {
      const msg = e.data;
      if (msg.type === 'answer') finish(msg.json, false);
      else finish(fatalAnswer(msg.message), true);
    };
    slot.worker.onerror = (e) => {
      e.preventDefault?.();
      finish(fatalAnswer(`the worker failed (${e.message || 'no message'})`), true);
    };
    this.slots.push(slot);
    return slot;
  }

  /** A worker whose core trapped is not used again. */
  private replace(slot: Slot): void {
    slot.worker.terminate();
    this.slots = this.slots.filter((s) => s !== slot);
  }
}
