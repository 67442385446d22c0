// Settings <-> the URL hash (`#seed=1&data=spiral&...&live=1200:alpha:0.2`). Reading never
// trusts the link: each value is checked against its property row; a bad value keeps the
// default, an out-of-range one is moved into range, an unknown key is named with the closest
// known one, and each of these comes back as a notice that says exactly what happened.
import { formatNumber, parseFiniteNumber } from './parse-number';
import { defaultSettings, type Property } from './properties';
import { PAGE_LIMITS, type LiveChange, type LiveField, type Settings } from './settings';

export interface LinkNotice {
  key: string;
  /** The value found (shortened), or '' for an unknown key. */
  value: string;
  /** Plain words: what happened and what is used instead. */
  text: string;
}

export interface ParsedLink<S = Settings> {
  settings: S;
  /** Live changes to replay, in step order. */
  live: LiveChange[];
  notices: LinkNotice[];
}

export const LIVE_KEY = 'live';
const MAX_SHOWN = 40;
const shown = (v: string): string => (v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v);

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(
        row[j]! + 1,
        row[j - 1]! + 1,
        prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known key closest to `key`. */
export function closestKey(key: string, known: readonly string[]): string {
  let best = known[0] ?? '';
  for (const k of known) if (distance(key, k) < distance(key, best)) best = k;
  return best;
}

/** Live changes: `step:field:value` separated by `;`, steps ascending. */
export function parseLive(raw: string): LiveChange[] | null {
  if (raw.trim() === '') return [];
  const out: LiveChange[] = [];
  for (const part of raw.split(';')) {
    const [stepText, field, valueText] = part.split(':');
    const step = parseFiniteNumber(stepText ?? '');
    const value = parseFiniteNumber(valueText ?? '');
    if (step === null || !Number.isInteger(step) || step < 0 || value === null) return null;
    if (field !== 'alpha' && field !== 'lr') return null;
    if (out.length > 0 && step < out[out.length - 1]!.step) return null;
    out.push({ step, field: field as LiveField, value });
  }
  return out.length > PAGE_LIMITS.liveChanges ? null : out;
}

export function writeLive(live: readonly LiveChange[]): string {
  return live.map((c) => `${c.step}:${c.field}:${formatNumber(c.value)}`).join(';');
}

/** Reads the live changes under `key`: the changes, or [] and a notice when they are bad. */
export function readLive(
  key: string,
  raw: string,
): { live: LiveChange[]; notice: LinkNotice | null } {
  const parsed = parseLive(raw);
  if (parsed !== null) return { live: parsed, notice: null };
  return {
    live: [],
    notice: {
      key,
      value: shown(raw),
      text: `The link's live changes “${shown(raw)}” were not replayed: they must be step:alpha:value or step:lr:value entries separated by “;”, steps ascending, at most ${PAGE_LIMITS.liveChanges}.`,
    },
  };
}

/**
 * Reads a hash (with or without `#`). `otherKeys` are keys that belong to someone else (the
 * mode, the variant flag) and are neither read nor reported here.
 */
export function parseLink<S = Settings>(
  hash: string,
  props: readonly Property<S>[],
  otherKeys: readonly string[] = [],
): ParsedLink<S> {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const s = defaultSettings(props);
  const notices: LinkNotice[] = [];
  const known = [...props.map((p) => p.key), LIVE_KEY, ...otherKeys];
  for (const key of new Set(params.keys())) {
    if (known.includes(key)) continue;
    notices.push({
      key: shown(key),
      value: '',
      text: `The link's key “${shown(key)}” is not one this page knows (did you mean “${closestKey(key, known)}”?), so it was ignored.`,
    });
  }
  for (const p of props) {
    const raw = params.get(p.key);
    const target = s as unknown as Record<string, unknown>;
    if (raw === null) {
      target[p.field] = p.defaultOf(s); // defaults that follow earlier rows (alpha of the kind)
      continue;
    }
    const r = p.read(raw, s);
    if (r.kind === 'ok') target[p.field] = r.value;
    else if (r.kind === 'clamped') {
      target[p.field] = r.value;
      notices.push({
        key: p.key,
        value: shown(raw),
        text: `The link's ${p.key} “${shown(raw)}” is out of range (${p.key} must be ${p.allowed(s)}), so ${r.used} is used instead.`,
      });
    } else {
      const d = p.defaultOf(s);
      target[p.field] = d;
      notices.push({
        key: p.key,
        value: shown(raw),
        text: `The link's ${p.key} “${shown(raw)}” was not used (${p.key} must be ${p.allowed(s)}); the default ${Array.isArray(d) ? d.join(',') : String(d)} is kept.`,
      });
    }
  }
  let live: LiveChange[] = [];
  const rawLive = params.get(LIVE_KEY);
  if (rawLive !== null) {
    const read = readLive(LIVE_KEY, rawLive);
    live = read.live;
    if (read.notice !== null) notices.push(read.notice);
  }
  return { settings: s, live, notices };
}

/** The hash (without `#`) of `s` with `live` changes: every setting that applies, in order. */
export function writeLink<S = Settings>(
  s: S,
  live: readonly LiveChange[],
  props: readonly Property<S>[],
  /** More live changes under keys of their own (a compare grid's runs), in order. */
  moreLive: readonly (readonly [string, readonly LiveChange[]])[] = [],
): string {
  const params = new URLSearchParams();
  for (const p of props) {
    const text = p.write(s);
    if (text !== null) params.set(p.key, text);
  }
  if (live.length > 0) params.set(LIVE_KEY, writeLive(live));
  for (const [key, changes] of moreLive)
    if (changes.length > 0) params.set(key, writeLive(changes));
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';');
}
