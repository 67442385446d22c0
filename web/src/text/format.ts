// Display formatting of values computed by the core (display only, no arithmetic on results).

/** Up to 4 significant digits, trailing zeros dropped, a real minus sign: `−0.4`, `1`, `0.2`. */
export function formatValue(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const s = String(Number(x.toPrecision(4)));
  return s.replace('-', '−');
}

/** A count with thousands separators: `12,480`. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : formatValue(n);
}

/** A share as a percentage with one decimal: `37.5%`. */
export function formatPercent(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : formatValue(x);
}

/** A rate with a metric suffix and 3 significant digits: `412 k`, `1.05 M`. */
export function formatRate(x: number): string {
  if (!Number.isFinite(x)) return formatValue(x);
  const units: [number, string][] = [
    [1e9, ' G'],
    [1e6, ' M'],
    [1e3, ' k'],
  ];
  for (const [scale, suffix] of units)
    if (Math.abs(x) >= scale) return `${Number((x / scale).toPrecision(3))}${suffix}`;
  return String(Number(x.toPrecision(3)));
}
