// The compare mode's screen: a bar across the top (run buttons, the step, whose gain the
// starting weights take, the target loss), then the runs as small multiples (each its kind and
// α, its decision boundary or fitted curve, its network) with the summary table under them,
// and the overlaid charts beside them. The settings every run shares follow below the fold. On
// a phone the columns stack: the summary first, the charts, then the runs.
import { part } from '../../app/parts';
import { h, uid } from '../../dom';

export interface CompareLayout {
  root: HTMLElement;
  bar: HTMLElement;
  runs: HTMLElement;
  summary: HTMLElement;
  charts: HTMLElement;
  settings: HTMLElement;
  about: HTMLElement;
}

function section(cls: string, title: string, ...body: Node[]): HTMLElement {
  const id = uid('cmp');
  return h(
    'section',
    { class: `cmp-card ${cls}`, 'aria-labelledby': id },
    h('h2', { id }, title),
    ...body,
  );
}

export function compareLayout(): CompareLayout {
  const bar = h('div', { class: 'run-bar cmp-bar' });
  const runs = h('div', { class: 'cmp-runs' });
  const summary = h('div', { class: 'cmp-summary-host' });
  const charts = h('div', { class: 'cmp-charts-host' });
  const settings = h('div', { class: 'cmp-settings' });
  const about = h('div', { class: 'cmp-about' });
  const root = h(
    'div',
    { class: 'compare' },
    part(h('div', { class: 'cmp-top' }, bar), 'run'),
    h(
      'div',
      { class: 'cmp-screen' },
      h(
        'div',
        { class: 'cmp-main' },
        part(section('cmp-runs-card', 'Runs', runs), 'runs'),
        part(section('cmp-summary-card', 'At the last evaluation', summary), 'summary'),
      ),
      part(section('cmp-charts-card', 'Over training', charts), 'charts'),
    ),
    part(h('div', { class: 'cmp-below' }, settings, about), 'more'),
  );
  return { root, bar, runs, summary, charts, settings, about };
}
