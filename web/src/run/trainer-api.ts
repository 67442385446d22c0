// Types of the Embind training API (wasm/bindings_trainer.cpp). Types only.
// Every view is valid only until the next call into the core: copy it out at once.

export interface TrainerHandle {
  /** "" when the run was built, else a JSON array of problems. */
  problems(): string;
  /** Runs up to n steps; returns the steps taken (fewer if it diverged). */
  step(n: number): number;
  /** Evaluation JSON, or "" once the run has diverged. */
  evaluate(): string;
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
  params(): Float32Array;
  layout(): string;
  config(): string;
  modelJson(): string;
  delete(): void;
}

export interface TrainerModule {
  Trainer: new (configJson: string) => TrainerHandle;
  defaultConfig(): string;
  validateConfig(json: string): string;
}

export type TrainerFactory = (options?: Record<string, unknown>) => Promise<TrainerModule>;
