// Owns one ActivationEval of the core: writes z, evaluates, copies f and f' out.
// Views over wasm memory are taken fresh after every call and never kept: the heap may grow.
import { parseProblems } from '../run/parse-problems';
import type { ActivationEval, ActivationSpec, CoreModule, CoreProblem } from './core-api';

export type Evaluation =
  | { ok: true; z: Float32Array; f: Float32Array; df: Float32Array }
  | { ok: false; problems: CoreProblem[] };

export class ActivationEvaluator {
  private readonly core: ActivationEval;
  private readonly z: Float32Array;

  constructor(module: CoreModule, z: ArrayLike<number>) {
    this.z = Float32Array.from(z);
    this.core = new module.ActivationEval(this.z.length);
  }

  evaluate(spec: ActivationSpec): Evaluation {
    const n = this.z.length;
    this.core.z().set(this.z);
    const answer = this.core.evaluate(spec, n);
    if (answer !== '') return { ok: false, problems: parseProblems(answer) };
    // Fresh views after the call, copied out at once.
    return {
      ok: true,
      z: this.core.z().slice(0, n),
      f: this.core.f().slice(0, n),
      df: this.core.df().slice(0, n),
    };
  }

  dispose(): void {
    this.core.delete();
  }
}
