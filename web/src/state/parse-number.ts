// Strict parsing of a decimal number typed by a person or found in a link.

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Returns the finite number written in `text`, or null.
 * Accepts `0.2`, `-1`, `.5`, `2e-3`, `0,2` (comma as decimal separator) and surrounding spaces;
 * rejects empty text, `NaN`, `Infinity`, hex, `1e999` (overflows) and anything else.
 */
export function parseFiniteNumber(text: string): number | null {
  if (text.length > 64) return null;
  let t = text.trim();
  if (!t.includes('.') && t.split(',').length === 2) t = t.replace(',', '.');
  if (!DECIMAL.test(t)) return null;
  const x = Number(t);
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : x; // no -0
}

/** A short, exact rendering of a number for inputs and links (`0.2`, not `0.20000000298`). */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}
