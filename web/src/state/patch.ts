// A change of several settings at once, checked row by row: what the stores of every mode do
// before they decide what a change means for their runs. Pure.
import { formatNumber } from './parse-number';
import { propertyOf, type Property } from './properties';
import type { Settings } from './settings';

/** A change of one setting that was refused, in words. */
export interface Refusal<S = Settings> {
  field: keyof S & string;
  text: string;
}

export interface Patched<S> {
  next: S;
  refusals: Refusal<S>[];
  /** Fields that were accepted and differ from before (a value already set changes nothing). */
  changed: (keyof S & string)[];
}

export function applyPatch<S>(
  props: readonly Property<S>[],
  current: S,
  patch: Partial<S>,
): Patched<S> {
  const refusals: Refusal<S>[] = [];
  const next = { ...current };
  for (const [field, value] of Object.entries(patch) as [keyof S & string, unknown][]) {
    const p = propertyOf(props, field);
    const text = Array.isArray(value) ? value.join(',') : String(value);
    const r = p.read(typeof value === 'number' ? formatNumber(value) : text, next);
    if (r.kind !== 'ok') {
      refusals.push({ field, text: `${p.key} must be ${p.allowed(next)}` });
      continue;
    }
    (next as Record<string, unknown>)[field] = r.value;
  }
  const changed = (Object.keys(patch) as (keyof S & string)[]).filter(
    (f) =>
      !refusals.some((r) => r.field === f) &&
      JSON.stringify(next[f]) !== JSON.stringify(current[f]),
  );
  return { next, refusals, changed };
}

/** The refusal of one value for `field`, or none. */
export function check<S>(
  props: readonly Property<S>[],
  current: S,
  field: keyof S & string,
  value: number | string,
): Refusal<S>[] {
  const p = propertyOf(props, field);
  const r = p.read(typeof value === 'number' ? formatNumber(value) : value, current);
  return r.kind === 'ok' ? [] : [{ field, text: `${p.key} must be ${p.allowed(current)}` }];
}
