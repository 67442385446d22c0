// What the card says about one unit, read from the core's layout, evaluation and parameters.
// Pure: it picks values out, it computes nothing the core reports.
import type { Evaluation, Layout, UnitStateName } from '../../run/protocol';
import { formatValue } from '../../text/format';

export interface UnitInfo {
  title: string;
  activation: string;
  /** Hidden units only. */
  firstLayer?: boolean;
  rate?: number;
  state?: UnitStateName;
  bornDead?: boolean;
  revivals?: number;
  bias?: number;
  alpha?: string;
  histogram?: { bins: number[]; range: number };
}

/** "34%", "0.4%", "0%": the activation rate as a percentage for display. */
export function ratePercent(rate: number): string {
  if (!Number.isFinite(rate)) return '—';
  const p = rate * 100;
  if (p === 0 || p === 100) return `${p}%`;
  return `${Number(p.toPrecision(p < 1 || p > 99 ? 1 : 2))}%`;
}

/** The slope alpha of unit `unit` as reported for its layer, in words; undefined if none. */
export function alphaText(
  alpha: number | number[] | undefined,
  activation: string,
  unit: number,
): string | undefined {
  if (alpha === undefined) return undefined;
  const learned = activation === 'prelu';
  if (Array.isArray(alpha)) {
    if (alpha.length === 0) return undefined;
    if (alpha.length > 1) {
      const v = alpha[unit];
      return v === undefined ? undefined : `${formatValue(v)} (learned, this unit)`;
    }
    return `${formatValue(alpha[0]!)} (${learned ? 'learned, ' : ''}whole layer)`;
  }
  return `${formatValue(alpha)} (${learned ? 'learned, ' : ''}whole layer)`;
}

/** Row `unit` of a units x bins histogram block. */
export function histogramRow(block: readonly number[], units: number, unit: number): number[] {
  if (units <= 0 || block.length % units !== 0) return [];
  const bins = block.length / units;
  return block.slice(unit * bins, (unit + 1) * bins);
}

/** Mean of a layer's reported alpha for the chart of alpha over time (display only). */
export function meanAlpha(alpha: number | number[] | undefined): number | null {
  if (alpha === undefined) return null;
  if (!Array.isArray(alpha)) return Number.isFinite(alpha) ? alpha : null;
  if (alpha.length === 0) return null;
  let sum = 0;
  for (const a of alpha) sum += a;
  return sum / alpha.length;
}

/** The card of unit `unit` of layer `layer` (an index into layout.layers). */
export function unitInfo(
  layout: Layout,
  evaluation: Evaluation | null,
  params: Float32Array | null,
  layer: number,
  unit: number,
): UnitInfo {
  const spec = layout.layers[layer];
  if (spec === undefined) return { title: 'Unknown unit', activation: '' };
  const bias = params?.[spec.b + unit];
  const info: UnitInfo = {
    title: spec.output
      ? spec.out > 1
        ? `Output ${unit + 1}`
        : 'Output unit'
      : `Layer ${layer + 1}, unit ${unit + 1}`,
    activation: spec.activation,
  };
  if (bias !== undefined) info.bias = bias;
  const ev = spec.output ? undefined : evaluation?.layers[layer];
  if (ev === undefined) return info;
  info.firstLayer = layer === 0;
  const rate = ev.rate?.[unit];
  const state = ev.state?.[unit];
  if (rate !== undefined) info.rate = rate;
  if (state !== undefined) info.state = state;
  info.bornDead = (ev.born_dead_units?.[unit] ?? 0) !== 0;
  info.revivals = ev.revivals?.[unit] ?? 0;
  const alpha = alphaText(ev.alpha, ev.activation, unit);
  if (alpha !== undefined) info.alpha = alpha;
  const bins = histogramRow(ev.unit_histograms ?? [], ev.units, unit);
  if (bins.length > 0) info.histogram = { bins, range: ev.histogram_range };
  return info;
}
