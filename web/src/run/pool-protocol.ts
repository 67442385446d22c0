// The messages between a run pool (run-pool.ts) and its headless workers
// (pool-worker-core.ts). No frames: a task runs to its end and answers with its line.

/** Pool -> worker. */
export type ToPoolWorker =
  /** Run `run` of the request's sweep plan to its end. */
  | { type: 'run'; task: number; request: string; run: number }
  /** The table of these run lines (joined by newlines). */
  | { type: 'table'; task: number; lines: string };

/** Worker -> pool: the core's JSON answer to the task (a line, a table, or problems). */
export type FromPoolWorker =
  | { type: 'answer'; task: number; json: string }
  /** The core trapped or could not start: this worker is done for. */
  | { type: 'fatal'; task: number; message: string };
