// Types of the Embind API exported by the wasm core (build/wasm/dist/leaky_*.mjs).
// Types only: the values come from the Emscripten module at run time.

/** The object every activation is evaluated with; the core needs every field. */
export interface ActivationSpec {
  kind: string;
  alpha: number;
  lower: number;
  upper: number;
  training: boolean;
  seed: number;
}

/** Embind class: buffers of `capacity` floats owned by the core. */
export interface ActivationEval {
  /** Input view. Valid only until the next call into the core. */
  z(): Float32Array;
  /** f(z) view. Valid only until the next call into the core. */
  f(): Float32Array;
  /** f'(z) view. Valid only until the next call into the core. */
  df(): Float32Array;
  /** "" on success, else a JSON array of problems. */
  evaluate(spec: ActivationSpec, n: number): string;
  delete(): void;
}

export interface CoreModule {
  /** JSON: {"variant":"simd"|"scalar","arch":string,"version":string} */
  buildInfo(): string;
  /** JSON: every name the core knows, with parameters and ranges (schema/catalog_json.hpp). */
  catalog(): string;
  ActivationEval: new (capacity: number) => ActivationEval;
  /** A CSV file as a config would read it: a summary or problems (run/trainer-api.ts). */
  checkCsv(csvText: string, configJson: string): string;
  /** A model file: a summary or problems (run/trainer-api.ts). */
  checkModel(modelText: string): string;
}

export type CoreFactory = (options?: Record<string, unknown>) => Promise<CoreModule>;

/** One validation problem from the core (the same shape everywhere). */
export type { Problem as CoreProblem } from '../run/protocol';
