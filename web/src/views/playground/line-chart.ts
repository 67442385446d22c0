// One uPlot time series chart in the style of the activation plot: axis labels, a legend with
// live values, the plot theme's fonts and grid. Resizes with its container.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from '../../dom';
import { formatValue } from '../../text/format';
import { onThemeChange, PLOT_THEME as T, themedAxis } from '../plot-theme';
import { lineSwatch } from './legend';
import { formatStep } from './summary-text';

export interface SeriesSpec {
  label: string;
  stroke: string;
  dash?: number[];
  width?: number;
  /** Draw across missing points (a ghost's steps interleave with the run's). */
  spanGaps?: boolean;
}

export interface ChartSpec {
  title: string;
  yLabel: string;
  series: SeriesSpec[];
  /**
   * Instead of uPlot's live legend (one entry per series, with values), a compact key: for
   * charts with many series (one per layer of a deep network).
   */
  key?: SeriesSpec[];
  /** Fixed y range; otherwise fitted to the data. */
  yRange?: [number, number];
  log?: boolean;
  /** Plot height in CSS pixels (default: 200 on narrow screens, 220 otherwise). */
  height?: number;
  /** The x axis (default: training steps). */
  x?: { label: string; format: (x: number) => string; log?: boolean };
}

/** A vertical line at step `x` with a short label: a live change of alpha or the rate. */
export interface Marker {
  x: number;
  label: string;
  /** The line's and label's colour (a comparison's run); the theme's marker colour if none. */
  colour?: string;
}

export class LineChart {
  readonly element: HTMLDivElement;
  private readonly host: HTMLDivElement;
  private readonly resize: ResizeObserver;
  private plot: uPlot;
  private data: uPlot.AlignedData;
  private markers: readonly Marker[] = [];
  private readonly stopTheme: () => void;

  constructor(private spec: ChartSpec) {
    this.host = h('div', { class: 'pv-chart-canvas', role: 'img', 'aria-label': spec.title });
    this.element = h('div', { class: 'pv-chart' }, this.host);
    if (spec.key !== undefined) {
      const items = spec.key.map((k) =>
        h('li', {}, lineSwatch(k.stroke, 3, k.dash?.join(' ') ?? ''), k.label),
      );
      this.element.append(
        h('ul', { class: 'pv-keys pv-chart-key', 'aria-label': 'Legend' }, ...items),
      );
    }
    this.data = [[], ...spec.series.map(() => [])];
    this.plot = this.build();
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(this.element);
    this.stopTheme = onThemeChange(() => this.rebuild());
  }

  setData(data: uPlot.AlignedData): void {
    this.data = data;
    this.plot.setData(data);
  }

  setMarkers(markers: readonly Marker[]): void {
    this.markers = markers;
    this.plot.redraw(false, false);
  }

  setLog(log: boolean): void {
    if (this.spec.log === log) return;
    this.spec = { ...this.spec, log };
    this.rebuild();
  }

  destroy(): void {
    this.resize.disconnect();
    this.stopTheme();
    this.plot.destroy();
  }

  /** uPlot keeps its colours from construction: a theme or scale change builds it anew. */
  private rebuild(): void {
    this.plot.destroy();
    this.plot = this.build();
    this.plot.setData(this.data);
  }

  private size(): { width: number; height: number } {
    const width = Math.max(240, Math.floor(this.element.clientWidth || 320));
    return { width, height: this.spec.height ?? (width < 480 ? 200 : 220) };
  }

  private fit(): void {
    const { width, height } = this.size();
    if (width !== this.plot.width || height !== this.plot.height)
      this.plot.setSize({ width, height });
  }

  private build(): uPlot {
    const spec = this.spec;
    const axis = (label: string): uPlot.Axis => themedAxis(label, { labelSize: 20 });
    const yScale: uPlot.Scale = spec.log ? { distr: 3, log: 10 } : {};
    if (spec.yRange !== undefined) yScale.range = spec.yRange;
    const opts: uPlot.Options = {
      ...this.size(),
      legend: {
        show: spec.key === undefined,
        live: true,
        markers: {
          width: 3,
          dash: (_u, i) => (spec.series[i - 1]?.dash ? 'dashed' : 'solid'),
        },
      },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      scales: { x: spec.x?.log ? { time: false, distr: 3, log: 10 } : { time: false }, y: yScale },
      axes: [
        {
          ...axis(spec.x?.label ?? 'step'),
          size: 34,
          labelSize: 16,
          space: 60,
          values: (_u, splits) => splits.map((v) => (spec.x?.format ?? formatStep)(v)),
        },
        {
          ...axis(spec.yLabel),
          size: 50,
          // Log axes label the powers of ten only (the other splits are minor grid lines).
          values: (_u, splits) =>
            splits.map((v) => (spec.log && !isPowerOfTen(v) ? '' : formatValue(v))),
        },
      ],
      series: [
        {
          label: spec.x?.label ?? 'step',
          value: (u, v, s, i) => show(u, v, s, i, spec.x?.format ?? formatStep),
        },
        ...spec.series.map((s): uPlot.Series => ({
          label: s.label,
          stroke: s.stroke,
          width: s.width ?? 2,
          ...(s.dash ? { dash: s.dash } : {}),
          points: { show: false },
          spanGaps: s.spanGaps ?? false,
          value: (u, v, s, i) => show(u, v, s, i, formatValue),
        })),
      ],
    };
    opts.hooks = { draw: [(u) => this.drawMarkers(u)] };
    return new uPlot(opts, this.data, this.host);
  }

  private drawMarkers(u: uPlot): void {
    if (this.markers.length === 0) return;
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const ratio = window.devicePixelRatio || 1;
    ctx.save();
    ctx.strokeStyle = T.marker;
    ctx.fillStyle = T.marker;
    ctx.lineWidth = ratio;
    ctx.setLineDash([4 * ratio, 3 * ratio]);
    ctx.font = `${11 * ratio}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    for (const m of this.markers) {
      const x = Math.round(u.valToPos(m.x, 'x', true));
      if (x < left || x > left + width) continue;
      ctx.strokeStyle = m.colour ?? T.marker;
      ctx.fillStyle = m.colour ?? T.marker;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      const textWidth = ctx.measureText(m.label).width;
      const tx =
        x + 3 * ratio + textWidth > left + width ? x - 3 * ratio - textWidth : x + 3 * ratio;
      ctx.fillText(m.label, tx, top + 2 * ratio);
    }
    ctx.restore();
  }
}

/** Legend value: at the cursor, or the latest value when the cursor is off the chart. */
function show(
  u: uPlot,
  v: number | null,
  sidx: number,
  idx: number | null,
  format: (x: number) => string,
): string {
  if (idx === null) {
    const column = u.data[sidx] as (number | null | undefined)[] | undefined;
    if (column !== undefined)
      for (let i = column.length - 1; i >= 0; i--) {
        const x = column[i];
        if (typeof x === 'number') return format(x);
      }
    return '—';
  }
  return typeof v === 'number' ? format(v) : '—';
}

function isPowerOfTen(v: number): boolean {
  if (!(v > 0) || !Number.isFinite(v)) return false;
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9;
}
