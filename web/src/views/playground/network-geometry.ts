// Where the network view draws things: one column per layer (inputs, hidden layers, output),
// at most `cap` units drawn per column, the rest summarised as "+N more". Pure.

export type ColumnKind = 'input' | 'hidden' | 'output';

export interface NetworkShape {
  inputs: number;
  /** Units of each layer of weights, the output layer last. */
  layers: readonly number[];
}

export interface UnitPlace {
  /** Unit index within its layer. */
  unit: number;
  x: number;
  y: number;
}

export interface Column {
  kind: ColumnKind;
  /** -1 for the inputs, else the index into layout.layers / evaluation.layers. */
  layer: number;
  units: number;
  /** Units not drawn. */
  more: number;
  x: number;
  places: UnitPlace[];
}

export interface NetworkGeometry {
  width: number;
  height: number;
  /** Radius of a unit. */
  radius: number;
  /** y of the column labels (baseline) and of the "+N more" notes. */
  labelY: number;
  moreY: number;
  columns: Column[];
}

export interface GeometryOptions {
  /** Space kept on the left for input names and on the right for the output. */
  left: number;
  right: number;
  /** Units drawn per column at most. */
  cap: number;
  maxRadius: number;
  minRadius: number;
  /** Height of the tallest column at most (units shrink to fit, down to minRadius). */
  maxBody: number;
}

export const DEFAULT_GEOMETRY: GeometryOptions = {
  left: 56,
  right: 28,
  cap: 32,
  maxRadius: 13,
  minRadius: 4,
  maxBody: 440,
};

const TOP = 30; // room for the column labels
const BOTTOM = 24; // room for "+N more"

export function shownUnits(units: number, cap: number): number {
  return Math.max(0, Math.min(units, cap));
}

/** Lays out the columns over `width` pixels. */
export function networkGeometry(
  shape: NetworkShape,
  width: number,
  options: GeometryOptions = DEFAULT_GEOMETRY,
): NetworkGeometry {
  const sizes = [shape.inputs, ...shape.layers];
  const count = sizes.length;
  const inner = Math.max(1, width - options.left - options.right);
  const spacing = count > 1 ? inner / (count - 1) : inner;
  const maxShown = Math.max(1, ...sizes.map((n) => shownUnits(n, options.cap)));
  // A unit takes at most ~40% of the column spacing and the tallest column fits maxBody;
  // rows keep a gap of 0.6 radius.
  const fit = options.maxBody / maxShown / 2.6;
  const radius = Math.max(options.minRadius, Math.min(options.maxRadius, spacing * 0.2, fit));
  const row = radius * 2.6;
  const body = maxShown * row;
  const height = Math.ceil(TOP + body + BOTTOM);
  const columns: Column[] = sizes.map((units, i) => {
    const shown = shownUnits(units, options.cap);
    const x = count > 1 ? options.left + spacing * i : options.left + inner / 2;
    const top = TOP + (body - shown * row) / 2 + row / 2;
    const places = Array.from({ length: shown }, (_, u) => ({ unit: u, x, y: top + u * row }));
    const kind: ColumnKind = i === 0 ? 'input' : i === count - 1 ? 'output' : 'hidden';
    return { kind, layer: i - 1, units, more: units - shown, x, places };
  });
  return { width, height, radius, labelY: 16, moreY: height - 6, columns };
}

/** Pixels between neighbouring columns. */
export function columnSpacing(g: NetworkGeometry): number {
  const [a, b] = g.columns;
  return a !== undefined && b !== undefined ? b.x - a.x : g.width;
}

/** Short column label that fits the spacing between columns. */
export function columnLabel(column: Column, spacing: number): string {
  if (column.kind === 'input') return spacing >= 60 ? 'Inputs' : 'In';
  if (column.kind === 'output') return spacing >= 60 ? 'Output' : 'Out';
  const n = column.layer + 1;
  return spacing >= 60 ? `Layer ${n}` : `${n}`;
}

/** Labels of all columns; on narrow spacing only every k-th hidden layer is numbered. */
export function columnLabels(g: NetworkGeometry): (string | null)[] {
  const spacing = columnSpacing(g);
  const every = Math.max(1, Math.ceil(26 / Math.max(1, spacing)));
  return g.columns.map((c) => {
    if (c.kind !== 'hidden')
      return spacing >= 30 || c.kind === 'input' ? columnLabel(c, spacing) : null;
    const n = c.layer + 1;
    return n === 1 || n % every === 0 ? columnLabel(c, spacing) : null;
  });
}

/** "+N more" under a capped column, shorter or none when columns are close. */
export function moreLabel(more: number, spacing: number): string | null {
  if (more <= 0) return null;
  if (spacing >= 64) return `+${more} more`;
  if (spacing >= 40) return `+${more}`;
  return null;
}

/** Links are drawn only when columns are far enough apart to tell them apart. */
export function linksVisible(g: NetworkGeometry): boolean {
  return columnSpacing(g) >= 28;
}

/** A note under the view when it leaves things out (capped columns, links). */
export function networkNote(g: NetworkGeometry, cap: number): string {
  const parts: string[] = [];
  const capped = g.columns.filter((c) => c.more > 0);
  if (capped.length > 0) {
    const hiddenOnly = capped.every((c) => c.kind === 'hidden');
    parts.push(
      `Showing the first ${cap} units of ${hiddenOnly ? 'each wide layer' : 'each wide column'}.`,
    );
  }
  if (!linksVisible(g)) parts.push('Links are left out: too many layers for this width.');
  return parts.join(' ');
}
