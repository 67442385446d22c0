// Headless jobs for a lab worker: a whole run to its end, the born-dead grid, timed training
// steps. A job goes in, one result comes out; nothing is drawn, so many runs (seeds, α values,
// initializers) fit in the seconds a question page may take. Configs in, summaries out: the
// interface a sweep pool offers too.
import type { Evaluation, Problem, ScheduledChange } from './protocol';

export type LabJob =
  /**
   * Trains `config` to its training.steps, evaluating at step 0 and every eval_every steps
   * exactly as the CLI and the playground do; `schedule` applies live changes at their steps
   * (after the evaluation of that step). `perUnit`: each evaluation keeps its per-unit arrays.
   */
  | { type: 'train'; config: string; schedule: ScheduledChange[]; perUnit: boolean }
  /** The core's initGrid: the request JSON in (schema/init_grid_json.hpp). */
  | { type: 'initGrid'; request: string }
  /** Milliseconds per training step of `config`, over `repeats` timings of `steps` steps. */
  | { type: 'timeSteps'; config: string; steps: number; repeats: number };

export interface TrainResult {
  type: 'train';
  /** The config as the core understood it (every field). */
  config: string;
  evaluations: Evaluation[];
  problems: Problem[];
  /** Where the run stopped on a non-finite value, or null. */
  diverged: { step: number; cause: string } | null;
}

export interface GridResult {
  type: 'initGrid';
  /** The core's answer (cells, or problems). */
  json: string;
  /** Time the call took in the worker (ms). */
  ms: number;
}

export interface TimingResult {
  type: 'timeSteps';
  /** One figure per repeat: ms per step. */
  msPerStep: number[];
  problems: Problem[];
}

export type LabResult = TrainResult | GridResult | TimingResult;

export type ToLab = { type: 'job'; id: number; job: LabJob };
export type FromLab =
  | { type: 'result'; id: number; result: LabResult }
  | { type: 'error'; id: number; message: string };
