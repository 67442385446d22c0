// Decision boundary (2-D data): the core's prediction grid as a small ImageData canvas scaled
// up by CSS, with the train (filled) and test (outlined) points and axes on an overlay canvas.
import { h } from '../../dom';
import { onThemeChange } from '../plot-theme';
import type { DataPoints, Layout } from '../../run/protocol';
import { formatValue } from '../../text/format';
import { drawAxes, drawFrame, fitCanvas, scale, type Rect } from './canvas-frame';
import {
  LABEL_0,
  LABEL_1,
  css,
  diverging,
  divergingTable,
  tableIndex,
  unitPosition,
} from './colour-scale';
import { dataPoints, targetRange, valueName, type Point } from './data-points';
import { pointSwatch } from './legend';
import { regionMask, type UnitRegion } from './unit-region';

const TABLE_SIZE = 256;
const short = (x: number): string => formatValue(Number(x.toPrecision(2)));
const HEAT_STRENGTH = 0.72;
const MARGIN = { left: 40, right: 8, top: 6, bottom: 38 };
/** Small multiples (a comparison's runs): a frame instead of axes, no legend. */
const COMPACT_MARGIN = { left: 1, right: 1, top: 1, bottom: 1 };

export class BoundaryView {
  readonly element: HTMLDivElement;
  private readonly stage: HTMLDivElement;
  private readonly heat: HTMLCanvasElement;
  private readonly overlay: HTMLCanvasElement;
  private readonly legend: HTMLDivElement;
  private readonly table = divergingTable(TABLE_SIZE, HEAT_STRENGTH);
  private readonly resize: ResizeObserver;
  private image: ImageData | null = null;
  private layout: Layout | null = null;
  private points: Point[] = [];
  private range: [number, number] = [0, 1];
  private plot: Rect = { left: 0, top: 0, width: 1, height: 1 };
  private gridWidth: number;
  private gridHeight: number;
  private options = { showTest: false, discretize: false };
  private values: Float32Array | null = null;
  private readonly region: HTMLCanvasElement;

  constructor(
    width: number,
    height: number,
    private readonly maxWidth = 560,
    private readonly compact = false,
  ) {
    this.gridWidth = width;
    this.gridHeight = height;
    this.heat = h('canvas', { class: 'pv-heat', 'aria-hidden': 'true' });
    this.overlay = h('canvas', { class: 'pv-overlay' });
    this.region = h('canvas', { class: 'pv-region', 'aria-hidden': 'true', hidden: true });
    this.stage = h(
      'div',
      { class: 'pv-stage', role: 'img', 'aria-label': 'Decision boundary' },
      this.heat,
      this.region,
      this.overlay,
    );
    this.legend = h('div', { class: 'pv-legend' });
    this.legend.hidden = compact;
    this.element = h('div', { class: 'pv-boundary' }, this.stage, this.legend);
    this.resize = new ResizeObserver(() => this.layoutStage());
    this.resize.observe(this.element);
    onThemeChange(() => this.layoutStage());
  }

  setRun(layout: Layout, data: DataPoints): void {
    this.layout = layout;
    this.points = dataPoints(layout, data);
    this.range = targetRange(layout, this.points);
    this.buildLegend(layout);
    this.stage.setAttribute(
      'aria-label',
      `Decision boundary: the network's ${valueName(layout)} over ${layout.input_names[0] ?? 'x1'} and ${layout.input_names[1] ?? 'x2'}, with ${this.points.length} data points`,
    );
    this.clearHeat();
    this.layoutStage();
  }

  /** Test points drawn or not; the prediction shown smooth or as classes. */
  setOptions(options: { showTest: boolean; discretize: boolean }): void {
    const changed =
      options.showTest !== this.options.showTest || options.discretize !== this.options.discretize;
    this.options = { ...options };
    if (!changed) return;
    this.layoutStage();
    if (this.values !== null) this.update(this.values);
  }

  /** Dims the cells where a unit does not fire (null: no unit). */
  showUnitRegion(r: UnitRegion | null): void {
    if (r === null || r.height < 2) {
      this.region.hidden = true;
      return;
    }
    this.region.width = r.width;
    this.region.height = r.height;
    const ctx = this.region.getContext('2d');
    ctx?.putImageData(new ImageData(regionMask(r, [20, 24, 30, 150]), r.width, r.height), 0, 0);
    this.region.hidden = false;
  }

  /** Draws a width x height grid of values, row 0 at the top. */
  update(values: Float32Array): void {
    this.values = values;
    const side = Math.round(Math.sqrt(values.length));
    if (values.length !== this.gridWidth * this.gridHeight && side * side === values.length) {
      this.gridWidth = side;
      this.gridHeight = side;
    }
    const w = this.gridWidth;
    const hgt = this.gridHeight;
    if (values.length < w * hgt) return;
    if (this.image === null || this.image.width !== w || this.image.height !== hgt) {
      this.heat.width = w;
      this.heat.height = hgt;
      this.image = new ImageData(w, hgt);
    }
    const px = this.image.data;
    const table = this.table;
    const [lo, hi] = this.range;
    const classify = this.layout?.task === 'binary_classification';
    const bands = (v: number): number =>
      classify
        ? v >= 0.5
          ? hi
          : lo
        : lo + (Math.round(((v - lo) / (hi - lo || 1)) * 4) / 4) * (hi - lo);
    for (let i = 0; i < w * hgt; i++) {
      const v = this.options.discretize ? bands(values[i]!) : values[i]!;
      const k = tableIndex(v, lo, hi, TABLE_SIZE) * 4;
      const o = i * 4;
      px[o] = table[k]!;
      px[o + 1] = table[k + 1]!;
      px[o + 2] = table[k + 2]!;
      px[o + 3] = 255;
    }
    this.heat.getContext('2d')?.putImageData(this.image, 0, 0);
  }

  reset(): void {
    this.layout = null;
    this.points = [];
    this.clearHeat();
    this.layoutStage();
  }

  private clearHeat(): void {
    const ctx = this.heat.getContext('2d');
    ctx?.clearRect(0, 0, this.heat.width, this.heat.height);
  }

  private layoutStage(): void {
    const m = this.compact ? COMPACT_MARGIN : MARGIN;
    const least = this.compact ? 80 : 220;
    const width = Math.max(least, Math.min(this.maxWidth, Math.floor(this.element.clientWidth)));
    const side = width - m.left - m.right;
    const height = side + m.top + m.bottom;
    this.stage.style.width = `${width}px`;
    this.stage.style.height = `${height}px`;
    this.plot = { left: m.left, top: m.top, width: side, height: side };
    for (const c of [this.heat, this.region])
      Object.assign(c.style, {
        left: `${m.left}px`,
        top: `${m.top}px`,
        width: `${side}px`,
        height: `${side}px`,
      });
    this.drawOverlay(width, height);
  }

  private drawOverlay(width: number, height: number): void {
    const ctx = fitCanvas(this.overlay, width, height);
    ctx.clearRect(0, 0, width, height);
    const layout = this.layout;
    if (layout === null) return;
    const [x1min = -1, x2min = -1] = layout.domain_min;
    const [x1max = 1, x2max = 1] = layout.domain_max;
    const p = this.plot;
    if (this.compact) drawFrame(ctx, p);
    else
      drawAxes(
        ctx,
        p,
        { min: x1min, max: x1max, name: layout.input_names[0] ?? 'x1' },
        { min: x2min, max: x2max, name: layout.input_names[1] ?? 'x2' },
      );
    ctx.save();
    ctx.beginPath();
    ctx.rect(p.left, p.top, p.width, p.height);
    ctx.clip();
    const r = Math.max(this.compact ? 1.6 : 2.2, Math.min(4, p.width / 110));
    const classify = layout.task === 'binary_classification';
    for (const pt of this.points) {
      if (pt.test && !this.options.showTest) continue;
      const x = scale(pt.x1, x1min, x1max, p.left, p.width);
      const y = scale(pt.x2, x2min, x2max, p.top + p.height, -p.height);
      const colour = classify
        ? pt.y >= 0.5
          ? LABEL_1
          : LABEL_0
        : css(diverging(unitPosition(pt.y, this.range[0], this.range[1])));
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      if (pt.test) {
        ctx.fillStyle = '#ffffff';
        ctx.fill();
        ctx.lineWidth = 1.8;
        ctx.strokeStyle = colour;
        ctx.stroke();
      } else {
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.lineWidth = classify ? 0.9 : 0.7;
        ctx.strokeStyle = classify ? '#ffffff' : '#1b1f24';
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  private buildLegend(layout: Layout): void {
    const classify = layout.task === 'binary_classification';
    const [lo, hi] = this.range;
    const stops = [0, 0.25, 0.5, 0.75, 1]
      .map((t) => {
        const [r, g, b] = diverging(t);
        const m = (c: number): number => Math.round(255 + (c - 255) * HEAT_STRENGTH);
        return `rgb(${m(r)}, ${m(g)}, ${m(b)}) ${t * 100}%`;
      })
      .join(', ');
    const bar = h('span', { class: 'pv-gradient', 'aria-hidden': 'true' });
    bar.style.background = `linear-gradient(to right, ${stops})`;
    const ends = h(
      'span',
      { class: 'pv-gradient-ends' },
      h('span', {}, short(lo)),
      h('span', {}, short((lo + hi) / 2)),
      h('span', {}, short(hi)),
    );
    const scaleItem = h(
      'div',
      { class: 'pv-scale' },
      h('span', { class: 'pv-scale-name' }, `Background: ${valueName(layout)}`),
      bar,
      ends,
    );
    const items = h('ul', { class: 'pv-keys', 'aria-label': 'Points' });
    if (classify) {
      items.append(
        h('li', {}, pointSwatch(LABEL_0, true), 'label 0 train'),
        h('li', {}, pointSwatch(LABEL_1, true), 'label 1 train'),
        h('li', {}, pointSwatch(LABEL_0, false), pointSwatch(LABEL_1, false), 'test'),
      );
    } else {
      items.append(
        h('li', {}, pointSwatch('#5a6270', true), 'train (colour = target)'),
        h('li', {}, pointSwatch('#5a6270', false), 'test'),
      );
    }
    this.legend.replaceChildren(scaleItem, items);
  }
}
