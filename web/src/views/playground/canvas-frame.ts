// Canvas helpers shared by the data views: a canvas sized to CSS pixels x devicePixelRatio,
// and axes with ticks and names around a plot rectangle.
import { formatValue } from '../../text/format';
import { PLOT_THEME as T } from '../plot-theme';
import { niceTicks } from './ticks';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Resizes the canvas backing store to width x height CSS pixels; returns its 2-D context. */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D {
  const ratio = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2-D canvas context');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

export interface AxisSpec {
  min: number;
  max: number;
  name: string;
}

/** Maps a value of [min, max] to a pixel position along [start, start + length]. */
export function scale(v: number, min: number, max: number, start: number, length: number): number {
  return max > min ? start + ((v - min) / (max - min)) * length : start + length / 2;
}

/** The plot's frame alone (small multiples, which leave the axes to a larger view). */
export function drawFrame(ctx: CanvasRenderingContext2D, plot: Rect): void {
  ctx.save();
  ctx.strokeStyle = T.axis;
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.left - 0.5, plot.top - 0.5, plot.width + 1, plot.height + 1);
  ctx.restore();
}

/** Draws the frame, ticks, tick labels and axis names around `plot`. */
export function drawAxes(
  ctx: CanvasRenderingContext2D,
  plot: Rect,
  x: AxisSpec,
  y: AxisSpec,
  grid = false,
): void {
  const { left, top, width, height } = plot;
  ctx.save();
  ctx.font = T.font;
  ctx.fillStyle = T.axis;
  ctx.strokeStyle = T.axis;
  ctx.lineWidth = 1;
  const xTicks = niceTicks(x.min, x.max, Math.max(2, Math.floor(width / 60)));
  const yTicks = niceTicks(y.min, y.max, Math.max(2, Math.floor(height / 45)));
  if (grid) {
    ctx.strokeStyle = T.grid;
    ctx.beginPath();
    for (const v of xTicks) {
      const px = Math.round(scale(v, x.min, x.max, left, width)) + 0.5;
      ctx.moveTo(px, top);
      ctx.lineTo(px, top + height);
    }
    for (const v of yTicks) {
      const py = Math.round(scale(v, y.min, y.max, top + height, -height)) + 0.5;
      ctx.moveTo(left, py);
      ctx.lineTo(left + width, py);
    }
    ctx.stroke();
    ctx.strokeStyle = T.axis;
  }
  drawFrame(ctx, plot);
  ctx.beginPath();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of xTicks) {
    const px = Math.round(scale(v, x.min, x.max, left, width)) + 0.5;
    ctx.moveTo(px, top + height);
    ctx.lineTo(px, top + height + 5);
    ctx.fillText(formatValue(v), px, top + height + 7);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of yTicks) {
    const py = Math.round(scale(v, y.min, y.max, top + height, -height)) + 0.5;
    ctx.moveTo(left - 5, py);
    ctx.lineTo(left, py);
    ctx.fillText(formatValue(v), left - 7, py);
  }
  ctx.stroke();
  ctx.font = T.labelFont;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(x.name, left + width / 2, top + height + 40);
  ctx.save();
  ctx.translate(left - 38, top + height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'bottom';
  ctx.fillText(y.name, 0, 0);
  ctx.restore();
  ctx.restore();
}
