// The messages between the page and a run's worker, and the shapes of what the core reports.
// Data flows one way: UI state -> config JSON -> worker -> core -> frames -> views.
// The field names of Evaluation/LayerEvaluation are the core's (core/stats_json.cpp).
import type { Variant } from '../wasm/choose-variant';

/** One validation problem from the core: which field, its value, what is allowed. */
export interface Problem {
  field: string;
  value: string;
  message: string;
}

export type UnitStateName = 'active' | 'near_dead' | 'dormant' | 'dead';

export interface LayerEvaluation {
  units: number;
  activation: string;
  /** leaky_relu/elu: the layer's alpha; prelu: the learned slopes (1 per layer or 1 per unit). */
  alpha?: number | number[];
  inactive: number;
  dead: number;
  dormant: number;
  near_dead: number;
  born_dead: number;
  /** Units that revived at this evaluation. */
  revived: number;
  inactive_fraction: number;
  dead_fraction: number;
  dormant_fraction: number;
  near_dead_fraction: number;
  sparsity: number;
  sparsity_kind: 'zeros' | 'negative_side';
  mean_abs_grad: number;
  weight_norm: number;
  histogram_range: number;
  /** Pre-activations of the whole layer in equal bins over [-range, range]. */
  histogram: number[];
  // Per unit: in the last evaluation of each frame only (the core's evaluationDetail()); the
  // others carry per-layer numbers, which is all the charts need.
  /** Per unit: activation rate (fraction of samples with z > 0). */
  rate?: number[];
  state?: UnitStateName[];
  born_dead_units?: number[];
  /** Per unit: revival events so far. */
  revivals?: number[];
  /** units x bins, row-major. */
  unit_histograms?: number[];
}

export interface Evaluation {
  step: number;
  epoch: number;
  train_loss: number;
  test_loss: number;
  train_accuracy?: number;
  test_accuracy?: number;
  penalty: number;
  collapsed: boolean;
  dead_fraction: number;
  dormant_fraction: number;
  layers: LayerEvaluation[];
}

export interface LayerLayout {
  in: number;
  out: number;
  activation: string;
  alpha: number;
  output: boolean;
  /** Offsets into the params block: W [in x out] row-major, bias [out], PReLU slopes. */
  w: number;
  b: number;
  alpha_offset: number;
  alpha_count: number;
}

export interface Layout {
  inputs: number;
  base_inputs: number;
  task: 'binary_classification' | 'regression';
  loss: 'mse' | 'bce' | 'softmax_ce';
  total_steps: number;
  domain_min: number[];
  domain_max: number[];
  input_names: string[];
  layers: LayerLayout[];
}

/** The dataset as the worker got it from the core: rows of `layout.base_inputs` raw inputs. */
export interface DataPoints {
  trainX: Float32Array;
  trainY: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
}

export interface HeatmapSize {
  width: number;
  height: number;
}

/** How a playing run advances between two frames. */
export type Pacing =
  /** A fixed number of training steps per frame. */
  | { kind: 'steps'; steps: number }
  /** As many steps as fit in `budgetMs` of compute per frame: the engine's own speed. */
  | { kind: 'fast'; budgetMs: number };

/** The engine's speed over the last second of running: compute time in the worker only. */
export interface Throughput {
  stepsPerSecond: number;
  samplesPerSecond: number;
  /** Milliseconds of training compute behind these figures. */
  computeMs: number;
  /** Where the worker's time went over the same window (ms): evaluations, frames, wall. */
  evaluationMs: number;
  frameMs: number;
  wallMs: number;
}

/** A live change of alpha or the learning rate, applied from `step` on. */
export interface ScheduledChange {
  step: number;
  field: 'alpha' | 'lr';
  value: number;
}

/** Every hidden unit's pre-activation z over a grid of the input domain (core/train). */
export interface UnitMaps {
  width: number;
  height: number;
  /** [hidden units, layer by layer] x [width*height cells], row-major; row 0 at the top. */
  values: Float32Array;
}

/** How a CSV file is read (the config's data.csv; core/data/csv_import.hpp). */
export interface CsvOptions {
  task: 'binary_classification' | 'regression';
  /** 1-based; negative counts from the end (-1: the last column). */
  target_column: number;
  /** Absent: detected. */
  header?: boolean;
}

/** Files a run uses instead of the generated data or the initial weights. */
export interface RunImports {
  /** A CSV file's text and how to read it. */
  csv?: { text: string; options: CsvOptions };
  /** A model file's text (core/schema/model_json.hpp): its weights start the run. */
  model?: string;
}

/** A run as it is now, for exports: the model, what continues it, and its data. */
export interface RunExport {
  step: number;
  /** The config as the core understood it. */
  config: string;
  /** The model file (weights and activations). */
  model: string;
  /** core/schema/trainer_json.hpp's resume state: batch order, PRNG streams, optimizer. */
  state: string;
  layout: Layout;
  /** The rows the network is fed (features included), `layout.inputs` per row. */
  trainX: Float32Array;
  trainY: Float32Array;
  testX: Float32Array;
  testY: Float32Array;
}

export interface StartRun {
  config: string;
  /** Files to run on (none: the config's generated data and initial weights). */
  imports?: RunImports;
  pacing: Pacing;
  heatmap: HeatmapSize;
  /** The per-unit maps' grid, or null for none. */
  unitMaps: HeatmapSize | null;
  playing: boolean;
  /** Live changes to apply at their steps (replaying a link). */
  schedule: ScheduledChange[];
}

/** Page -> worker. Every message names the run it is for. */
export type ToWorker = { runId: number } & (
  | ({ type: 'start' } & StartRun)
  | { type: 'play' }
  | { type: 'pause' }
  /** Run this many steps now (while paused), then send a frame. */
  | { type: 'step'; steps: number }
  /** Live changes that keep the weights. */
  | { type: 'set'; field: 'alpha' | 'lr'; value: number }
  | { type: 'pacing'; pacing: Pacing }
  /** The page drew the last frame: the worker may send the next (one frame per animation frame). */
  | { type: 'ack' }
  /** The run is over: delete the core's objects and close the worker. */
  | { type: 'dispose' }
  /** Send the run as it is now (an 'export' answer with the same requestId). */
  | { type: 'export'; requestId: number }
);

/** A frame: what changed since the last one. */
export interface Frame {
  step: number;
  epoch: number;
  playing: boolean;
  throughput: Throughput;
  /** Evaluations made since the last frame (every eval_every steps), oldest first. */
  evaluations: Evaluation[];
  /** width x height predictions (see core/train/predict.hpp), transferred. */
  heatmap: Float32Array;
  /** The whole parameter block (see Layout offsets), transferred. */
  params: Float32Array;
  unitMaps: UnitMaps | null;
}

/** Worker -> page. Every message names the run it comes from. */
export type FromWorker = { runId: number } & (
  | { type: 'ready'; variant: Variant; layout: Layout; config: string; data: DataPoints }
  /** The config was rejected; nothing runs. */
  | { type: 'problems'; problems: Problem[] }
  | ({ type: 'frame' } & Frame)
  /** The run stopped: a non-finite loss, gradient or weight. The worker pauses. */
  /** `advice`: the core's suggestion (a lower rate, or an input too large to train on). */
  | { type: 'diverged'; step: number; cause: string; advice: string }
  /** Result of a 'set' or a scheduled change: empty problems when applied at `step`. */
  | { type: 'set-result'; field: 'alpha' | 'lr'; value: number; step: number; problems: Problem[] }
  | { type: 'fatal'; message: string }
  /** The answer to 'export' (null when there is no run to export). */
  | { type: 'export'; requestId: number; run: RunExport | null }
);
