// The property table: every setting of the page in one place, TensorFlow Playground style. A
// row holds the setting's link key, its default, what values it allows (the core's ranges from
// its catalog, narrowed where the playground keeps networks small) and how it is read from and
// written to a link. Controls, the link and the store all use these rows; nothing else keeps a
// default or a bound.
import { fieldRange, inRange, narrow, type Catalog, type Range } from '../wasm/catalog';
import { formatNumber, parseFiniteNumber } from './parse-number';
import { INPUT_COLUMNS, PAGE_LIMITS, SPEEDS, type InputColumn, type Settings } from './settings';

/** What reading one link value gave. */
export type Read =
  | { kind: 'ok'; value: unknown }
  /** A usable value, moved into the allowed range. */
  | { kind: 'clamped'; value: unknown; used: string }
  /** Not usable: the default stays. */
  | { kind: 'bad' };

/** A row of a mode's settings `S` (the playground's by default). */
export interface Property<S = Settings> {
  key: string;
  field: keyof S & string;
  /** The allowed values in words, for notices and help ("a number within (0, 10]"). */
  allowed(s: S): string;
  /** The default, given the settings before it in the table (alpha depends on the kind). */
  defaultOf(s: S): unknown;
  read(raw: string, s: S): Read;
  /** The link text, or null when the setting does not apply (alpha of ReLU). */
  write(s: S): string | null;
}

const TRUE = ['1', 'true', 'on', 'yes'];
const FALSE = ['0', 'false', 'off', 'no'];

export function numberProp<S = Settings>(
  key: string,
  field: keyof S & string,
  range: Range,
  fallback: number,
  applies: (s: S) => boolean = () => true,
): Property<S> {
  return {
    key,
    field,
    allowed: () => range.text,
    defaultOf: () => fallback,
    read(raw) {
      const x = parseFiniteNumber(raw);
      if (x === null || (range.integer && !Number.isInteger(x))) return { kind: 'bad' };
      if (inRange(range, x)) return { kind: 'ok', value: x };
      // Out of range: the nearest allowed value (an open end cannot be reached: keep the default).
      const v = Math.min(range.max, Math.max(range.min, x));
      if (!inRange(range, v)) return { kind: 'bad' };
      return { kind: 'clamped', value: v, used: formatNumber(v) };
    },
    write: (s) => (applies(s) ? formatNumber(s[field] as number) : null),
  };
}

export function choiceProp<S = Settings>(
  key: string,
  field: keyof S & string,
  values: () => readonly string[],
  fallback: string,
): Property<S> {
  return {
    key,
    field,
    allowed: () => `one of ${values().join(', ')}`,
    defaultOf: () => fallback,
    read: (raw) => (values().includes(raw) ? { kind: 'ok', value: raw } : { kind: 'bad' }),
    write: (s) => String(s[field]),
  };
}

export function boolProp<S = Settings>(
  key: string,
  field: keyof S & string,
  fallback: boolean,
): Property<S> {
  return {
    key,
    field,
    allowed: () => '1 (on) or 0 (off)',
    defaultOf: () => fallback,
    read(raw) {
      const t = raw.trim().toLowerCase();
      if (TRUE.includes(t)) return { kind: 'ok', value: true };
      if (FALSE.includes(t)) return { kind: 'ok', value: false };
      return { kind: 'bad' };
    },
    write: (s) => (s[field] ? '1' : '0'),
  };
}

/** The default experiment (see the README, "The playground"). */
export const DEFAULT_EXPERIMENT = {
  dataset: 'spiral',
  hidden: [8, 8, 8],
  kind: 'leaky_relu',
  optimizer: 'adam',
  lr: 0.03,
  init: 'he_normal',
  bias: 'zero',
} as const;

/** Builds the table from the core's catalog (names and ranges), in link order. */
export function makeProperties(catalog: Catalog): readonly Property[] {
  const f = (path: string): Range => fieldRange(catalog, path);
  const names = (xs: readonly { name: string }[]) => () => xs.map((x) => x.name);
  const kindOf = (name: string) => catalog.activations.find((k) => k.name === name);
  const hasAlpha = (s: Settings): boolean => kindOf(s.kind)?.alpha === true;
  const hasBounds = (s: Settings): boolean => kindOf(s.kind)?.lowerUpper === true;
  const units = narrow(f('network.hidden[].units'), 1, PAGE_LIMITS.units);
  const layers = narrow(f('network.hidden'), 0, PAGE_LIMITS.layers);
  const usesValue = (s: Settings): boolean =>
    catalog.biasInits.find((b) => b.name === s.bias)?.usesValue === true;
  const seed = narrow(f('seed'), 0, 2 ** 31 - 1);
  // Defaults the playground shares with the command line come from the core's default config.
  const d = catalog.defaults;

  const alpha: Property = {
    ...numberProp('alpha', 'alpha', f('network.alpha'), 0.01, hasAlpha),
    allowed: () => `${f('network.alpha').text} (usually 0 ≤ α < 1)`,
    defaultOf: (s) => kindOf(s.kind)?.defaultAlpha ?? 0,
  };
  const bound = (key: 'lower' | 'upper'): Property => ({
    ...numberProp(key, key, f(`network.${key}`), 0, hasBounds),
    defaultOf: (s) => {
      const k = kindOf(s.kind) ?? kindOf('rrelu');
      return key === 'lower' ? (k?.defaultLower ?? 0.125) : (k?.defaultUpper ?? 1 / 3);
    },
  });

  const hidden: Property = {
    key: 'hidden',
    field: 'hidden',
    allowed: () =>
      `whole numbers of units separated by commas, e.g. 8,8 (${layers.min} to ${layers.max} layers of ${units.min} to ${units.max} units)`,
    defaultOf: () => [...DEFAULT_EXPERIMENT.hidden],
    read(raw) {
      const text = raw.trim();
      const xs = (text === '' ? [] : text.split(',')).map((t) => parseFiniteNumber(t));
      if (xs.some((x) => x === null || !Number.isInteger(x))) return { kind: 'bad' };
      const kept = (xs as number[])
        .slice(0, layers.max)
        .map((x) => Math.min(units.max, Math.max(units.min, x)));
      if (xs.length > layers.max || kept.some((u, i) => u !== xs[i]))
        return { kind: 'clamped', value: kept, used: kept.join(',') };
      return { kind: 'ok', value: kept };
    },
    write: (s) => s.hidden.join(','),
  };

  const layerKinds: Property = {
    key: 'acts',
    field: 'layerKinds',
    allowed: () =>
      `a comma-separated list, one entry per layer: empty (the network's activation) or one of ${catalog.activations.map((k) => k.name).join(', ')}`,
    defaultOf: (s) => s.hidden.map(() => ''),
    read(raw, s) {
      const known = (k: string): boolean => k === '' || kindOf(k) !== undefined;
      const parts = raw.split(',');
      const value = s.hidden.map((_, i) => (known(parts[i] ?? '') ? (parts[i] ?? '') : ''));
      return parts.every(known) && parts.length <= s.hidden.length
        ? { kind: 'ok', value }
        : { kind: 'clamped', value, used: value.join(',') };
    },
    write: (s) => (s.layerKinds.some((k) => k !== '') ? s.layerKinds.join(',') : null),
  };

  const inputs: Property = {
    key: 'inputs',
    field: 'inputs',
    allowed: () => `a comma-separated list of columns from ${INPUT_COLUMNS.join(', ')}`,
    defaultOf: () => ['x1', 'x2'],
    read(raw) {
      const parts = raw.split(',').filter((p) => p !== '');
      const value = INPUT_COLUMNS.filter((c) => parts.includes(c));
      if (value.length === 0) return { kind: 'bad' };
      return value.length === parts.length
        ? { kind: 'ok', value }
        : { kind: 'clamped', value, used: value.join(',') };
    },
    write: (s) => s.inputs.join(','),
  };

  return [
    numberProp('seed', 'seed', seed, d.seed),
    numberProp('dataSeed', 'dataSeed', seed, d.seed),
    choiceProp('data', 'dataset', names(catalog.datasets), DEFAULT_EXPERIMENT.dataset),
    numberProp('points', 'points', narrow(f('data.points'), 20, 2000), d.points),
    numberProp('noise', 'noise', f('data.noise'), d.noise),
    numberProp(
      'train',
      'trainFraction',
      narrow(f('data.train_fraction'), 0.1, 0.9),
      d.trainFraction,
    ),
    numberProp('batch', 'batchSize', narrow(f('training.batch_size'), 1, 500), d.batchSize),
    inputs,
    hidden,
    choiceProp('kind', 'kind', names(catalog.activations), DEFAULT_EXPERIMENT.kind),
    layerKinds,
    alpha,
    bound('lower'),
    bound('upper'),
    numberProp('lr', 'lr', f('optimizer.lr'), DEFAULT_EXPERIMENT.lr),
    choiceProp('opt', 'optimizer', names(catalog.optimizers), DEFAULT_EXPERIMENT.optimizer),
    choiceProp('init', 'init', names(catalog.weightInits), DEFAULT_EXPERIMENT.init),
    choiceProp('bias', 'bias', names(catalog.biasInits), DEFAULT_EXPERIMENT.bias),
    // The page's own: a small positive start keeps ReLU units awake (the core's default is 0).
    numberProp('biasValue', 'biasValue', narrow(f('init.bias_value'), -1, 1), 0.1, usesValue),
    choiceProp('reg', 'regularization', () => ['none', 'l1', 'l2'], 'none'),
    numberProp('regRate', 'regRate', f('regularization.l2'), 0.001),
    numberProp('eval', 'evalEvery', narrow(f('training.eval_every'), 1, 10_000), d.evalEvery),
    choiceProp('speed', 'speed', () => SPEEDS, '10'),
    boolProp('alphaResets', 'alphaResets', false),
    boolProp('showTest', 'showTest', false),
    boolProp('discretize', 'discretize', false),
  ];
}

/** Every setting at its default (rows in order, so alpha follows the kind). */
export function defaultSettings<S = Settings>(props: readonly Property<S>[]): S {
  const s = {} as S;
  for (const p of props) (s as unknown as Record<string, unknown>)[p.field] = p.defaultOf(s);
  return s;
}

/** The row of `field`. */
export function propertyOf<S = Settings>(
  props: readonly Property<S>[],
  field: keyof S & string,
): Property<S> {
  const p = props.find((x) => x.field === field);
  if (p === undefined) throw new Error(`no property for ${String(field)}`);
  return p;
}

export type { InputColumn };
