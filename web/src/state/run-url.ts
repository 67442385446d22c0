// The run's settings in the URL hash, as a declarative property table (TensorFlow Playground
// style): one row per setting with its key, type and allowed values. Parsing never trusts the
// link: a malformed value falls back to the default, an out-of-range one is clamped, and both
// come back as notices naming the field, the value found and what is allowed.
// (kind, alpha, lower and upper stay with url-state.ts: the activation explorer's fields.)
import { formatNumber, parseFiniteNumber } from './parse-number';
import {
  BIASES,
  DATASETS,
  INITS,
  MAX_LAYERS,
  MAX_UNITS,
  OPTIMIZERS,
  REGULARIZATIONS,
  STEPS_PER_FRAME,
  defaultSettings,
  type RunSettings,
} from './run-settings';

export interface RunUrlNotice {
  field: string;
  value: string;
  message: string;
  /** Set when the value was clamped rather than ignored. */
  usedInstead?: string;
}

type NumberField =
  | 'seed'
  | 'points'
  | 'noise'
  | 'trainFraction'
  | 'batchSize'
  | 'lr'
  | 'biasValue'
  | 'regRate'
  | 'stepsPerFrame';
type EnumField = 'dataset' | 'optimizer' | 'init' | 'bias' | 'regularization';
type BoolField = 'xSquared' | 'x1x2' | 'sin' | 'alphaResets';

export type Property =
  | {
      key: string;
      field: NumberField;
      type: 'number' | 'int';
      min: number;
      max: number;
      choices?: readonly number[];
    }
  | { key: string; field: EnumField; type: 'enum'; values: readonly string[] }
  | { key: string; field: BoolField; type: 'bool' }
  | { key: string; field: 'hidden'; type: 'units'; min: number; max: number; maxLength: number }
  | { key: string; field: 'layerKinds'; type: 'kinds' };

/** Every run setting the link carries, in the order it is written. */
export const RUN_PROPERTIES: readonly Property[] = [
  { key: 'seed', field: 'seed', type: 'int', min: 0, max: 2 ** 31 - 1 },
  { key: 'data', field: 'dataset', type: 'enum', values: DATASETS },
  { key: 'points', field: 'points', type: 'int', min: 20, max: 2000 },
  { key: 'noise', field: 'noise', type: 'number', min: 0, max: 1 },
  { key: 'train', field: 'trainFraction', type: 'number', min: 0.1, max: 0.9 },
  { key: 'batch', field: 'batchSize', type: 'int', min: 1, max: 500 },
  { key: 'x2', field: 'xSquared', type: 'bool' },
  { key: 'x1x2', field: 'x1x2', type: 'bool' },
  { key: 'sin', field: 'sin', type: 'bool' },
  { key: 'hidden', field: 'hidden', type: 'units', min: 1, max: MAX_UNITS, maxLength: MAX_LAYERS },
  { key: 'acts', field: 'layerKinds', type: 'kinds' },
  { key: 'lr', field: 'lr', type: 'number', min: 1e-6, max: 10 },
  { key: 'opt', field: 'optimizer', type: 'enum', values: OPTIMIZERS },
  { key: 'init', field: 'init', type: 'enum', values: INITS },
  { key: 'bias', field: 'bias', type: 'enum', values: BIASES },
  { key: 'biasValue', field: 'biasValue', type: 'number', min: -1, max: 1 },
  { key: 'reg', field: 'regularization', type: 'enum', values: REGULARIZATIONS },
  { key: 'regRate', field: 'regRate', type: 'number', min: 0, max: 10 },
  { key: 'spf', field: 'stepsPerFrame', type: 'int', min: 1, max: 500, choices: STEPS_PER_FRAME },
  { key: 'alphaResets', field: 'alphaResets', type: 'bool' },
];

const MAX_SHOWN = 40;
const shown = (v: string): string => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v);
const TRUE = ['1', 'true', 'on', 'yes'];
const FALSE = ['0', 'false', 'off', 'no'];

/** The nearest allowed choice (ties go to the smaller). */
function nearest(x: number, choices: readonly number[]): number {
  let best = choices[0] as number;
  for (const c of choices) if (Math.abs(c - x) < Math.abs(best - x)) best = c;
  return best;
}

function rangeText(p: { type: 'number' | 'int'; min: number; max: number }): string {
  const kind = p.type === 'int' ? 'a whole number' : 'a number';
  return `${kind} within [${formatNumber(p.min)}, ${formatNumber(p.max)}]`;
}

/**
 * Reads the run settings from a hash (with or without `#`). `kinds` are the activation names
 * the core knows (for per-layer activations).
 */
export function parseRunHash(
  hash: string,
  kinds: readonly string[],
): { settings: RunSettings; notices: RunUrlNotice[] } {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const s = defaultSettings();
  const notices: RunUrlNotice[] = [];
  const ignored = (key: string, raw: string, message: string): void => {
    notices.push({ field: key, value: shown(raw), message });
  };
  const clamped = (key: string, raw: string, message: string, used: string): void => {
    notices.push({ field: key, value: shown(raw), message, usedInstead: used });
  };

  for (const p of RUN_PROPERTIES) {
    const raw = params.get(p.key);
    if (raw === null) continue;
    switch (p.type) {
      case 'number':
      case 'int': {
        const x = parseFiniteNumber(raw);
        if (x === null || (p.type === 'int' && !Number.isInteger(x))) {
          ignored(p.key, raw, `${p.key} must be ${rangeText(p)}`);
          break;
        }
        let v = Math.min(p.max, Math.max(p.min, x));
        if (p.choices !== undefined) v = nearest(v, p.choices);
        if (v !== x) {
          const allowed = p.choices ? `one of ${p.choices.join(', ')}` : rangeText(p);
          clamped(p.key, raw, `${p.key} must be ${allowed}`, formatNumber(v));
        }
        s[p.field] = v;
        break;
      }
      case 'enum':
        if (p.values.includes(raw)) s[p.field] = raw;
        else ignored(p.key, raw, `${p.key} must be one of ${p.values.join(', ')}`);
        break;
      case 'bool': {
        const t = raw.trim().toLowerCase();
        if (TRUE.includes(t)) s[p.field] = true;
        else if (FALSE.includes(t)) s[p.field] = false;
        else ignored(p.key, raw, `${p.key} must be 1 (on) or 0 (off)`);
        break;
      }
      case 'units': {
        const text = raw.trim();
        const parts = text === '' ? [] : text.split(',');
        const xs = parts.map((t) => parseFiniteNumber(t));
        if (xs.some((x) => x === null || !Number.isInteger(x))) {
          ignored(
            p.key,
            raw,
            `${p.key} must list whole numbers of units separated by commas, e.g. 8,8 (0 to ${p.maxLength} layers of ${p.min} to ${p.max} units)`,
          );
          break;
        }
        const units = (xs as number[])
          .slice(0, p.maxLength)
          .map((x) => Math.min(p.max, Math.max(p.min, x)));
        if (xs.length > p.maxLength || units.some((u, i) => u !== xs[i])) {
          clamped(
            p.key,
            raw,
            `${p.key} allows 0 to ${p.maxLength} layers of ${p.min} to ${p.max} units`,
            units.join(','),
          );
        }
        s.hidden = units;
        break;
      }
      case 'kinds': {
        const parts = raw.split(',');
        const bad = parts.filter((k) => k !== '' && !kinds.includes(k));
        if (bad.length > 0)
          ignored(
            p.key,
            raw,
            `each entry of ${p.key} must be empty (the network's activation) or one of ${kinds.join(', ')}`,
          );
        s.layerKinds = parts.map((k) => (kinds.includes(k) ? k : ''));
        break;
      }
    }
  }
  // One activation entry per hidden layer.
  s.layerKinds = s.hidden.map((_, i) => s.layerKinds[i] ?? '');
  return { settings: s, notices };
}

/** The hash fields for `settings` (without `#`), every setting, in table order. */
export function serializeRunHash(settings: RunSettings): string {
  const params = new URLSearchParams();
  for (const p of RUN_PROPERTIES) {
    switch (p.type) {
      case 'number':
      case 'int':
        params.set(p.key, formatNumber(settings[p.field]));
        break;
      case 'enum':
        params.set(p.key, settings[p.field]);
        break;
      case 'bool':
        params.set(p.key, settings[p.field] ? '1' : '0');
        break;
      case 'units':
        params.set(p.key, settings.hidden.join(','));
        break;
      case 'kinds':
        if (settings.layerKinds.some((k) => k !== ''))
          params.set(p.key, settings.layerKinds.join(','));
        break;
    }
  }
  return params.toString().replace(/%2C/g, ',');
}

/** Notice text for people: the field, the value found, what is allowed and what is used. */
export function describeRunNotice(n: RunUrlNotice): string {
  const message = n.message.replace(/\.$/, '');
  return n.usedInstead === undefined
    ? `The link's ${n.field} value “${n.value}” was ignored: ${message}. Using the default instead.`
    : `The link's ${n.field} value “${n.value}” is out of range: ${message}. Using ${n.usedInstead} instead.`;
}
