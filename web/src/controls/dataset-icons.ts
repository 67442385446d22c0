// Small hand-drawn thumbnails of each dataset (icons, not the data): Okabe-Ito blue and orange.
const NS = 'http://www.w3.org/2000/svg';
const BLUE = '#0072B2';
const ORANGE = '#E69F00';

function el(tag: string, attrs: Record<string, string>): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function spiralPath(turn: number): string {
  const pts: string[] = [];
  for (let i = 0; i <= 40; i++) {
    const t = (i / 40) * 2.6 * Math.PI;
    const r = 2 + i * 0.32;
    pts.push(
      `${(20 + r * Math.cos(t + turn)).toFixed(1)},${(20 + r * Math.sin(t + turn)).toFixed(1)}`,
    );
  }
  return `M${pts.join('L')}`;
}

function wavePath(): string {
  const pts: string[] = [];
  for (let i = 0; i <= 32; i++)
    pts.push(`${4 + i},${(20 - 10 * Math.sin((i / 32) * 2 * Math.PI)).toFixed(1)}`);
  return `M${pts.join('L')}`;
}

const stroke = (d: string, colour: string): SVGElement =>
  el('path', { d, fill: 'none', stroke: colour, 'stroke-width': '3', 'stroke-linecap': 'round' });

const DRAW: Readonly<Record<string, () => SVGElement[]>> = {
  spiral: () => [stroke(spiralPath(0), BLUE), stroke(spiralPath(Math.PI), ORANGE)],
  circle: () => [
    el('circle', {
      cx: '20',
      cy: '20',
      r: '14',
      fill: 'none',
      stroke: ORANGE,
      'stroke-width': '4',
      'stroke-dasharray': '2 3',
    }),
    el('circle', { cx: '20', cy: '20', r: '7', fill: BLUE }),
  ],
  xor: () => [
    el('rect', { x: '4', y: '4', width: '15', height: '15', fill: BLUE }),
    el('rect', { x: '21', y: '21', width: '15', height: '15', fill: BLUE }),
    el('rect', { x: '21', y: '4', width: '15', height: '15', fill: ORANGE }),
    el('rect', { x: '4', y: '21', width: '15', height: '15', fill: ORANGE }),
  ],
  gauss: () => [
    el('circle', { cx: '13', cy: '27', r: '8', fill: ORANGE, opacity: '0.85' }),
    el('circle', { cx: '27', cy: '13', r: '8', fill: BLUE, opacity: '0.85' }),
  ],
  moons: () => [stroke('M6,22 A9,9 0 0 1 24,22', BLUE), stroke('M16,18 A9,9 0 0 0 34,18', ORANGE)],
  plane: () => [
    el('rect', { x: '4', y: '4', width: '32', height: '32', fill: 'url(#plane-grad)' }),
  ],
  gaussians: () => [
    el('rect', { x: '4', y: '4', width: '32', height: '32', fill: '#f2f2f2' }),
    el('circle', { cx: '13', cy: '14', r: '8', fill: BLUE, opacity: '0.7' }),
    el('circle', { cx: '26', cy: '26', r: '8', fill: ORANGE, opacity: '0.7' }),
  ],
  sine: () => [stroke(wavePath(), BLUE)],
  line: () => [stroke('M5,33 L35,7', BLUE)],
  abs: () => [stroke('M5,7 L20,33 L35,7', BLUE)],
};

export function datasetIcon(kind: string): SVGSVGElement {
  const svg = el('svg', {
    viewBox: '0 0 40 40',
    width: '40',
    height: '40',
    'aria-hidden': 'true',
  }) as SVGSVGElement;
  if (kind === 'plane') {
    const defs = el('defs', {});
    const g = el('linearGradient', { id: 'plane-grad', x1: '0', y1: '1', x2: '1', y2: '0' });
    g.append(
      el('stop', { offset: '0', 'stop-color': ORANGE }),
      el('stop', { offset: '1', 'stop-color': BLUE }),
    );
    defs.append(g);
    svg.append(defs);
  }
  svg.append(...(DRAW[kind]?.() ?? []));
  return svg;
}
