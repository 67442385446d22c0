// The card shown on hover or keyboard focus of a unit: its statistics in words and its
// pre-activation histogram (z = 0 marked).
import { h, uid } from '../../dom';
import { formatValue } from '../../text/format';
import { PLOT_THEME as T } from '../plot-theme';
import { fitCanvas } from './canvas-frame';
import { ratePercent, type UnitInfo } from './unit-info';
import { stateWords } from './unit-style';

const HIST_W = 208;
const HIST_H = 64;

export class UnitCard {
  readonly element: HTMLDivElement;
  readonly id = uid('pv-card');
  private readonly title: HTMLParagraphElement;
  private readonly rows: HTMLDListElement;
  private readonly histogram: HTMLCanvasElement;
  private readonly histNote: HTMLParagraphElement;

  constructor() {
    this.title = h('p', { class: 'pv-card-title' });
    this.rows = h('dl', { class: 'pv-card-rows' });
    this.histogram = h('canvas', { class: 'pv-card-hist', 'aria-hidden': 'true' });
    this.histNote = h('p', { class: 'pv-card-note' });
    this.element = h(
      'div',
      { class: 'pv-card', id: this.id, role: 'tooltip', hidden: true },
      this.title,
      this.rows,
      this.histogram,
      this.histNote,
    );
  }

  show(info: UnitInfo, anchor: { x: number; y: number; r: number }, bounds: number): void {
    this.fill(info);
    this.element.hidden = false;
    const width = this.element.offsetWidth || 232;
    // Right of the unit if it fits, else left of it, else below it; always inside the view.
    const right = anchor.x + anchor.r + 10;
    const leftSide = anchor.x - anchor.r - 10 - width;
    let left: number;
    let top = anchor.y - 16;
    if (right + width <= bounds) left = right;
    else if (leftSide >= 0) left = leftSide;
    else {
      left = anchor.x - width / 2;
      top = anchor.y + anchor.r + 8;
    }
    left = Math.max(0, Math.min(left, bounds - width));
    this.element.style.left = `${Math.round(left)}px`;
    this.element.style.top = `${Math.round(Math.max(0, top))}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  fill(info: UnitInfo): void {
    this.title.replaceChildren(
      h('b', {}, info.title),
      ' ',
      h('span', { class: 'pv-card-act' }, info.activation),
    );
    const rows: [string, string][] = [];
    if (info.rate !== undefined) rows.push(['Fires on', `${ratePercent(info.rate)} of samples`]);
    if (info.state !== undefined)
      rows.push(['State', stateWords(info.state, info.firstLayer === true)]);
    if (info.bornDead !== undefined) rows.push(['Born dead', info.bornDead ? 'yes' : 'no']);
    if (info.revivals !== undefined) rows.push(['Revivals', String(info.revivals)]);
    if (info.bias !== undefined) rows.push(['Bias', formatValue(info.bias)]);
    if (info.alpha !== undefined) rows.push(['α', info.alpha]);
    this.rows.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
    if (info.histogram === undefined) {
      this.histogram.hidden = true;
      this.histNote.hidden = true;
      return;
    }
    this.histogram.hidden = false;
    this.histNote.hidden = false;
    this.histNote.textContent = `Pre-activation z on the training set, −${formatValue(info.histogram.range)} to ${formatValue(info.histogram.range)}; the line is z = 0`;
    this.drawHistogram(info.histogram.bins, info.histogram.range);
  }

  private drawHistogram(bins: readonly number[], range: number): void {
    const ctx = fitCanvas(this.histogram, HIST_W, HIST_H);
    ctx.clearRect(0, 0, HIST_W, HIST_H);
    const top = 4;
    const base = HIST_H - 16;
    const n = bins.length;
    let peak = 0;
    for (const b of bins) peak = Math.max(peak, b);
    const bw = HIST_W / Math.max(1, n);
    for (let i = 0; i < n; i++) {
      const v = bins[i]!;
      if (v <= 0 || peak <= 0) continue;
      const hgt = Math.max(1, ((base - top) * v) / peak);
      // Bins below zero in the vermillion of f', above zero in the blue of f.
      ctx.fillStyle = (i + 0.5) / n < 0.5 ? '#D55E00' : '#0072B2';
      ctx.fillRect(i * bw + 0.5, base - hgt, Math.max(1, bw - 1), hgt);
    }
    ctx.strokeStyle = T.axis;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, base + 0.5);
    ctx.lineTo(HIST_W, base + 0.5);
    const zero = Math.round(HIST_W / 2) + 0.5;
    ctx.moveTo(zero, top - 2);
    ctx.lineTo(zero, base + 4);
    ctx.stroke();
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = T.axis;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillText(`−${formatValue(range)}`, 0, base + 4);
    ctx.textAlign = 'center';
    ctx.fillText('0', zero, base + 4);
    ctx.textAlign = 'right';
    ctx.fillText(formatValue(range), HIST_W, base + 4);
  }
}
