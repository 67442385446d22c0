// The network view's key: unit states (drawn as in the view), the firing-rate scale, link
// colours and the bias bar.
import { h } from '../../dom';
import { NEGATIVE, POSITIVE, rateColour } from './colour-scale';
import { canvasSwatch, lineSwatch } from './legend';
import { drawUnit } from './unit-draw';
import { unitStyle } from './unit-style';

function unitSwatch(kind: string): HTMLCanvasElement {
  return canvasSwatch(22, (ctx, size) => {
    const c = size / 2;
    const r = 6;
    if (kind === 'revived') drawUnit(ctx, c, c, r, unitStyle('active', false, true), 0.6);
    else if (kind === 'born') drawUnit(ctx, c, c, r, unitStyle('dead', true, false), 0);
    else if (kind === 'near_dead')
      drawUnit(ctx, c, c, r, unitStyle('near_dead', false, false), 0.005);
    else if (kind === 'dormant') drawUnit(ctx, c, c, r, unitStyle('dormant', false, false), 0);
    else if (kind === 'dead') drawUnit(ctx, c, c, r, unitStyle('dead', false, false), 0);
    else drawUnit(ctx, c, c, r, unitStyle('active', false, false), 0.7);
  });
}

export function networkLegend(): HTMLElement {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${rateColour(t)} ${t * 100}%`).join(', ');
  const bar = h('span', { class: 'pv-gradient pv-gradient-small', 'aria-hidden': 'true' });
  bar.style.background = `linear-gradient(to right, ${stops})`;
  const item = (swatch: Node, text: string): HTMLLIElement => h('li', {}, swatch, text);
  const biasBar = h('span', { class: 'pv-bias-key', 'aria-hidden': 'true' });
  return h(
    'ul',
    { class: 'pv-keys pv-net-keys', 'aria-label': 'Network legend' },
    h('li', {}, 'fires never', bar, 'always'),
    item(unitSwatch('near_dead'), 'near-dead'),
    item(unitSwatch('dormant'), 'dormant'),
    item(unitSwatch('dead'), 'dead'),
    item(unitSwatch('revived'), 'revived now'),
    item(unitSwatch('born'), 'born dead'),
    item(lineSwatch(POSITIVE, 3), 'weight > 0'),
    item(lineSwatch(NEGATIVE, 3), 'weight < 0'),
    item(biasBar, 'bias (up > 0)'),
  );
}
