// Small legend pieces (inline SVG swatches) for the data and network views.

const NS = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number): SVGSVGElement {
  const el = document.createElementNS(NS, 'svg');
  el.setAttribute('width', String(width));
  el.setAttribute('height', String(height));
  el.setAttribute('aria-hidden', 'true');
  return el;
}

function shape(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A point marker: filled (train) or outlined (test). */
export function pointSwatch(colour: string, filled: boolean): SVGSVGElement {
  const el = svg(14, 14);
  el.append(
    shape('circle', {
      cx: 7,
      cy: 7,
      r: filled ? 5 : 4.5,
      fill: filled ? colour : '#fff',
      stroke: filled ? '#fff' : colour,
      'stroke-width': filled ? 1 : 2,
    }),
  );
  return el;
}

export function lineSwatch(colour: string, width: number, dash = ''): SVGSVGElement {
  const el = svg(26, 10);
  const attrs: Record<string, string | number> = {
    x1: 1,
    x2: 25,
    y1: 5,
    y2: 5,
    stroke: colour,
    'stroke-width': width,
  };
  if (dash) attrs['stroke-dasharray'] = dash;
  el.append(shape('line', attrs));
  return el;
}

/** A swatch drawn by a callback on a small canvas (for unit states). */
export function canvasSwatch(
  size: number,
  draw: (ctx: CanvasRenderingContext2D, size: number) => void,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ratio = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  canvas.width = Math.round(size * ratio);
  canvas.height = Math.round(size * ratio);
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = canvas.getContext('2d');
  if (ctx !== null) {
    ctx.scale(ratio, ratio);
    draw(ctx, size);
  }
  return canvas;
}
