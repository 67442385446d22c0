// A sweep's table as the core computed it (SweepTable): one row per group of runs that differ
// only in the seed, each metric as mean ± standard error over the seeds.
import { h } from '../../dom';
import type { MeanSe, SweepTable } from '../../run/sweep-api';
import { formatValue } from '../../text/format';

/** The metrics shown, in order: the core's names, with the page's headings. */
const COLUMNS: readonly { name: string; heading: string; when?: 'classification' | 'target' }[] = [
  { name: 'train_loss', heading: 'Train loss' },
  { name: 'test_loss', heading: 'Test loss' },
  { name: 'test_accuracy', heading: 'Test accuracy', when: 'classification' },
  { name: 'dead_fraction', heading: 'Dead' },
  { name: 'dormant_fraction', heading: 'Dormant' },
  { name: 'tau_dormant_fraction', heading: 'τ-dormant' },
  { name: 'born_dead_fraction', heading: 'Born dead' },
  { name: 'revivals', heading: 'Revivals' },
  { name: 'sparsity', heading: 'Sparsity' },
  { name: 'steps_to_target', heading: 'Steps to target', when: 'target' },
];

export function meanSeText(m: MeanSe | undefined): string {
  if (m === undefined || m.mean === null) return '—';
  return m.se === null ? formatValue(m.mean) : `${formatValue(m.mean)} ± ${formatValue(m.se)}`;
}

export class SweepTableView {
  readonly element: HTMLDivElement;

  constructor() {
    this.element = h('div', { class: 'sw-table-wrap' });
  }

  clear(): void {
    this.element.replaceChildren();
  }

  show(table: SweepTable): void {
    const columns = COLUMNS.filter(
      (c) =>
        c.when === undefined ||
        (c.when === 'classification' && table.classification) ||
        (c.when === 'target' && table.target),
    );
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'α'),
      ...table.varied.map((f) => h('th', { scope: 'col' }, f)),
      ...columns.map((c) => h('th', { scope: 'col' }, c.heading)),
      h('th', { scope: 'col' }, 'Collapsed'),
      h('th', { scope: 'col' }, 'Diverged'),
      h('th', { scope: 'col' }, 'Runs'),
    );
    const rows = table.rows.map((r) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, r.alpha === null ? '—' : formatValue(r.alpha)),
        ...table.varied.map((f) => h('td', {}, String(r.levels[f] ?? '—'))),
        ...columns.map((c) => h('td', {}, meanSeText(r.metrics[c.name]))),
        h('td', {}, `${r.collapsed}/${r.runs}`),
        h('td', {}, `${r.diverged}/${r.runs}`),
        h('td', {}, String(r.runs)),
      ),
    );
    this.element.replaceChildren(
      h(
        'table',
        { class: 'sw-table' },
        h(
          'caption',
          {},
          `Mean ± standard error of the mean over the seeds (sample standard deviation / √n); diverged runs are left out of every mean but born dead. τ-dormant: score ≤ ${formatValue(table.dormant_tau)} (Sokar et al. 2023).`,
        ),
        h('thead', {}, head),
        h('tbody', {}, ...rows),
      ),
    );
  }
}
