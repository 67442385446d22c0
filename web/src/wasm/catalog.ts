// The core's catalog (schema/catalog_json.hpp): every name the core knows, with its
// parameters, and every config number with its range. The page takes its choices and bounds
// from here instead of keeping lists of its own. The core is trusted, but a malformed answer
// fails loudly here rather than deep in the UI.
import { parseActivationKinds, type ActivationKind } from './build-info';

/** A closed, half-open or open interval, whole numbers only where `integer`. */
export interface Range {
  min: number;
  max: number;
  minOpen: boolean;
  maxOpen: boolean;
  integer: boolean;
  /** The core's own words: "a number within (0, 10]". */
  text: string;
}

export interface Named {
  name: string;
  label: string;
}

export interface DatasetInfo extends Named {
  task: 'binary_classification' | 'regression';
  inputs: number;
}

/** The parts of the core's default config the page takes its own defaults from. */
export interface CoreDefaults {
  seed: number;
  points: number;
  noise: number;
  trainFraction: number;
  batchSize: number;
  evalEvery: number;
}

export interface Catalog {
  version: string;
  activations: ActivationKind[];
  datasets: DatasetInfo[];
  weightInits: Named[];
  /** Whose gain He's initializers use: each layer's own, or ReLU's for every layer. */
  heGains: Named[];
  biasInits: (Named & { usesValue: boolean })[];
  optimizers: (Named & { usesMomentum: boolean; usesMoments: boolean })[];
  losses: Named[];
  /** The core's default config (every field), for the defaults the page shares with the CLI. */
  defaults: CoreDefaults;
  /** Config numbers by path ("optimizer.lr", "network.hidden[].units", ...). */
  fields: Readonly<Record<string, Range>>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const x = v[key];
  if (!Array.isArray(x) || x.length === 0 || !x.every(isRecord))
    throw new Error(`catalog().${key} is not a non-empty array of objects`);
  return x;
}

function named(x: Record<string, unknown>, where: string): Named {
  const { name, label } = x;
  if (typeof name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(name))
    throw new Error(`${where}.name is not an identifier`);
  return { name, label: typeof label === 'string' && label !== '' ? label : name };
}

function range(x: unknown, path: string): Range {
  if (!isRecord(x)) throw new Error(`catalog().fields["${path}"] is not an object`);
  const { min, max, min_open, max_open, integer, text } = x;
  if (typeof min !== 'number' || typeof max !== 'number' || !(min <= max))
    throw new Error(`catalog().fields["${path}"] has no valid min and max`);
  return {
    min,
    max,
    minOpen: min_open === true,
    maxOpen: max_open === true,
    integer: integer === true,
    text: typeof text === 'string' ? text : `a number within [${min}, ${max}]`,
  };
}

function coreDefaults(c: unknown): CoreDefaults {
  const at = (path: string): number => {
    let x: unknown = c;
    for (const key of path.split('.')) x = isRecord(x) ? x[key] : undefined;
    if (typeof x !== 'number') throw new Error(`catalog().default_config.${path} is not a number`);
    return x;
  };
  return {
    seed: at('seed'),
    points: at('data.points'),
    noise: at('data.noise'),
    trainFraction: at('data.train_fraction'),
    batchSize: at('training.batch_size'),
    evalEvery: at('training.eval_every'),
  };
}

export function parseCatalog(json: string): Catalog {
  const v: unknown = JSON.parse(json);
  if (!isRecord(v)) throw new Error('catalog() is not a JSON object');
  const fieldsIn = v['fields'];
  if (!isRecord(fieldsIn)) throw new Error('catalog().fields is not an object');
  const fields: Record<string, Range> = {};
  for (const [path, r] of Object.entries(fieldsIn)) fields[path] = range(r, path);
  return {
    version: typeof v['version'] === 'string' ? v['version'] : '',
    activations: parseActivationKinds(json),
    datasets: list(v, 'datasets').map((d, i) => {
      const task = d['task'] === 'regression' ? 'regression' : 'binary_classification';
      const inputs = typeof d['inputs'] === 'number' ? d['inputs'] : 2;
      return { ...named(d, `catalog().datasets[${i}]`), task, inputs };
    }),
    weightInits: list(v, 'weight_inits').map((d, i) => named(d, `catalog().weight_inits[${i}]`)),
    heGains: list(v, 'he_gains').map((d, i) => named(d, `catalog().he_gains[${i}]`)),
    biasInits: list(v, 'bias_inits').map((d, i) => ({
      ...named(d, `catalog().bias_inits[${i}]`),
      usesValue: d['uses_value'] === true,
    })),
    optimizers: list(v, 'optimizers').map((d, i) => ({
      ...named(d, `catalog().optimizers[${i}]`),
      usesMomentum: d['uses_momentum'] === true,
      usesMoments: d['uses_moments'] === true,
    })),
    losses: list(v, 'losses').map((d, i) => named(d, `catalog().losses[${i}]`)),
    defaults: coreDefaults(v['default_config']),
    fields,
  };
}

/** The core's range for `path`; a clear error if the core does not define it. */
export function fieldRange(catalog: Catalog, path: string): Range {
  const r = catalog.fields[path];
  if (r === undefined) throw new Error(`the core's catalog has no range for ${path}`);
  return r;
}

/** Whether `x` lies in `r` (finite, within the bounds, whole where asked). */
export function inRange(r: Range, x: number): boolean {
  if (!Number.isFinite(x)) return false;
  if (r.minOpen ? !(x > r.min) : !(x >= r.min)) return false;
  if (r.maxOpen ? !(x < r.max) : !(x <= r.max)) return false;
  return !r.integer || Number.isInteger(x);
}

/** The part of `r` inside the page's own [lo, hi] (the playground keeps networks small). */
export function narrow(r: Range, lo: number, hi: number): Range {
  const min = Math.max(r.min, lo);
  const max = Math.min(r.max, hi);
  const minOpen = min === r.min && r.minOpen;
  const maxOpen = max === r.max && r.maxOpen;
  const kind = r.integer ? 'a whole number' : 'a number';
  const text = `${kind} within ${minOpen ? '(' : '['}${min}, ${max}${maxOpen ? ')' : ']'}`;
  return { min, max, minOpen, maxOpen, integer: r.integer, text };
}
