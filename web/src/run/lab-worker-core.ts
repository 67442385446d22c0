// The body of a lab worker (worker.ts with role "lab"): runs one job at a time on the core
// (lab-protocol.ts). A trap in the core answers that job with an error; the pool then
// replaces the worker.
import type {
  FromLab,
  GridResult,
  LabJob,
  LabResult,
  TimingResult,
  ToLab,
  TrainResult,
} from './lab-protocol';
import { parseProblems } from './parse-problems';
import { serveWhenReady } from './serve-when-ready';
import type { Evaluation, ScheduledChange } from './protocol';
import type { TrainerHandle, TrainerModule } from './trainer-api';
import type { Variant } from '../wasm/choose-variant';

interface LabScope {
  onmessage: ((e: MessageEvent<ToLab>) => void) | null;
  postMessage(message: FromLab): void;
}

/** The most steps one timing may ask for (a hostile page must not hang the worker). */
const MAX_TIMED_STEPS = 1_000_000;
const MAX_REPEATS = 100;

export function runJob(core: TrainerModule, job: LabJob, now: () => number): LabResult {
  switch (job.type) {
    case 'train':
      return train(core, job.config, job.schedule, job.perUnit);
    case 'initGrid': {
      const t0 = now();
      const json = core.initGrid(job.request);
      return { type: 'initGrid', json, ms: now() - t0 } satisfies GridResult;
    }
    case 'timeSteps':
      return timeSteps(core, job.config, job.steps, job.repeats, now);
  }
}

function withTrainer<T>(
  core: TrainerModule,
  config: string,
  refused: (problems: ReturnType<typeof parseProblems>) => T,
  use: (t: TrainerHandle) => T,
): T {
  const t = new core.Trainer(config);
  try {
    const problems = parseProblems(t.problems());
    return problems.length > 0 ? refused(problems) : use(t);
  } finally {
    t.delete();
  }
}

function train(
  core: TrainerModule,
  config: string,
  schedule: readonly ScheduledChange[],
  perUnit: boolean,
): TrainResult {
  const refused = (problems: TrainResult['problems']): TrainResult => ({
    type: 'train',
    config,
    evaluations: [],
    problems,
    diverged: null,
  });
  return withTrainer(core, config, refused, (t) => {
    const used = t.config();
    const training = (JSON.parse(used) as { training: Record<string, number> }).training;
    const total = Math.max(0, training['steps'] ?? 0);
    const every = Math.max(1, training['eval_every'] ?? 100);
    const changes = [...schedule].sort((a, b) => a.step - b.step);
    const evaluations: Evaluation[] = [];
    const problems: TrainResult['problems'] = [];
    let diverged: TrainResult['diverged'] = null;
    const evaluate = (): boolean => {
      const json = t.evaluate(perUnit);
      if (json === '') return false;
      evaluations.push(JSON.parse(json) as Evaluation);
      return true;
    };
    const applyDue = (): void => {
      while (changes.length > 0 && changes[0]!.step <= t.stepCount()) {
        const c = changes.shift()!;
        const answer = c.field === 'alpha' ? t.setAlpha(c.value) : t.setLearningRate(c.value);
        for (const p of parseProblems(answer))
          problems.push({ ...p, message: `at step ${c.step}: ${p.message}` });
      }
    };
    let ok = evaluate();
    applyDue();
    while (ok && t.stepCount() < total) {
      const at = t.stepCount();
      const nextEval = (Math.floor(at / every) + 1) * every;
      const nextChange = changes[0]?.step ?? Infinity;
      const n = Math.min(total - at, nextEval - at, Math.max(1, nextChange - at));
      if (t.step(n) < n) {
        ok = false;
        break;
      }
      if (t.stepCount() % every === 0 || t.stepCount() === total) ok = evaluate();
      applyDue();
    }
    if (!ok) {
      const d = JSON.parse(t.divergence()) as { diverged: boolean; step: number; cause: string };
      if (d.diverged) diverged = { step: d.step, cause: d.cause };
    }
    return { type: 'train', config: used, evaluations, problems, diverged };
  });
}

function timeSteps(
  core: TrainerModule,
  config: string,
  steps: number,
  repeats: number,
  now: () => number,
): TimingResult {
  const n = Math.max(1, Math.min(MAX_TIMED_STEPS, Math.floor(steps) || 1));
  const r = Math.max(1, Math.min(MAX_REPEATS, Math.floor(repeats) || 1));
  return withTrainer<TimingResult>(
    core,
    config,
    (problems) => ({ type: 'timeSteps', msPerStep: [], problems }),
    (t) => {
      t.step(Math.min(n, 50)); // warm up: first calls pay for allocation and compilation
      const msPerStep: number[] = [];
      for (let i = 0; i < r; i++) {
        const t0 = now();
        const taken = t.step(n);
        const ms = now() - t0;
        if (taken < n) break; // diverged: the remaining steps do nothing
        msPerStep.push(ms / n);
      }
      return { type: 'timeSteps', msPerStep, problems: [] };
    },
  );
}

/** Loads the core, then answers jobs (held until the core is ready). */
export function serveLab(factory: () => Promise<TrainerModule>, variant: Variant): void {
  const scope = self as unknown as LabScope;
  serveWhenReady<TrainerModule, ToLab>(
    scope,
    factory,
    variant,
    (core) => (msg) => {
      try {
        scope.postMessage({
          type: 'result',
          id: msg.id,
          result: runJob(core, msg.job, () => performance.now()),
        });
      } catch (err) {
        scope.postMessage({
          type: 'error',
          id: msg.id,
          message: `the core stopped with an error (${err instanceof Error ? err.message : String(err)})`,
        });
      }
    },
    (message, jobs) => {
      for (const msg of jobs) scope.postMessage({ type: 'error', id: msg.id, message });
    },
  );
}
