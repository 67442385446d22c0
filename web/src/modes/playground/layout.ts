// The playground's one screen: a bar across the top with the run's buttons and counts and,
// under it, the alpha strip (kind, slider, exact value, presets); then three columns: the
// activation plot, the invitation and the folded settings; the network; the decision boundary
// (or fitted curve) over the loss chart. More charts, per-layer numbers and what the words
// mean follow below the fold. The bar and the strip stick to the top, so on a phone, where the
// columns stack, alpha and the counts stay in reach while the views scroll beneath.
import { part } from '../../app/parts';
import { h, uid } from '../../dom';
import { networkLegend } from '../../views/playground/network-legend';

export interface PlaygroundLayout {
  root: HTMLElement;
  runBar: HTMLElement;
  runNotices: HTMLElement;
  alphaStrip: HTMLElement;
  invite: HTMLElement;
  settings: HTMLElement;
  network: HTMLElement;
  output: HTMLElement;
  outputTitle: HTMLHeadingElement;
  outputNote: HTMLParagraphElement;
  loss: HTMLElement;
  dead: HTMLElement;
  charts: HTMLElement;
  layers: HTMLElement;
  activation: HTMLElement;
  about: HTMLElement;
}

function card(
  cls: string,
  title: string,
  ...body: Node[]
): {
  el: HTMLElement;
  heading: HTMLHeadingElement;
} {
  const id = uid('card');
  const heading = h('h2', { id }, title);
  return {
    el: h('section', { class: `card ${cls}`, 'aria-labelledby': id }, heading, ...body),
    heading,
  };
}

export function playgroundLayout(): PlaygroundLayout {
  const runBar = part(h('div', { class: 'run-bar' }), 'run');
  const runNotices = h('div', { class: 'notices run-notices', role: 'alert', hidden: true });
  const alphaStrip = h('div', { class: 'alpha-host' });
  const invite = part(
    h('div', { class: 'invite', role: 'status', 'aria-live': 'polite', hidden: true }),
    'invite',
  );
  const settings = part(h('div', { class: 'settings-host' }), 'settings');
  const network = h('div', { class: 'network-host' });
  const outputNote = h('p', { class: 'card-note' });
  const output = h('div', { class: 'output-host' });
  const loss = h('div', { class: 'loss-host' });
  const dead = h('div', { class: 'dead-host' });
  const charts = h('div', { class: 'charts-host' });
  const layers = h('div', { class: 'layers-host' });
  const activation = h('div', { class: 'activation-host' });
  const about = h('div', { class: 'about-host' });

  const net = card(
    'card-network',
    'Network',
    h(
      'p',
      { class: 'card-note' },
      'Circles: hidden units, coloured by how often they fire (z > 0); maps: where in the input each fires. Point at or tab to a unit, a link or a bias for its numbers.',
    ),
    network,
    networkLegend(),
  );
  const out = card('card-output', 'Decision boundary', outputNote, output);
  const lossCard = card('card-loss', 'Loss', loss);
  const deadCard = card('card-dead', 'Dead and dormant units', dead);
  part(net.el, 'network');
  part(out.el, 'output');
  part(lossCard.el, 'loss');
  part(deadCard.el, 'dead');

  const root = h(
    'div',
    { class: 'playground' },
    h('div', { class: 'sticky-top' }, runBar, alphaStrip),
    runNotices,
    h(
      'div',
      { class: 'screen' },
      h(
        'aside',
        { class: 'col-controls', 'aria-label': 'Activation and settings' },
        part(card('card-activation', 'The activation', activation).el, 'activation'),
        invite,
        settings,
      ),
      h('div', { class: 'col-network' }, net.el, lossCard.el),
      h('div', { class: 'col-output' }, out.el, deadCard.el),
    ),
    part(
      h(
        'div',
        { class: 'below' },
        card('card-charts', 'Over training', charts).el,
        card('card-layers', 'Per layer, at the last evaluation', layers).el,
        about,
      ),
      'more',
    ),
  );
  return {
    root,
    runBar,
    runNotices,
    alphaStrip,
    invite,
    settings,
    network,
    output,
    outputTitle: out.heading,
    outputNote,
    loss,
    dead,
    charts,
    layers,
    activation,
    about,
  };
}
