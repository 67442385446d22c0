// Fitted curve (1-D data): the core's predictions at evenly spaced inputs over the domain, with
// the train (filled) and test (outlined) points, on one canvas.
import { onThemeChange, PLOT_THEME as T } from '../plot-theme';
import { h } from '../../dom';
import type { DataPoints, Layout } from '../../run/protocol';
import { drawAxes, drawFrame, fitCanvas, scale, type Rect } from './canvas-frame';
import type { UnitRegion } from './unit-region';
import { LABEL_0, LABEL_1 } from './colour-scale';
import { dataPoints, targetRange, valueName, type Point } from './data-points';
import { lineSwatch, pointSwatch } from './legend';

const MARGIN = { left: 50, right: 12, top: 10, bottom: 46 };
/** Small multiples (a comparison's runs): a frame instead of axes, no legend. */
const COMPACT_MARGIN = { left: 1, right: 1, top: 1, bottom: 1 };
const CURVE = '#000000';
const NEUTRAL = '#5a6270';

export class CurveView {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly legend: HTMLUListElement;
  private readonly resize: ResizeObserver;
  private layout: Layout | null = null;
  private points: Point[] = [];
  private yRange: [number, number] = [0, 1];
  private values: Float32Array | null = null;
  private size = { width: 320, height: 240 };
  private options = { showTest: false, discretize: false };
  private region: UnitRegion | null = null;

  constructor(private readonly compact = false) {
    this.canvas = h('canvas', { class: 'pv-curve', role: 'img', 'aria-label': 'Fitted curve' });
    this.legend = h('ul', { class: 'pv-keys', 'aria-label': 'Legend' });
    this.legend.hidden = compact;
    this.element = h('div', { class: 'pv-curve-view' }, this.canvas, this.legend);
    onThemeChange(() => this.draw());
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(this.element);
  }

  setRun(layout: Layout, data: DataPoints): void {
    this.layout = layout;
    this.points = dataPoints(layout, data);
    const [lo, hi] = targetRange(layout, this.points);
    const pad = (hi - lo) * 0.12;
    this.yRange = [lo - pad, hi + pad];
    this.values = null;
    const classify = layout.task === 'binary_classification';
    this.legend.replaceChildren(
      h('li', {}, lineSwatch(CURVE, 2.5), `network's ${valueName(layout)}`),
      h('li', {}, pointSwatch(classify ? LABEL_1 : NEUTRAL, true), 'train'),
      h('li', {}, pointSwatch(classify ? LABEL_1 : NEUTRAL, false), 'test'),
    );
    this.canvas.setAttribute(
      'aria-label',
      `Fitted curve: the network's ${valueName(layout)} over ${layout.input_names[0] ?? 'x'}, with ${this.points.length} data points`,
    );
    this.fit();
  }

  update(values: Float32Array): void {
    this.values = values;
    this.draw();
  }

  setOptions(options: { showTest: boolean; discretize: boolean }): void {
    this.options = { ...options };
    this.draw();
  }

  /** Shades the inputs where a unit does not fire (null: no unit). */
  showUnitRegion(r: UnitRegion | null): void {
    this.region = r !== null && r.height === 1 ? r : null;
    this.draw();
  }

  reset(): void {
    this.layout = null;
    this.points = [];
    this.values = null;
    this.draw();
  }

  private fit(): void {
    const least = this.compact ? 80 : 220;
    const width = Math.max(least, Math.min(640, Math.floor(this.element.clientWidth)));
    const height = Math.round(Math.min(380, Math.max(this.compact ? 60 : 220, width * 0.68)));
    this.size = { width, height };
    this.draw();
  }

  private draw(): void {
    const { width, height } = this.size;
    const ctx = fitCanvas(this.canvas, width, height);
    ctx.clearRect(0, 0, width, height);
    const layout = this.layout;
    if (layout === null) return;
    const m = this.compact ? COMPACT_MARGIN : MARGIN;
    const plot: Rect = {
      left: m.left,
      top: m.top,
      width: width - m.left - m.right,
      height: height - m.top - m.bottom,
    };
    const xmin = layout.domain_min[0] ?? -1;
    const xmax = layout.domain_max[0] ?? 1;
    const [ymin, ymax] = this.yRange;
    if (this.compact) drawFrame(ctx, plot);
    else
      drawAxes(
        ctx,
        plot,
        { min: xmin, max: xmax, name: layout.input_names[0] ?? 'x' },
        { min: ymin, max: ymax, name: layout.task === 'regression' ? 'y' : 'label / p(1)' },
        true,
      );
    const px = (x: number): number => scale(x, xmin, xmax, plot.left, plot.width);
    const py = (y: number): number => scale(y, ymin, ymax, plot.top + plot.height, -plot.height);
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, plot.top, plot.width, plot.height);
    ctx.clip();
    const classify = layout.task === 'binary_classification';
    const r = this.region;
    if (r !== null && r.z.length > 0) {
      // Cell i covers the i-th of r.width evenly spaced inputs from xmin to xmax.
      ctx.fillStyle = 'rgba(20, 24, 30, 0.28)';
      const cell = plot.width / Math.max(1, r.width - 1);
      for (let i = 0; i < r.width; i++)
        if (!(r.z[i]! > 0)) ctx.fillRect(plot.left + (i - 0.5) * cell, plot.top, cell, plot.height);
    }
    for (const p of this.points) {
      if (p.test && !this.options.showTest) continue;
      const colour = classify ? (p.y >= 0.5 ? LABEL_1 : LABEL_0) : NEUTRAL;
      ctx.beginPath();
      // Test rings a little larger than train dots, so a dot on a ring leaves both visible.
      ctx.arc(px(p.x1), py(p.y), p.test ? 3.6 : 2.6, 0, Math.PI * 2);
      if (p.test) {
        ctx.fillStyle = T.surface;
        ctx.fill();
        ctx.lineWidth = 1.6;
        ctx.strokeStyle = colour;
      } else {
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.lineWidth = 0.8;
        ctx.strokeStyle = '#fff';
      }
      ctx.stroke();
    }
    const values = this.values;
    if (values !== null && values.length > 0) {
      ctx.beginPath();
      const n = values.length;
      let pen = false;
      for (let i = 0; i < n; i++) {
        const raw = values[i]!;
        const v = this.options.discretize && classify ? (raw >= 0.5 ? 1 : 0) : raw;
        if (!Number.isFinite(v)) {
          pen = false;
          continue;
        }
        const x = px(n === 1 ? (xmin + xmax) / 2 : xmin + ((xmax - xmin) * i) / (n - 1));
        const y = py(v);
        if (pen) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        pen = true;
      }
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = CURVE;
      ctx.lineJoin = 'round';
      ctx.stroke();
    }
    ctx.restore();
  }
}
