// A few lab workers sharing a queue of jobs: `run` hands each job to the next free worker and
// resolves with the results in the jobs' order. Cancel ends the workers (a job cannot be
// stopped midway inside the core) and rejects what is left. No DOM.
import type { FromLab, LabJob, LabResult, ToLab } from './lab-protocol';

/** What a pool needs of a Web Worker (a fake one in tests). */
export interface LabWorkerLike {
  onmessage: ((e: MessageEvent<FromLab>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: ToLab): void;
  terminate(): void;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

interface Slot {
  worker: LabWorkerLike;
  busy: boolean;
}

export class LabPool {
  private slots: Slot[] = [];
  private nextId = 1;
  private generation = 0;
  /** The rejections of the runs in progress (cancel calls them). */
  private readonly aborts = new Set<() => void>();

  constructor(
    private readonly createWorker: () => LabWorkerLike,
    private readonly size: number,
  ) {}

  /**
   * Runs every job; `progress(done, total)` after each. Rejects with the first job's error
   * (its message), or with Cancelled.
   */
  run(
    jobs: readonly LabJob[],
    progress: (done: number, total: number) => void = () => {},
  ): Promise<LabResult[]> {
    const generation = this.generation;
    const results: LabResult[] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    return new Promise((resolve, reject) => {
      if (jobs.length === 0) {
        resolve([]);
        return;
      }
      let failed = false;
      const abort = (): void => fail(new Cancelled());
      const fail = (err: Error): void => {
        if (failed) return;
        failed = true;
        this.aborts.delete(abort);
        reject(err);
      };
      this.aborts.add(abort);
      const feed = (slot: Slot): void => {
        if (failed || generation !== this.generation) {
          // Free the worker: a later run counts on it (a one-job run would wait forever).
          slot.busy = false;
          return fail(new Cancelled());
        }
        if (next >= jobs.length) {
          slot.busy = false;
          return;
        }
        const index = next++;
        const id = this.nextId++;
        slot.busy = true;
        slot.worker.onmessage = (e) => {
          const msg = e.data;
          if (msg.id !== id) return;
          if (failed) {
            slot.busy = false;
            return;
          }
          if (msg.type === 'error') {
            this.replace(slot);
            return fail(new Error(msg.message));
          }
          results[index] = msg.result;
          done += 1;
          progress(done, jobs.length);
          if (done === jobs.length) {
            slot.busy = false;
            this.aborts.delete(abort);
            resolve(results);
          } else feed(slot);
        };
        slot.worker.onerror = (e) => {
          e.preventDefault?.();
          this.replace(slot);
          fail(new Error(e.message || 'a worker failed'));
        };
        slot.worker.postMessage({ type: 'job', id, job: jobs[index]! });
      };
      const free = this.ensure(Math.min(this.size, jobs.length));
      for (const slot of free) feed(slot);
    });
  }

  /** Stops every job: the workers end, the next run starts new ones. */
  cancel(): void {
    this.generation += 1;
    for (const s of this.slots) s.worker.terminate();
    this.slots = [];
    for (const abort of [...this.aborts]) abort();
  }

  dispose(): void {
    this.cancel();
  }

  private ensure(count: number): Slot[] {
    while (this.slots.length < count) this.slots.push({ worker: this.createWorker(), busy: false });
    return this.slots.filter((s) => !s.busy).slice(0, count);
  }

  private replace(slot: Slot): void {
    slot.worker.terminate();
    this.slots = this.slots.filter((s) => s !== slot);
  }
}
