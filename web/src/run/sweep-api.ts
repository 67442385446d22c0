// Types of the Embind sweep API (wasm/bindings_sweep.cpp, core/schema/sweep_plan_json.hpp) and
// of what it answers. Types only; the field names are the core's.
import type { Problem } from './protocol';

export interface SweepModule {
  /** {"id","runs","data"} of a plan request, or {"problems": [...]}. */
  sweepPlan(request: string): string;
  /** Run `run` of the request's plan to its end: its line (SweepLine), or {"problems"}. */
  sweepRun(request: string, run: number): string;
  /** The table (SweepTable) of run lines joined by newlines, or {"problems"}. */
  sweepTable(lines: string): string;
}

/**
 * A sweep request: a run config (its seed the first seed), the alphas, at most the factors the
 * catalog's `sweep.factors` names, and the number of seeds. A single config is a request with
 * neither alphas nor factors and one seed: its run 0 is that config.
 */
export interface SweepRequest {
  config: unknown;
  alpha?: number[];
  factors?: Partial<Record<'activation' | 'depth' | 'width' | 'init' | 'lr', (string | number)[]>>;
  seeds?: number;
}

export interface SweepPlanInfo {
  id: string;
  runs: number;
  data: string;
}

/** One run's line: what `leaky-lab sweep` writes, field for field. */
export interface SweepLine {
  sweep: string;
  run: number;
  runs: number;
  seed: number;
  alpha: number | null;
  activation?: string;
  depth?: number;
  width?: number;
  init?: string;
  lr?: number;
  data: string;
  steps: number;
  train_loss: number;
  test_loss: number;
  train_accuracy?: number;
  test_accuracy?: number;
  dead_fraction: number;
  dormant_fraction: number;
  dormant_tau: number;
  tau_dormant_fraction: number;
  born_dead_fraction: number;
  revivals: number;
  sparsity: number;
  sparsity_kind: string;
  collapsed: boolean;
  target_loss: number;
  steps_to_target: number | null;
  diverged: boolean;
  diverged_at?: number;
  cause?: string;
}

export interface MeanSe {
  /** null where there is no value (no run of the group has it). */
  mean: number | null;
  /** Standard error of the mean (sample sd / sqrt(n)); null below two values. */
  se: number | null;
  n: number;
}

export interface SweepTableRow {
  alpha: number | null;
  levels: Partial<Record<string, string | number>>;
  runs: number;
  collapsed: number;
  diverged: number;
  reached: number;
  seeds: number[];
  metrics: Record<string, MeanSe>;
}

export interface SweepTable {
  runs: number;
  steps: number;
  classification: boolean;
  target: boolean;
  dormant_tau: number;
  varied: string[];
  rows: SweepTableRow[];
}

export type SweepAnswer<T> = T | { problems: Problem[] };

export function hasProblems<T extends object>(
  answer: SweepAnswer<T>,
): answer is { problems: Problem[] } {
  return 'problems' in answer;
}
