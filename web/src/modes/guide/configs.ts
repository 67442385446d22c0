// Run configs for the question pages (schema version 1, core/train/run_config.hpp), built from
// a few plain fields. α is sent only to kinds that read it: the core refuses fields that would
// have no effect. The core validates everything else and names any problem.
import type { ScheduledChange } from '../../run/protocol';
import type { LabJob } from '../../run/lab-protocol';
import type { Catalog } from '../../wasm/catalog';

export interface RunSpec {
  seed: number;
  data: Record<string, unknown>;
  hidden: number[];
  kind: string;
  /** Ignored for kinds without an α. */
  alpha: number;
  init?: Record<string, unknown>;
  optimizer: { kind: string; lr: number };
  batchSize: number;
  steps: number;
  evalEvery: number;
}

export function readsAlpha(catalog: Catalog, kind: string): boolean {
  return catalog.activations.find((k) => k.name === kind)?.alpha === true;
}

export function runConfig(spec: RunSpec, catalog: Catalog): string {
  return JSON.stringify({
    version: 1,
    seed: spec.seed,
    data: spec.data,
    network: {
      activation: spec.kind,
      ...(readsAlpha(catalog, spec.kind) ? { alpha: spec.alpha } : {}),
      hidden: spec.hidden,
    },
    ...(spec.init === undefined ? {} : { init: spec.init }),
    optimizer: spec.optimizer,
    training: { batch_size: spec.batchSize, steps: spec.steps, eval_every: spec.evalEvery },
  });
}

export function trainJob(
  spec: RunSpec,
  catalog: Catalog,
  perUnit = false,
  schedule: ScheduledChange[] = [],
): LabJob {
  return { type: 'train', config: runConfig(spec, catalog), schedule, perUnit };
}

/** Seeds first, first + 1, ... (`count` of them). */
export function seedsFrom(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

/** The hash of a link into another mode: `mode=<mode>&key=value&...`. */
export function modeLink(mode: string, params: Record<string, string | number>): string {
  const p = new URLSearchParams({ mode });
  for (const [k, v] of Object.entries(params)) p.set(k, String(v));
  return p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/** The fields most pages share: data, network shape, optimizer and length. */
export interface TaskSettings {
  data: string;
  hidden: number[];
  opt: string;
  lr: number;
  steps: number;
}

/**
 * A run of the pages' usual shape: `points` points of `s.data`, batch 10, He normal weights
 * with ReLU's gain for every layer (the same starting weights whatever the activation, as in
 * the Compare mode), zero biases, about 20 evaluations.
 */
export function taskRun(
  s: TaskSettings,
  seed: number,
  kind: string,
  alpha: number,
  points: number,
): RunSpec {
  return {
    seed,
    data: { kind: s.data, points },
    hidden: s.hidden,
    kind,
    alpha,
    init: { weights: 'he_normal', bias: 'zero', gain: 'relu' },
    optimizer: { kind: s.opt, lr: s.lr },
    batchSize: 10,
    steps: s.steps,
    evalEvery: evalEveryFor(s.steps),
  };
}

/** The link fields of the same task in the Playground or Compare mode. */
export function taskLink(
  s: Omit<TaskSettings, 'steps'> & { seed: number },
  points: number,
): Record<string, string | number> {
  return {
    seed: s.seed,
    data: s.data,
    points,
    batch: 10,
    hidden: s.hidden.join(','),
    lr: s.lr,
    opt: s.opt,
  };
}

/** Evaluations every this many steps: about 20 points per curve. */
export function evalEveryFor(steps: number): number {
  return Math.max(1, Math.round(steps / 20));
}
