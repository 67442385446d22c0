// Types of the Embind training API (wasm/bindings_trainer.cpp). Types only.
// Every view is valid only until the next call into the core: copy it out at once.

export interface TrainerHandle {
  /** "" when the run was built, else a JSON array of problems. */
  problems(): string;
  /** Runs up to n steps; returns the steps taken (fewer if it diverged). */
  step(n: number): number;
  /** Evaluation JSON (per-unit arrays when `perUnit`), or "" once the run has diverged. */
  evaluate(perUnit: boolean): string;
  /** The last evaluation with every per-unit array ("" before the first). */
  evaluationDetail(): string;
  /** {"diverged":bool,"step":n,"cause":"..."} */
  divergence(): string;
  stepCount(): number;
  epoch(): number;
  setAlpha(alpha: number): string;
  setLearningRate(lr: number): string;
  heatmap(width: number, height: number): Float32Array;
  trainX(): Float32Array;
  trainY(): Float32Array;
  testX(): Float32Array;
  testY(): Float32Array;
  /** The raw inputs of the same rows (base_inputs per row). */
  trainBase(): Float32Array;
  testBase(): Float32Array;
  params(): Float32Array;
  layout(): string;
  config(): string;
  modelJson(): string;
  /** What beyond the weights decides how the run goes on (core/schema/trainer_json.hpp). */
  resumeState(): string;
  /** Every hidden unit's pre-activation z over a grid, unit after unit (an empty view when
   *  unitMapLayout refuses the size). */
  unitMaps(width: number, height: number): Float32Array;
  /** {"width","height" (1 for 1-D data),"cells","units","layers":[{"offset","units"}]} or
   *  {"problems": [...]}. */
  unitMapLayout(width: number, height: number): string;
  delete(): void;
}

export interface TrainerModule {
  /** A run of the config; with a CSV file's text and/or a model file's text ("" for none). */
  Trainer: {
    new (configJson: string): TrainerHandle;
    new (configJson: string, csvText: string, modelText: string): TrainerHandle;
  };
  /** A CSV file as the config would read it: a summary or problems (core/schema/import_json). */
  checkCsv(csvText: string, configJson: string): string;
  /** A model file: a summary or problems (core/schema/import_json). */
  checkModel(modelText: string): string;
  defaultConfig(): string;
  validateConfig(json: string): string;
  /** The born-dead grid: a request JSON in, the cells or the problems out. */
  initGrid(request: string): string;
}

export type TrainerFactory = (options?: Record<string, unknown>) => Promise<TrainerModule>;
