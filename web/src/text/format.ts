// Display formatting of values computed by the core (display only, no arithmetic on results).

/** Up to 4 significant digits, trailing zeros dropped, a real minus sign: `−0.4`, `1`, `0.2`. */
export function formatValue(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const s = String(Number(x.toPrecision(4)));
  return s.replace('-', '−');
}
