// The plot of f(z) and f'(z): uPlot, two series, zero lines, a legend and a cursor readout.
// It draws what the core computed; the only arithmetic here is axis layout.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from '../dom';
import { formatValue } from '../text/format';
import { onThemeChange, PLOT_THEME as T, themedAxis } from './plot-theme';

const Z_MIN = -5;
const Z_MAX = 5;

/** y-axis limits: always include [-1, 1], then the data, with a little headroom. */
function yRange(min: number | null, max: number | null): [number, number] {
  const lo = Math.min(-1, min ?? -1);
  const hi = Math.max(1, max ?? 1);
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

function finiteOrNull(values: Float32Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

function swatch(stroke: string, dash: readonly number[]): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(ns, 'line');
  line.setAttribute('x1', '1');
  line.setAttribute('x2', '27');
  line.setAttribute('y1', '5');
  line.setAttribute('y2', '5');
  line.setAttribute('stroke', stroke);
  line.setAttribute('stroke-width', '3');
  if (dash.length > 0) line.setAttribute('stroke-dasharray', dash.join(' '));
  svg.append(line);
  return svg;
}

export class ActivationPlot {
  readonly element: HTMLDivElement;
  private readonly canvasHost: HTMLDivElement;
  private readonly readout: HTMLParagraphElement;
  private plot: uPlot;
  private readonly resize: ResizeObserver;
  private data: uPlot.AlignedData = [[], [], []];

  constructor() {
    this.canvasHost = h('div', {
      class: 'plot-canvas',
      role: 'img',
      'aria-label': 'Plot of f(z) and its slope',
    });
    this.readout = h('p', { class: 'readout' });
    const legend = h(
      'ul',
      { class: 'legend', 'aria-label': 'Legend' },
      h(
        'li',
        {},
        swatch(T.f.stroke, T.f.dash),
        h('span', {}, h('b', {}, 'f(z)'), ' activation output'),
      ),
      h(
        'li',
        {},
        swatch(T.df.stroke, T.df.dash),
        h('span', {}, h('b', {}, 'f′(z)'), ' slope (gradient)'),
      ),
    );
    this.element = h('div', { class: 'activation-plot' }, legend, this.canvasHost, this.readout);
    this.showReadout(null);

    this.plot = new uPlot(this.options(), this.data, this.canvasHost);
    // uPlot keeps its colours from construction: a theme change builds it anew.
    onThemeChange(() => {
      const { width, height } = this.plot;
      this.plot.destroy();
      this.plot = new uPlot({ ...this.options(), width, height }, this.data, this.canvasHost);
    });
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(this.element);
  }

  private options(): uPlot.Options {
    const axis = (label: string): uPlot.Axis =>
      themedAxis(label, { values: (_u, splits) => splits.map((v) => formatValue(v)) });
    const opts: uPlot.Options = {
      width: 600,
      height: 360,
      legend: { show: false },
      cursor: { y: false, drag: { x: false, y: false }, points: { size: 8 } },
      scales: {
        x: { time: false, range: [Z_MIN, Z_MAX] },
        y: { range: (_u, min, max) => yRange(min, max) },
      },
      axes: [
        { ...axis('z (input)'), incrs: [1, 2, 5], space: 34 },
        {
          ...axis('f(z) and f′(z)'),
          size: 44,
          incrs: [0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 25, 50, 100],
        },
      ],
      series: [
        { label: 'z' },
        { label: 'f(z)', stroke: T.f.stroke, width: T.f.width, points: { show: false } },
        {
          label: 'f′(z)',
          stroke: T.df.stroke,
          width: T.df.width,
          dash: [...T.df.dash],
          points: { show: false },
        },
      ],
      hooks: {
        drawAxes: [(u) => this.drawZeroLines(u)],
        setCursor: [(u) => this.showReadout(u.cursor.idx ?? null)],
      },
    };
    return opts;
  }

  /** Draws the values the core computed. */
  update(z: Float32Array, f: Float32Array, df: Float32Array, description: string): void {
    this.data = [Array.from(z), finiteOrNull(f), finiteOrNull(df)];
    this.plot.setData(this.data);
    this.canvasHost.setAttribute('aria-label', description);
    this.showReadout(this.plot.cursor.idx ?? null);
  }

  destroy(): void {
    this.resize.disconnect();
    this.plot.destroy();
  }

  private fit(): void {
    const width = Math.max(240, Math.floor(this.element.clientWidth));
    // Landscape everywhere, never taller than it needs: it shares a column with the controls.
    const height = Math.round(Math.min(420, Math.max(170, width * 0.6)));
    if (width !== this.plot.width || height !== this.plot.height)
      this.plot.setSize({ width, height });
  }

  private drawZeroLines(u: uPlot): void {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const x0 = Math.round(u.valToPos(0, 'x', true)) + 0.5;
    const y0 = Math.round(u.valToPos(0, 'y', true)) + 0.5;
    ctx.save();
    ctx.strokeStyle = T.zero;
    ctx.lineWidth = Math.max(1, Math.round(devicePixelRatio));
    ctx.beginPath();
    if (y0 >= top && y0 <= top + height) {
      ctx.moveTo(left, y0);
      ctx.lineTo(left + width, y0);
    }
    if (x0 >= left && x0 <= left + width) {
      ctx.moveTo(x0, top);
      ctx.lineTo(x0, top + height);
    }
    ctx.stroke();
    ctx.restore();
  }

  private showReadout(idx: number | null): void {
    const [zs, fs, dfs] = this.data as [number[], (number | null)[], (number | null)[]];
    const z = idx === null ? undefined : zs[idx];
    if (idx === null || z === undefined) {
      this.readout.textContent = 'Point at (or touch) the plot to read values.';
      return;
    }
    const show = (v: number | null | undefined): string =>
      typeof v === 'number' ? formatValue(v) : '—';
    this.readout.textContent = `z = ${formatValue(z)}:  f(z) = ${show(fs[idx])},  f′(z) = ${show(dfs[idx])}`;
  }
}
