// One metric of a sweep against alpha: per group (a level of the crossed factor) the mean over
// the seeds as a line with a band of ±1 standard error, and every seed's run as a dot. The x
// axis is uPlot's asinh scale (distr 4): linear near 0, so alpha = 0 (ReLU) is on it, and
// logarithmic beyond, so 0.001 ... 1 spread out; ticks sit at the grid's own alphas. A group
// whose network reads no alpha is one value for every alpha: a dashed line across. Hovering a
// dot names its run; clicking it picks the run.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from '../../dom';
import { formatValue } from '../../text/format';
import { onThemeChange, PLOT_THEME as T, themedAxis } from '../plot-theme';

export interface SweepSeries {
  label: string;
  colour: string;
  /** The group's network reads no alpha: one value, drawn across. */
  flat: boolean;
  /** Per alpha of the chart's x values: mean and mean ± standard error (null: none). */
  mean: (number | null)[];
  lo: (number | null)[];
  hi: (number | null)[];
}

export interface SweepDot {
  /** The alpha it was run at (a flat group's runs: the chart's first alpha). */
  x: number;
  y: number;
  series: number;
  /** The run's number in the sweep. */
  run: number;
}

export interface SweepChartSpec {
  title: string;
  yLabel: string;
  height?: number;
  onHover(run: number | null): void;
  onPick(run: number): void;
}

const HIT_RADIUS = 8;

export class SweepChart {
  readonly element: HTMLElement;
  private readonly host: HTMLDivElement;
  private readonly resize: ResizeObserver;
  private readonly stopTheme: () => void;
  private plot: uPlot | null = null;
  /** The plot has had its data, its size and its first drawing. */
  private drawn = false;
  private alphas: number[] = [];
  private series: SweepSeries[] = [];
  private dots: SweepDot[] = [];
  private hovered: number | null = null;

  constructor(private readonly spec: SweepChartSpec) {
    this.host = h('div', { class: 'sw-chart-canvas', role: 'img', 'aria-label': spec.title });
    this.element = h(
      'figure',
      { class: 'sw-chart' },
      h('figcaption', { class: 'sw-chart-title' }, spec.title),
      this.host,
    );
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(this.element);
    this.stopTheme = onThemeChange(() => void this.rebuild());
  }

  /** Draws these results; resolves once they are on the screen. */
  setData(alphas: number[], series: SweepSeries[], dots: SweepDot[]): Promise<void> {
    this.alphas = alphas;
    this.series = series;
    this.dots = dots;
    return this.rebuild();
  }

  destroy(): void {
    this.resize.disconnect();
    this.stopTheme();
    this.plot?.destroy();
    this.plot = null;
  }

  private size(): { width: number; height: number } {
    const width = Math.max(240, Math.floor(this.element.clientWidth || 320));
    return { width, height: this.spec.height ?? 190 };
  }

  private fit(): void {
    if (this.plot === null || !this.drawn) return;
    const { width, height } = this.size();
    if (width !== this.plot.width || height !== this.plot.height)
      this.plot.setSize({ width, height });
  }

  private rebuild(): Promise<void> {
    this.plot?.destroy();
    this.plot = null;
    if (this.alphas.length === 0) return Promise.resolve();
    const xs = this.alphas;
    const smallest = Math.min(...xs.filter((a) => a !== 0).map(Math.abs), 1);
    const axis = (label: string): uPlot.Axis => themedAxis(label, { labelSize: 18 });
    const data: uPlot.AlignedData = [xs];
    const series: uPlot.Series[] = [{ label: 'α' }];
    const bands: uPlot.Band[] = [];
    for (const s of this.series) {
      const at = data.length;
      data.push(s.mean, s.hi, s.lo);
      series.push(
        {
          label: s.label,
          stroke: s.colour,
          width: 2,
          ...(s.flat ? { dash: [6, 4] } : {}),
          points: { show: !s.flat, size: 5 },
          spanGaps: true,
        },
        {
          label: `${s.label} + SE`,
          stroke: 'transparent',
          points: { show: false },
          spanGaps: true,
        },
        {
          label: `${s.label} − SE`,
          stroke: 'transparent',
          points: { show: false },
          spanGaps: true,
        },
      );
      bands.push({ series: [at + 1, at + 2], fill: `${s.colour}2e` });
    }
    // The seeds' spread, invisible: the y range holds every dot, not only the bands.
    const spread = (pick: (a: number, b: number) => number) =>
      xs.map((x) =>
        this.dots
          .filter((d) => d.x === x)
          .reduce<number | null>((m, d) => (m === null ? d.y : pick(m, d.y)), null),
      );
    data.push(spread(Math.max), spread(Math.min));
    for (const label of ['seeds max', 'seeds min'])
      series.push({ label, stroke: 'transparent', points: { show: false }, spanGaps: true });
    const opts: uPlot.Options = {
      ...this.size(),
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: {
        x: { time: false, distr: 4, asinh: smallest / 2, range: xRange(smallest / 2) },
        y: { range: yRange },
      },
      axes: [
        {
          ...axis('α (asinh scale: 0 is on it)'),
          size: 38,
          splits: () => xs,
          // uPlot's own filter keeps only powers of ten on an asinh axis.
          filter: (_u, splits) => splits,
          values: (u, splits) => tickLabels(u, splits),
        },
        { ...axis(this.spec.yLabel), size: 52, values: (_u, v) => v.map(formatValue) },
      ],
      series,
      bands,
      hooks: { draw: [(u) => this.drawDots(u)] },
    };
    // The first drawing is a task of its own: building a chart and drawing it first run cold
    // code, and together they held the main thread past 50 ms.
    let drawn: () => void = () => {};
    const firstDrawing = new Promise<void>((resolve) => (drawn = resolve));
    const plot = new uPlot(opts, data, (u, init) => {
      this.host.append(u.root);
      setTimeout(() => {
        if (this.plot === u) {
          init();
          this.drawn = true;
          this.fit(); // the element may have changed size since the options were made
        }
        drawn(); // or rebuilt or destroyed meanwhile: nothing of this one is left to draw
      }, 0);
    });
    this.plot = plot;
    this.drawn = false;
    const over = plot.over;
    over.addEventListener('mousemove', (e) => this.hover(this.hit(e)));
    over.addEventListener('mouseleave', () => this.hover(null));
    over.addEventListener('click', (e) => {
      const run = this.hit(e);
      if (run !== null) this.spec.onPick(run);
    });
    return firstDrawing;
  }

  /** A small offset per dot of the same alpha and group, so seeds do not hide each other. */
  private dotPositions(u: uPlot): { x: number; y: number; dot: SweepDot }[] {
    const count = new Map<string, number>();
    return this.dots.map((d) => {
      const key = `${d.series}|${d.x}`;
      const k = count.get(key) ?? 0;
      count.set(key, k + 1);
      const spread = ((k % 5) - 2) * 2.5 + (d.series - (this.series.length - 1) / 2) * 4;
      return { x: u.valToPos(d.x, 'x') + spread, y: u.valToPos(d.y, 'y'), dot: d };
    });
  }

  private hit(e: MouseEvent): number | null {
    const u = this.plot;
    if (u === null) return null;
    let best: number | null = null;
    let bestDistance = HIT_RADIUS;
    for (const p of this.dotPositions(u)) {
      const d = Math.hypot(p.x - e.offsetX, p.y - e.offsetY);
      if (d <= bestDistance) {
        bestDistance = d;
        best = p.dot.run;
      }
    }
    return best;
  }

  private hover(run: number | null): void {
    if (run === this.hovered) return;
    this.hovered = run;
    if (this.plot !== null) this.plot.over.style.cursor = run === null ? '' : 'pointer';
    if (this.drawn) this.plot?.redraw(false, false);
    this.spec.onHover(run);
  }

  private drawDots(u: uPlot): void {
    const ctx = u.ctx;
    const ratio = window.devicePixelRatio || 1;
    const { left, top } = u.bbox;
    ctx.save();
    for (const p of this.dotPositions(u)) {
      const colour = this.series[p.dot.series]?.colour ?? T.axis;
      const hot = p.dot.run === this.hovered;
      ctx.beginPath();
      ctx.arc(left + p.x * ratio, top + p.y * ratio, (hot ? 5 : 2.5) * ratio, 0, 2 * Math.PI);
      ctx.globalAlpha = hot ? 1 : 0.55;
      ctx.fillStyle = colour;
      ctx.fill();
      if (hot) {
        ctx.lineWidth = 1.5 * ratio;
        ctx.strokeStyle = T.axis;
        ctx.stroke();
      }
    }
    ctx.restore();
  }
}

/** The alphas with a margin of 6% of the axis on each side (in asinh space), so the end
 *  ticks are labelled and the end dots are whole. */
function xRange(linear: number): uPlot.Range.Function {
  const f = (v: number) => Math.asinh(v / linear);
  const inv = (y: number) => Math.sinh(y) * linear;
  return (_u, min, max) => {
    const pad = (f(max) - f(min) || 1) * 0.06;
    return [inv(f(min) - pad), inv(f(max) + pad)];
  };
}

function yRange(_u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax {
  if (min === null || max === null) return [0, 1];
  if (min === max) return [min - (Math.abs(min) || 1) * 0.1, max + (Math.abs(max) || 1) * 0.1];
  const pad = (max - min) * 0.08;
  return [min - pad, max + pad];
}

/** About the width of one character of the axis font (CSS px), to space centred labels. */
const LABEL_CHAR_PX = 7;

/** The grid's alphas as tick labels, leaving out those that would overlap the last shown. */
function tickLabels(u: uPlot, splits: number[]): string[] {
  let last = { x: -Infinity, chars: 0 };
  return splits.map((v) => {
    const x = u.valToPos(v, 'x');
    const label = formatValue(v);
    // Centred labels touch when their centres are closer than half of each one's width.
    if (x - last.x < ((last.chars + label.length) / 2 + 1) * LABEL_CHAR_PX) return '';
    last = { x, chars: label.length };
    return label;
  });
}
