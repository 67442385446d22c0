// Property rows the question pages need beyond the playground's: lists of numbers (α values,
// depths, widths) checked entry by entry against the core's ranges.
import { formatNumber, parseFiniteNumber } from '../../state/parse-number';
import type { Property } from '../../state/properties';
import { inRange, type Range } from '../../wasm/catalog';

/**
 * A comma-separated list of 1 to `most` numbers, each within `range`; `a-b` spans whole numbers.
 */
export function listProp<S>(
  key: string,
  field: keyof S & string,
  range: Range,
  fallback: readonly number[],
  most: number,
  /** Repeated entries kept (layer sizes) or dropped (α values, depths). */
  repeats = false,
): Property<S> {
  return {
    key,
    field,
    allowed: () =>
      `1 to ${most} numbers separated by commas (a-b for every whole number from a to b), each ${range.text}`,
    defaultOf: () => [...fallback],
    read(raw) {
      const xs: number[] = [];
      for (const part of raw.split(',')) {
        const span = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(part);
        if (span !== null && range.integer) {
          const [a, b] = [Number(span[1]), Number(span[2])];
          if (b < a || b - a > most) return { kind: 'bad' };
          for (let x = a; x <= b; x++) xs.push(x);
          continue;
        }
        const x = parseFiniteNumber(part);
        if (x === null || (range.integer && !Number.isInteger(x))) return { kind: 'bad' };
        xs.push(x);
      }
      const inside = xs.filter((x) => inRange(range, x));
      const kept = (repeats ? inside : [...new Set(inside)]).slice(0, most);
      if (kept.length === 0) return { kind: 'bad' };
      return kept.length === xs.length
        ? { kind: 'ok', value: kept }
        : { kind: 'clamped', value: kept, used: kept.map(formatNumber).join(',') };
    },
    write: (s) => (s[field] as unknown as number[]).map(formatNumber).join(','),
  };
}
