// What defines a sweep on the page, and its rows of the link: the playground's settings for the
// base network (so every run opens in the playground with exactly its settings), the alphas, one
// optional factor crossed with them, the seeds and the step budget.
import { choiceProp, makeProperties, numberProp, type Property } from '../../state/properties';
import { formatNumber, parseFiniteNumber } from '../../state/parse-number';
import { PAGE_LIMITS, type Settings } from '../../state/settings';
import { fieldRange, narrow, type Catalog } from '../../wasm/catalog';
import type { SweepCatalog } from './sweep-catalog';

export const SWEEP_MODE = 'sweep';
export const NO_FACTOR = 'none';

export interface SweepSettings extends Settings {
  alphas: number[];
  /** A factor's name from the catalog, or NO_FACTOR. */
  factor: string;
  /** The factor's values as the link spells them: names or numbers. */
  levels: string[];
  seeds: number;
  steps: number;
  /** Steps to reach this training loss are reported; 0: no target. */
  target: number;
}

/** The page's own bounds: lists a plot can show, runs that open in the playground. */
export const SWEEP_LIMITS = {
  alphas: 20,
  levels: 6,
  steps: { min: 1, max: 100_000 },
} as const;

/** The default levels of each factor when it is picked. */
export function defaultLevels(factor: string, s: SweepSettings): string[] {
  switch (factor) {
    case 'activation':
      return ['relu', 'leaky_relu'];
    case 'depth':
      return ['1', '2', '4'];
    case 'width':
      return ['4', '8', '16'];
    case 'init':
      return ['he_normal', 'xavier_normal'];
    case 'lr':
      return [0.3, 1, 3].map((k) => formatNumber(Number((s.lr * k).toPrecision(3))));
    default:
      return [];
  }
}

/** Each level of `factor` allowed on the page, or the words of what is. */
export function levelProblem(factor: string, level: string, catalog: Catalog): string | null {
  const n = parseFiniteNumber(level);
  switch (factor) {
    case 'activation':
      return catalog.activations.some((k) => k.name === level)
        ? null
        : `an activation: ${catalog.activations.map((k) => k.name).join(', ')}`;
    case 'init':
      return catalog.weightInits.some((w) => w.name === level)
        ? null
        : `an initializer: ${catalog.weightInits.map((w) => w.name).join(', ')}`;
    case 'depth':
      return n !== null && Number.isInteger(n) && n >= 1 && n <= PAGE_LIMITS.layers
        ? null
        : `a whole number of layers within [1, ${PAGE_LIMITS.layers}]`;
    case 'width':
      return n !== null && Number.isInteger(n) && n >= 1 && n <= PAGE_LIMITS.units
        ? null
        : `a whole number of units within [1, ${PAGE_LIMITS.units}]`;
    case 'lr': {
      const r = fieldRange(catalog, 'optimizer.lr');
      return n !== null && n > r.min && n <= r.max ? null : `a learning rate ${r.text}`;
    }
    default:
      return 'no factor takes values';
  }
}

function listProp(
  key: string,
  field: 'alphas' | 'levels',
  allowed: string,
  max: number,
  fallback: (s: SweepSettings) => string[] | number[],
  item: (t: string, s: SweepSettings) => string | number | null,
): Property<SweepSettings> {
  return {
    key,
    field,
    allowed: () => allowed,
    defaultOf: (s) => [...fallback(s)],
    read(raw, s) {
      const items = raw.split(',').map((t) => item(t.trim(), s));
      if (items.length === 0 || items.some((x) => x === null)) return { kind: 'bad' };
      if (items.length <= max) return { kind: 'ok', value: items };
      return { kind: 'clamped', value: items.slice(0, max), used: items.slice(0, max).join(',') };
    },
    write: (s) => (s[field].length === 0 ? null : s[field].map(String).join(',')),
  };
}

export function makeSweepProperties(
  catalog: Catalog,
  sweep: SweepCatalog,
): readonly Property<SweepSettings>[] {
  const base = makeProperties(catalog) as unknown as readonly Property<SweepSettings>[];
  const factors = [NO_FACTOR, ...sweep.factors.map((f) => f.name)];
  const steps = narrow(
    fieldRange(catalog, 'training.steps'),
    SWEEP_LIMITS.steps.min,
    SWEEP_LIMITS.steps.max,
  );
  const target = fieldRange(catalog, 'training.target_loss');
  return [
    ...base,
    listProp(
      'alphas',
      'alphas',
      `1 to ${SWEEP_LIMITS.alphas} finite numbers separated by commas`,
      SWEEP_LIMITS.alphas,
      () => sweep.defaultAlphas,
      (t) => parseFiniteNumber(t),
    ),
    choiceProp<SweepSettings>('factor', 'factor', () => factors, NO_FACTOR),
    listProp(
      'levels',
      'levels',
      `1 to ${SWEEP_LIMITS.levels} values of the factor separated by commas`,
      SWEEP_LIMITS.levels,
      (s) => defaultLevels(s.factor, s),
      (t, s) => (s.factor !== NO_FACTOR && levelProblem(s.factor, t, catalog) === null ? t : null),
    ),
    numberProp<SweepSettings>('seeds', 'seeds', sweep.pageSeeds, 5),
    numberProp<SweepSettings>('steps', 'steps', steps, 2000),
    numberProp<SweepSettings>('target', 'target', target, 0, (s) => s.target > 0),
  ];
}
