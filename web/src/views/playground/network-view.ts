// The network: one column per layer, each drawn unit a circle coloured by its activation rate
// and marked by its state (see unit-style.ts), links by weight sign and size, a bias bar beside
// each unit. Drawn on one canvas; transparent buttons over the units give hover and keyboard
// focus (roving tabindex: Tab enters, arrow keys move, Escape closes the card).
import { h } from '../../dom';
import type { Evaluation, Layout, UnitMaps } from '../../run/protocol';
import { formatValue } from '../../text/format';
import { onThemeChange, PLOT_THEME as T } from '../plot-theme';
import { fitCanvas } from './canvas-frame';
import { NEGATIVE, POSITIVE } from './colour-scale';
import {
  LEVELS,
  levelStroke,
  linkBudgets,
  linkLevel,
  maxAbsWeight,
  selectLinks,
} from './link-selection';
import {
  DEFAULT_GEOMETRY,
  columnLabels,
  columnSpacing,
  linksVisible,
  moreLabel,
  networkGeometry,
  networkNote,
  type GeometryOptions,
  type NetworkGeometry,
} from './network-geometry';
import { UnitCard } from './unit-card';
import { drawUnit } from './unit-draw';
import { ratePercent, unitInfo } from './unit-info';
import { regionMask, regionOf, type UnitRegion } from './unit-region';
import { stateName, unitStyle, type UnitStyle } from './unit-style';

/** A link or bias the pointer is over, for the tooltip. */
interface Hit {
  text: string;
  x: number;
  y: number;
}

/** Links drawn at most over the whole network. */
const LINK_BUDGET = 1600;
/** A redraw slower than this (ms) spaces the next redraws out (large networks). */
const SLOW_DRAW = 4;
const OUTPUT_STYLE: UnitStyle = {
  fill: 'hollow',
  outline: '#8a9099',
  outlineWidth: 2,
  dash: [],
  cross: false,
  outerDots: false,
  revivedRing: false,
  bornMarker: false,
};

interface UnitButton {
  el: HTMLButtonElement;
  column: number;
  index: number;
  label: string;
}

export class NetworkView {
  readonly element: HTMLDivElement;
  private readonly wrap: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly buttonLayer: HTMLDivElement;
  private readonly card = new UnitCard();
  private readonly note: HTMLParagraphElement;
  private readonly resize: ResizeObserver;
  private layout: Layout | null = null;
  private geometry: NetworkGeometry | null = null;
  private evaluation: Evaluation | null = null;
  private params: Float32Array | null = null;
  private buttons: UnitButton[][] = [];
  private focus = { column: 1, index: 0 };
  private open: UnitButton | null = null;
  /** Revival counts at the last distinct evaluation, and which units revived at this one. */
  private lastRevivals: number[][] = [];
  private revivedNow: boolean[][] = [];
  private lastEvalStep = -1;
  private width = 0;
  private drawCost = 0;
  private lastDraw = -Infinity;
  private maps: UnitMaps | null = null;
  private hoverListeners: ((r: UnitRegion | null) => void)[] = [];
  private readonly tip: HTMLDivElement;
  /** Drawn link segments and bias bars, for hit-testing the pointer. */
  private segments: { x1: number; y1: number; x2: number; y2: number; text: string }[] = [];
  private biasBars: { x: number; y: number; w: number; h: number; text: string }[] = [];

  constructor(
    private readonly size: Partial<GeometryOptions> = {},
    /** Narrower than this, the view scrolls sideways (small multiples go lower). */
    private readonly minWidth = 260,
  ) {
    this.canvas = h('canvas', { class: 'pv-net-canvas', 'aria-hidden': 'true' });
    this.buttonLayer = h('div', { class: 'pv-net-units' });
    this.tip = h('div', { class: 'pv-net-tip', role: 'tooltip', hidden: true });
    this.wrap = h(
      'div',
      { class: 'pv-net' },
      this.canvas,
      this.buttonLayer,
      this.card.element,
      this.tip,
    );
    this.wrap.addEventListener('mousemove', (e) => this.onPointer(e));
    this.wrap.addEventListener('mouseleave', () => (this.tip.hidden = true));
    this.note = h('p', { class: 'pv-note pv-net-note', hidden: true });
    this.element = h('div', { class: 'pv-network' }, this.wrap, this.note);
    this.buttonLayer.addEventListener('keydown', (e) => this.onKey(e));
    this.resize = new ResizeObserver(() => this.relayout());
    this.resize.observe(this.element);
    onThemeChange(() => this.draw());
  }

  setRun(layout: Layout): void {
    this.layout = layout;
    this.evaluation = null;
    this.params = null;
    this.lastRevivals = [];
    this.revivedNow = [];
    this.lastEvalStep = -1;
    this.card.hide();
    this.open = null;
    this.focus = { column: 1, index: 0 };
    this.width = 0;
    this.relayout();
  }

  /**
   * Takes the frame's statistics and weights; redraws now unless the last redraw was slow
   * (big networks), in which case redraws are spaced to ~4x their cost. `force` always draws.
   */
  update(
    evaluation: Evaluation,
    params: Float32Array,
    maps: UnitMaps | null,
    now: number,
    force = false,
  ): void {
    if (evaluation.step !== this.lastEvalStep) this.trackRevivals(evaluation);
    this.evaluation = evaluation;
    this.params = params;
    this.maps = maps;
    if (!force && this.drawCost > SLOW_DRAW && now - this.lastDraw < this.drawCost * 4) return;
    this.lastDraw = now;
    this.draw();
    this.drawCost = performance.now() - now;
    this.refreshLabels();
    if (this.open !== null) this.showCard(this.open);
  }

  /** Called with the hovered or focused unit's region (null when none). */
  onHoverUnit(listener: (r: UnitRegion | null) => void): void {
    this.hoverListeners.push(listener);
  }

  /** The region of hidden unit `unit` of layer `layer`, from the last maps. */
  region(layer: number, unit: number): UnitRegion | null {
    const layout = this.layout;
    if (layout === null || this.maps === null) return null;
    let index = unit;
    for (let k = 0; k < layer; k++) index += layout.layers[k]?.out ?? 0;
    return regionOf(this.maps, index, layer, unit);
  }

  reset(): void {
    this.layout = null;
    this.maps = null;
    this.geometry = null;
    this.evaluation = null;
    this.params = null;
    this.buttons = [];
    this.buttonLayer.replaceChildren();
    this.note.hidden = true;
    this.card.hide();
    this.open = null;
    const ctx = this.canvas.getContext('2d');
    ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  private trackRevivals(evaluation: Evaluation): void {
    const fresh = evaluation.step < this.lastEvalStep || this.lastRevivals.length === 0;
    this.revivedNow = evaluation.layers.map((layer, i) => {
      const before = this.lastRevivals[i];
      return (layer.revivals ?? []).map(
        (n, u) => !fresh && before !== undefined && n > (before[u] ?? 0),
      );
    });
    this.lastRevivals = evaluation.layers.map((layer) => (layer.revivals ?? []).slice());
    this.lastEvalStep = evaluation.step;
  }

  private relayout(): void {
    const layout = this.layout;
    if (layout === null) return;
    const width = Math.max(this.minWidth, Math.floor(this.element.clientWidth));
    if (width === this.width && this.geometry !== null) return;
    this.width = width;
    this.geometry = networkGeometry(
      { inputs: layout.inputs, layers: layout.layers.map((l) => l.out) },
      width,
      { ...DEFAULT_GEOMETRY, ...this.size },
    );
    this.wrap.style.height = `${this.geometry.height}px`;
    const note = networkNote(this.geometry, DEFAULT_GEOMETRY.cap);
    this.note.textContent = note;
    this.note.hidden = note === '';
    this.buildButtons();
    this.draw();
    this.refreshLabels(true);
  }

  private buildButtons(): void {
    const g = this.geometry;
    if (g === null) return;
    this.hideCard();
    const size = Math.max(24, g.radius * 2 + 4);
    this.buttons = g.columns.map((col, c) =>
      col.kind === 'input'
        ? []
        : col.places.map((p) => {
            const el = h('button', { type: 'button', class: 'pv-unit', tabindex: '-1' });
            Object.assign(el.style, {
              left: `${p.x - size / 2}px`,
              top: `${p.y - size / 2}px`,
              width: `${size}px`,
              height: `${size}px`,
            });
            const b: UnitButton = { el, column: c, index: p.unit, label: '' };
            el.addEventListener('mouseenter', () => this.showCard(b));
            el.addEventListener('mouseleave', () => {
              if (document.activeElement !== el) this.hideCard();
            });
            el.addEventListener('focus', () => {
              this.focus = { column: c, index: p.unit };
              this.setRoving();
              this.showCard(b);
            });
            el.addEventListener('blur', () => this.hideCard());
            return b;
          }),
    );
    this.buttonLayer.replaceChildren(...this.buttons.flat().map((b) => b.el));
    this.setRoving();
  }

  private setRoving(): void {
    const { column, index } = this.focus;
    for (const col of this.buttons)
      for (const b of col) b.el.tabIndex = b.column === column && b.index === index ? 0 : -1;
    if (this.buttons[column]?.[index] === undefined) {
      const first = this.buttons.find((col) => col.length > 0)?.[0];
      if (first !== undefined) {
        this.focus = { column: first.column, index: first.index };
        first.el.tabIndex = 0;
      }
    }
  }

  private onKey(e: KeyboardEvent): void {
    const { column, index } = this.focus;
    let c = column;
    let i = index;
    if (e.key === 'ArrowUp') i -= 1;
    else if (e.key === 'ArrowDown') i += 1;
    else if (e.key === 'ArrowLeft') c -= 1;
    else if (e.key === 'ArrowRight') c += 1;
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = Number.MAX_SAFE_INTEGER;
    else if (e.key === 'Escape') {
      this.hideCard();
      return;
    } else return;
    e.preventDefault();
    c = Math.max(1, Math.min(this.buttons.length - 1, c));
    const col = this.buttons[c];
    if (col === undefined || col.length === 0) return;
    i = Math.max(0, Math.min(col.length - 1, i));
    col[i]?.el.focus();
  }

  private showCard(b: UnitButton): void {
    const layout = this.layout;
    const g = this.geometry;
    const place = g?.columns[b.column]?.places[b.index];
    if (layout === null || g === null || place === undefined) return;
    this.open = b;
    const info = unitInfo(layout, this.evaluation, this.params, b.column - 1, b.index);
    this.card.show(info, { x: place.x, y: place.y, r: g.radius }, g.width);
    b.el.setAttribute('aria-describedby', this.card.id);
    const spec = layout.layers[b.column - 1];
    const r = spec !== undefined && !spec.output ? this.region(b.column - 1, b.index) : null;
    for (const l of this.hoverListeners) l(r);
  }

  private hideCard(): void {
    this.open?.el.removeAttribute('aria-describedby');
    if (this.open !== null) for (const l of this.hoverListeners) l(null);
    this.open = null;
    this.card.hide();
  }

  /** The link or bias bar under the pointer, as a tooltip with its value. */
  private onPointer(e: MouseEvent): void {
    const rect = this.wrap.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const hit = this.hitTest(x, y);
    if (hit === null) {
      this.tip.hidden = true;
      return;
    }
    this.tip.textContent = hit.text;
    this.tip.hidden = false;
    this.tip.style.left = `${Math.min(hit.x + 10, (this.geometry?.width ?? 300) - 150)}px`;
    this.tip.style.top = `${hit.y + 12}px`;
  }

  private hitTest(x: number, y: number): Hit | null {
    for (const b of this.biasBars)
      if (x >= b.x - 2 && x <= b.x + b.w + 2 && y >= b.y - 2 && y <= b.y + b.h + 2)
        return { text: b.text, x, y };
    let best: Hit | null = null;
    let bestD = 4; // pixels
    for (const s of this.segments) {
      const dx = s.x2 - s.x1;
      const dy = s.y2 - s.y1;
      const len2 = dx * dx + dy * dy;
      const t =
        len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / len2));
      const d = Math.hypot(x - (s.x1 + t * dx), y - (s.y1 + t * dy));
      if (d < bestD) {
        bestD = d;
        best = { text: s.text, x, y };
      }
    }
    return best;
  }

  /** Accessible names: "Layer 1, unit 3: dormant, fires 0%". Set only when they change. */
  private refreshLabels(force = false): void {
    const layout = this.layout;
    if (layout === null) return;
    for (const col of this.buttons) {
      for (const b of col) {
        const layer = b.column - 1;
        const spec = layout.layers[layer];
        const ev = this.evaluation?.layers[layer];
        let label: string;
        if (spec?.output) label = spec.out > 1 ? `Output ${b.index + 1}` : 'Output unit';
        else {
          label = `Layer ${layer + 1}, unit ${b.index + 1}`;
          const state = ev?.state?.[b.index];
          const rate = ev?.rate?.[b.index];
          if (state !== undefined && rate !== undefined)
            label += `: ${stateName(state)}, fires ${ratePercent(rate)}`;
        }
        if (force || label !== b.label) {
          b.label = label;
          b.el.setAttribute('aria-label', label);
        }
      }
    }
  }

  private draw(): void {
    const g = this.geometry;
    const layout = this.layout;
    if (g === null || layout === null) return;
    const ctx = fitCanvas(this.canvas, g.width, g.height);
    ctx.clearRect(0, 0, g.width, g.height);
    if (this.params !== null && linksVisible(g)) this.drawLinks(ctx, g, layout, this.params);
    this.drawUnits(ctx, g, layout);
    this.drawLabels(ctx, g);
  }

  private drawLinks(
    ctx: CanvasRenderingContext2D,
    g: NetworkGeometry,
    layout: Layout,
    params: Float32Array,
  ): void {
    const budgets = linkBudgets(
      layout.layers.map((_, k) => ({
        shownIn: g.columns[k]?.places.length ?? 0,
        shownOut: g.columns[k + 1]?.places.length ?? 0,
      })),
      LINK_BUDGET,
    );
    const r = g.radius;
    const thumb = this.thumbSize(g);
    this.segments = [];
    // One path per (sign, level): few strokes however many links.
    const paths = Array.from({ length: 2 * LEVELS }, () => new Path2D());
    layout.layers.forEach((spec, k) => {
      const from = g.columns[k];
      const to = g.columns[k + 1];
      if (from === undefined || to === undefined) return;
      const links = selectLinks(
        params,
        spec.w,
        spec.in,
        spec.out,
        from.places.length,
        to.places.length,
        budgets[k] ?? 0,
      );
      const maxAbs = maxAbsWeight(links);
      for (const link of links) {
        const a = from.places[link.from];
        const b = to.places[link.to];
        if (a === undefined || b === undefined) continue;
        const path = paths[(link.weight >= 0 ? 0 : LEVELS) + linkLevel(link.weight, maxAbs)]!;
        const x1 = a.x + r + (from.kind === 'hidden' ? thumb + 3 : 0);
        path.moveTo(x1, a.y);
        path.lineTo(b.x - r, b.y);
        const name =
          k === 0
            ? (layout.input_names[link.from] ?? `x${link.from + 1}`)
            : `L${k} u${link.from + 1}`;
        const to_ = spec.output ? 'output' : `L${k + 1} u${link.to + 1}`;
        this.segments.push({
          x1,
          y1: a.y,
          x2: b.x - r,
          y2: b.y,
          text: `weight ${name} → ${to_} = ${formatValue(link.weight)}`,
        });
      }
    });
    ctx.save();
    ctx.lineCap = 'butt';
    paths.forEach((path, i) => {
      const { width, alpha } = levelStroke(i % LEVELS);
      ctx.globalAlpha = alpha;
      ctx.lineWidth = width;
      ctx.strokeStyle = i < LEVELS ? POSITIVE : NEGATIVE;
      ctx.stroke(path);
    });
    ctx.restore();
  }

  private drawUnits(ctx: CanvasRenderingContext2D, g: NetworkGeometry, layout: Layout): void {
    const r = g.radius;
    const params = this.params;
    let maxBias = 0.5;
    if (params !== null)
      for (const spec of layout.layers)
        for (let u = 0; u < spec.out; u++)
          maxBias = Math.max(maxBias, Math.abs(params[spec.b + u] ?? 0));
    ctx.font = T.font;
    this.biasBars = [];
    const thumb = this.thumbSize(g);
    for (const col of g.columns) {
      if (col.kind === 'input') {
        ctx.textAlign = 'right';
        ctx.textBaseline = 'middle';
        for (const p of col.places) {
          ctx.fillStyle = T.inputFill;
          ctx.strokeStyle = T.axis;
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.roundRect(p.x - r, p.y - r, 2 * r, 2 * r, Math.min(4, r / 2));
          ctx.fill();
          ctx.stroke();
          if (r >= 5) {
            ctx.fillStyle = T.axis;
            ctx.fillText(this.layout?.input_names[p.unit] ?? `x${p.unit + 1}`, p.x - r - 4, p.y);
          }
        }
        continue;
      }
      const spec = layout.layers[col.layer];
      const ev = this.evaluation?.layers[col.layer];
      const revived = this.revivedNow[col.layer];
      for (const p of col.places) {
        let style = OUTPUT_STYLE;
        let rate = 0;
        if (col.kind === 'hidden') {
          const state = ev?.state?.[p.unit] ?? 'active';
          rate = ev?.rate?.[p.unit] ?? 0;
          style =
            ev === undefined
              ? { ...OUTPUT_STYLE, outlineWidth: 1, outline: T.axis }
              : unitStyle(
                  state,
                  (ev.born_dead_units?.[p.unit] ?? 0) !== 0,
                  revived?.[p.unit] ?? false,
                );
          if (ev === undefined) style = { ...style, fill: 'hollow' };
        }
        drawUnit(ctx, p.x, p.y, r, style, rate);
        if (col.kind === 'hidden' && thumb > 0)
          this.drawThumb(ctx, col.layer, p.unit, p.x + r + 3, p.y, thumb);
        const bias = params !== null && spec !== undefined ? params[spec.b + p.unit] : undefined;
        if (bias !== undefined && Number.isFinite(bias)) {
          // Bias bar on the unit's left, from a small zero tick: up for positive, down for
          // negative, length |b| relative to the largest bias (at least 0.5).
          const len = (r * 1.2 * Math.abs(bias)) / maxBias;
          const x = p.x - r - 7;
          ctx.fillStyle = '#8a9099';
          ctx.fillRect(x - 1, p.y - 0.5, 6, 1);
          ctx.fillStyle = bias >= 0 ? POSITIVE : NEGATIVE;
          ctx.fillRect(x, bias >= 0 ? p.y - len : p.y, 4, len);
          const unitName = spec?.output ? 'output' : `L${col.layer + 1} u${p.unit + 1}`;
          this.biasBars.push({
            x: x - 1,
            y: bias >= 0 ? p.y - len : p.y - 1,
            w: 6,
            h: Math.max(2, len),
            text: `bias of ${unitName} = ${formatValue(bias)}`,
          });
        }
      }
    }
  }

  /** The side of a unit's map thumbnail (0: none, when units are drawn too small). */
  private thumbSize(g: NetworkGeometry): number {
    return this.maps === null || g.radius < 6 ? 0 : Math.round(g.radius * 1.7);
  }

  /** The unit's map: where in the input it fires (z > 0), as a small square or strip. */
  private drawThumb(
    ctx: CanvasRenderingContext2D,
    layer: number,
    unit: number,
    x: number,
    y: number,
    size: number,
  ): void {
    const r = this.region(layer, unit);
    if (r === null) return;
    const img = new ImageData(r.width, r.height);
    img.data.set(regionMask(r, [150, 156, 166, 255]));
    for (let i = 0; i < r.z.length; i++) if (r.z[i]! > 0) img.data.set([255, 196, 64, 255], i * 4);
    const scratch = this.scratch ?? (this.scratch = document.createElement('canvas'));
    scratch.width = r.width;
    scratch.height = r.height;
    scratch.getContext('2d')?.putImageData(img, 0, 0);
    const h = r.height === 1 ? Math.max(4, Math.round(size / 3)) : size;
    ctx.save();
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(scratch, x, y - h / 2, size, h);
    ctx.strokeStyle = T.axis;
    ctx.lineWidth = 0.75;
    ctx.strokeRect(x, y - h / 2, size, h);
    ctx.restore();
  }

  private scratch: HTMLCanvasElement | null = null;

  private drawLabels(ctx: CanvasRenderingContext2D, g: NetworkGeometry): void {
    const spacing = columnSpacing(g);
    ctx.fillStyle = T.axis;
    ctx.font = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'alphabetic';
    const labels = columnLabels(g);
    g.columns.forEach((col, i) => {
      const label = labels[i];
      if (label) ctx.fillText(label, col.x, g.labelY);
    });
    ctx.font = T.font;
    ctx.fillStyle = '#5a6270';
    for (const col of g.columns) {
      const more = moreLabel(col.more, spacing);
      if (more !== null) ctx.fillText(more, col.x, g.moreY);
    }
  }
}
