// Importing a model file or a CSV dataset: the page's checks around the core's. A file is
// hostile: its size is checked before it is read, the core parses it (problems name the line
// and column, or the field), and the page's own limits (what it can draw) come after. Pure:
// the core's answers come in as text, settings go out as a patch.
import type { Problem } from '../run/protocol';
import { INPUT_COLUMNS, PAGE_LIMITS, type InputColumn, type Settings } from '../state/settings';

export interface ModelLayerSummary {
  units: number;
  activation: string;
  alpha?: number;
  lower?: number;
  upper?: number;
}

export interface ModelSummary {
  problems: Problem[];
  inputs: number;
  loss: 'mse' | 'bce' | 'softmax_ce';
  outputs: number;
  input_names: string[];
  layers: ModelLayerSummary[];
}

export interface CsvSummary {
  problems: Problem[];
  rows: number;
  train_rows: number;
  test_rows: number;
  columns: number;
  inputs: number;
  target_column: number;
  target_name: string;
  had_header: boolean;
  task: 'binary_classification' | 'regression';
  class_values?: [number, number];
  input_names: string[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The size check that comes before a file is read. */
export function sizeProblem(name: string, bytes: number): string | null {
  return bytes > PAGE_LIMITS.importBytes
    ? `${name} is ${mb(bytes)}: the page reads files up to ${mb(PAGE_LIMITS.importBytes)} (the command line reads larger ones)`
    : null;
}

/** A problem from the core as one line: “line 3, column 2: ... (“oops”)”. */
export function problemText(p: Problem): string {
  const value =
    p.value === '' ? '' : ` (${p.value.length > 40 ? `${p.value.slice(0, 40)}…` : p.value})`;
  return `${p.field}: ${p.message}${value}`;
}

function parseAnswer<T extends { problems: Problem[] }>(json: string): Checked<T> {
  let answer: T;
  try {
    answer = JSON.parse(json) as T;
  } catch {
    return { ok: false, problems: ['the core gave no answer it could read'] };
  }
  if (!Array.isArray(answer.problems)) return { ok: false, problems: ['the core gave no answer'] };
  if (answer.problems.length > 0) return { ok: false, problems: answer.problems.map(problemText) };
  return { ok: true, value: answer };
}

/** The loss the page's run uses for a task (the config's loss is "auto"). */
const lossOf = (task: 'binary_classification' | 'regression'): string =>
  task === 'regression' ? 'mse' : 'bce';

/** The core's answer about a model file, then what the page can run and draw. */
export function checkModel(
  answer: string,
  task: 'binary_classification' | 'regression',
): Checked<ModelSummary> {
  const checked = parseAnswer<ModelSummary>(answer);
  if (!checked.ok) return checked;
  const m = checked.value;
  const problems: string[] = [];
  if (m.layers.length > PAGE_LIMITS.layers)
    problems.push(
      `layers: the model has ${m.layers.length} hidden layers; the page draws at most ${PAGE_LIMITS.layers}`,
    );
  m.layers.forEach((l, i) => {
    if (l.units > PAGE_LIMITS.units)
      problems.push(
        `layers[${i}].units: ${l.units} units; the page draws at most ${PAGE_LIMITS.units} per layer`,
      );
  });
  if (m.loss !== lossOf(task))
    problems.push(
      `loss: the model was trained with ${m.loss}, but the page's data is ${task === 'regression' ? 'a regression' : 'a binary classification'} task, which it trains with ${lossOf(task)}`,
    );
  return problems.length > 0 ? { ok: false, problems } : checked;
}

/** The settings that describe a model's network, so the controls show what runs. */
export function modelSettings(
  m: ModelSummary,
  kindHasAlpha: (kind: string) => boolean,
): Partial<Settings> {
  const kinds = m.layers.map((l) => l.activation);
  const kind = kinds[0] ?? 'relu';
  const patch: Partial<Settings> = {
    hidden: m.layers.map((l) => l.units),
    kind,
    layerKinds: kinds.map((k) => (k === kind ? '' : k)),
  };
  const first = m.layers[0];
  if (first?.alpha !== undefined && kindHasAlpha(kind)) patch.alpha = first.alpha;
  if (first?.lower !== undefined) patch.lower = first.lower;
  if (first?.upper !== undefined) patch.upper = first.upper;
  const names = m.input_names;
  if (
    names.length === m.inputs &&
    names.every((n) => (INPUT_COLUMNS as readonly string[]).includes(n))
  )
    patch.inputs = INPUT_COLUMNS.filter((c) => names.includes(c)) as InputColumn[];
  return patch;
}

/** What of the settings an imported model's weights depend on: change it and they no longer fit. */
export function architecture(s: Readonly<Settings>): string {
  return JSON.stringify([s.hidden, s.kind, s.layerKinds, s.inputs]);
}

/** The core's answer about a CSV file, then what the page can draw. */
export function checkCsv(answer: string): Checked<CsvSummary> {
  const checked = parseAnswer<CsvSummary>(answer);
  if (!checked.ok) return checked;
  const c = checked.value;
  const problems: string[] = [];
  if (c.inputs > PAGE_LIMITS.importInputs)
    problems.push(
      `file: ${c.inputs} input columns; the page plots 1 or ${PAGE_LIMITS.importInputs} (the command line takes up to 999)`,
    );
  if (c.rows > PAGE_LIMITS.importRows)
    problems.push(
      `file: ${c.rows} data rows; the page takes up to ${PAGE_LIMITS.importRows} (the command line up to 100000)`,
    );
  return problems.length > 0 ? { ok: false, problems } : checked;
}
