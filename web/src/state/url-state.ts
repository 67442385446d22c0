// The page state in the URL hash (`#kind=leaky_relu&alpha=0.2`), so a link reproduces the view.
// Parsing never trusts the link: unknown kinds and bad numbers fall back to defaults and
// come back as notices that name the field, the value found and what is allowed.
import type { ActivationKind } from '../wasm/build-info';
import { formatNumber, parseFiniteNumber } from './parse-number';

export interface PageState {
  kind: string;
  alpha: number;
  lower: number;
  upper: number;
}

export interface UrlNotice {
  field: string;
  value: string;
  message: string;
}

export const DEFAULT_KIND = 'leaky_relu';
const MAX_SHOWN = 40;

function shown(value: string): string {
  return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
}

/** The defaults for `kind` (which must be one of `kinds`). */
export function defaultState(kinds: readonly ActivationKind[], kind?: string): PageState {
  const k =
    kinds.find((x) => x.name === kind) ?? kinds.find((x) => x.name === DEFAULT_KIND) ?? kinds[0];
  if (k === undefined) throw new Error('no activation kinds');
  return { kind: k.name, alpha: k.defaultAlpha, lower: k.defaultLower, upper: k.defaultUpper };
}

/** Parses `location.hash` (with or without the leading `#`). */
export function parseHash(
  hash: string,
  kinds: readonly ActivationKind[],
): { state: PageState; notices: UrlNotice[] } {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const notices: UrlNotice[] = [];

  const rawKind = params.get('kind');
  const known = rawKind === null ? undefined : kinds.find((k) => k.name === rawKind);
  if (rawKind !== null && known === undefined) {
    notices.push({
      field: 'kind',
      value: shown(rawKind),
      message: `kind must be one of ${kinds.map((k) => k.name).join(', ')}`,
    });
  }
  const state = defaultState(kinds, known?.name);
  const kind = kinds.find((k) => k.name === state.kind) as ActivationKind;

  const number = (field: 'alpha' | 'lower' | 'upper', allowed: string): number | null => {
    const raw = params.get(field);
    if (raw === null) return null;
    const x = parseFiniteNumber(raw);
    if (x === null) {
      notices.push({ field, value: shown(raw), message: `${field} must be ${allowed}` });
    }
    return x;
  };

  if (kind.alpha) {
    const a = number('alpha', 'a finite number (usually 0 ≤ α < 1)');
    if (a !== null) state.alpha = a;
  }
  if (kind.lowerUpper) {
    // Only the syntax is checked here; the core checks 0 ≤ lower ≤ upper (see app.ts).
    state.lower = number('lower', 'a finite number, 0 ≤ lower ≤ upper') ?? state.lower;
    state.upper = number('upper', 'a finite number, upper ≥ lower') ?? state.upper;
  }
  return { state, notices };
}

/** The hash for `state` (without `#`); only the parameters the kind uses. */
export function serializeHash(state: PageState, kinds: readonly ActivationKind[]): string {
  const kind = kinds.find((k) => k.name === state.kind);
  const params = new URLSearchParams({ kind: state.kind });
  if (kind?.alpha) params.set('alpha', formatNumber(state.alpha));
  if (kind?.lowerUpper) {
    params.set('lower', formatNumber(state.lower));
    params.set('upper', formatNumber(state.upper));
  }
  return params.toString();
}

/** Notice text for people, naming the field, the value found and what is allowed. */
export function describeNotice(n: UrlNotice): string {
  const message = n.message.replace(/\.$/, '');
  return `The link's ${n.field} value “${shown(n.value)}” was ignored: ${message}. Using the default instead.`;
}
