// Draws one unit on a canvas from its UnitStyle (used by the network view and its legend).
import { PLOT_THEME as T } from '../plot-theme';
import { rateColour } from './colour-scale';
import { DEAD_FILL, REVIVED_RING, type UnitStyle } from './unit-style';

export function drawUnit(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  style: UnitStyle,
  rate: number,
): void {
  if (style.revivedRing) {
    ctx.beginPath();
    ctx.arc(x, y, r + 3.5, 0, Math.PI * 2);
    ctx.lineWidth = 3;
    ctx.strokeStyle = REVIVED_RING;
    ctx.setLineDash([]);
    ctx.stroke();
  }
  if (style.outerDots) {
    ctx.beginPath();
    ctx.arc(x, y, r + 3, 0, Math.PI * 2);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = style.outline;
    ctx.setLineDash([1.5, 2.5]);
    ctx.stroke();
  }
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle =
    style.fill === 'dead' ? DEAD_FILL : style.fill === 'hollow' ? T.surface : rateColour(rate);
  ctx.fill();
  ctx.lineWidth = style.outlineWidth;
  ctx.strokeStyle = style.outline;
  ctx.setLineDash(style.dash);
  ctx.stroke();
  ctx.setLineDash([]);
  if (style.cross) {
    const d = r * 0.5;
    ctx.beginPath();
    ctx.moveTo(x - d, y - d);
    ctx.lineTo(x + d, y + d);
    ctx.moveTo(x + d, y - d);
    ctx.lineTo(x - d, y + d);
    ctx.lineWidth = Math.max(1.2, r * 0.18);
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }
  if (style.bornMarker) {
    const s = Math.max(2.5, r * 0.32);
    const mx = x + r * 0.78;
    const my = y - r * 0.78;
    ctx.beginPath();
    ctx.moveTo(mx, my - s);
    ctx.lineTo(mx + s, my);
    ctx.lineTo(mx, my + s);
    ctx.lineTo(mx - s, my);
    ctx.closePath();
    ctx.fillStyle = '#000000';
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }
}
