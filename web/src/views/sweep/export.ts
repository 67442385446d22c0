// A sweep's results as files: the run lines exactly as the core wrote them (what `leaky-lab
// sweep` writes, one JSON object a line), and the same runs as CSV, one column per field.

/** JSON lines: one run a line, in run order. */
export function runsJsonl(lines: readonly string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header: every field any run has, in the order the lines first give them. */
export function runsCsv(lines: readonly string[]): string {
  const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const out = [columns.join(',')];
  for (const r of rows) out.push(columns.map((c) => csvCell(r[c])).join(','));
  return `${out.join('\n')}\n`;
}
