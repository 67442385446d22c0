// The runs of a comparison side by side, live: one row per run (its colour, kind and α) with
// the core's last evaluation: losses, test accuracy, dead and dormant units, revivals,
// sparsity, and the steps it took to reach the target loss. Cells change in place.
import { h } from '../../dom';
import type { Evaluation } from '../../run/protocol';
import { formatCount, formatPercent, formatValue } from '../../text/format';
import { lineSwatch } from '../playground/legend';
import { LossRecords } from './loss-records';

const ITEMS = [
  'train',
  'test',
  'accuracy',
  'dead',
  'dormant',
  'revivals',
  'sparsity',
  'target',
] as const;
type Item = (typeof ITEMS)[number];

const HEAD: Readonly<Record<Item, string>> = {
  train: 'Train loss',
  test: 'Test loss',
  accuracy: 'Test acc.',
  dead: 'Dead',
  dormant: 'Dormant',
  revivals: 'Revivals',
  sparsity: 'Sparsity',
  target: 'Steps to target',
};

const TITLE: Partial<Record<Item, string>> = {
  dead: 'Hidden units with z ≤ 0 on every training point and no gradient to their own weights (f′ = 0 there).',
  dormant: 'Hidden units with z ≤ 0 on every training point that still get a gradient through α.',
  revivals:
    'Revival events so far: a unit inactive at one evaluation and active at the next, summed over units.',
  sparsity:
    'Share of (point, unit) outputs that are exactly 0 (ReLU-like layers) or on the negative side (leaky layers), over all hidden units.',
  target: 'The first evaluated step at which the training loss was at or below the target.',
};

export interface SummaryRun {
  colour: string;
  label: string;
}

interface Row {
  name: HTMLElement;
  cells: Map<Item, HTMLTableCellElement>;
  records: LossRecords;
  /** Shown instead of "not yet" when the run stopped (diverged, refused). */
  stopped: string | null;
}

function sum(xs: readonly number[] | undefined): number {
  return (xs ?? []).reduce((a, b) => a + b, 0);
}

export class SummaryTable {
  readonly element: HTMLDivElement;
  private readonly body: HTMLTableSectionElement;
  private readonly targetHead: HTMLTableCellElement;
  private rows: Row[] = [];
  private target = 0;

  constructor() {
    this.body = h('tbody');
    this.targetHead = h('th', { scope: 'col', title: TITLE.target }, HEAD.target);
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Run'),
      ...ITEMS.map((item) =>
        item === 'target'
          ? this.targetHead
          : h('th', { scope: 'col', title: TITLE[item] }, HEAD[item]),
      ),
    );
    this.element = h(
      'div',
      { class: 'cmp-summary' },
      h(
        'table',
        { class: 'cmp-table' },
        h('caption', { class: 'visually-hidden' }, 'Every run at the last evaluation'),
        h('thead', {}, head),
        this.body,
      ),
    );
  }

  setRuns(runs: readonly SummaryRun[]): void {
    const trs: HTMLTableRowElement[] = [];
    this.rows = runs.map((run, i) => {
      const name = h('span', { class: 'cmp-run-name' }, run.label);
      const cells = new Map<Item, HTMLTableCellElement>();
      // data-label: a phone shows each row as a block of labelled cells.
      for (const item of ITEMS)
        cells.set(item, h('td', { 'data-item': item, 'data-label': HEAD[item] }, '–'));
      trs.push(
        h(
          'tr',
          { 'data-run': String(i) },
          h('th', { scope: 'row' }, lineSwatch(run.colour, 4), name),
          ...cells.values(),
        ),
      );
      return { name, cells, records: new LossRecords(), stopped: null };
    });
    this.body.replaceChildren(...trs);
  }

  relabel(index: number, label: string): void {
    const row = this.rows[index];
    if (row !== undefined && row.name.textContent !== label) row.name.textContent = label;
  }

  /** The target loss (0: none); every row's steps to it are read again. */
  setTarget(target: number): void {
    this.target = target;
    this.targetHead.textContent =
      target > 0 ? `Steps to ≤ ${formatValue(target)}` : 'Steps to target';
    this.targetHead.title =
      target > 0 ? `${TITLE.target} (${formatValue(target)})` : (TITLE.target ?? '');
    for (const row of this.rows) {
      const cell = row.cells.get('target');
      if (cell !== undefined) cell.dataset['label'] = this.targetHead.textContent ?? '';
    }
    this.rows.forEach((_, i) => this.showTarget(i));
  }

  /** Run `index`'s evaluations of one round; the last one fills the row. */
  update(index: number, evaluations: readonly Evaluation[]): void {
    const row = this.rows[index];
    const ev = evaluations[evaluations.length - 1];
    if (row === undefined || ev === undefined) return;
    for (const e of evaluations) row.records.push(e.step, e.train_loss);
    const units = sum(ev.layers.map((l) => l.units));
    const dead = sum(ev.layers.map((l) => l.dead));
    const dormant = sum(ev.layers.map((l) => l.dormant));
    const sparsity = sum(ev.layers.map((l) => l.sparsity * l.units)) / Math.max(1, units);
    const detailed = ev.layers.every((l) => l.revivals !== undefined);
    this.set(row, 'train', formatValue(ev.train_loss));
    this.set(row, 'test', formatValue(ev.test_loss));
    this.set(
      row,
      'accuracy',
      ev.test_accuracy === undefined ? 'n/a' : formatPercent(ev.test_accuracy),
    );
    this.set(row, 'dead', `${formatCount(dead)} of ${formatCount(units)}`, dead);
    this.set(row, 'dormant', `${formatCount(dormant)} of ${formatCount(units)}`, dormant);
    if (detailed) {
      const revivals = sum(ev.layers.map((l) => sum(l.revivals)));
      this.set(row, 'revivals', formatCount(revivals), revivals);
    }
    this.set(row, 'sparsity', formatPercent(sparsity));
    this.showTarget(index);
  }

  /** Run `index` stopped: `why` replaces "not yet" in its steps to target. */
  stop(index: number, why: string): void {
    const row = this.rows[index];
    if (row === undefined) return;
    row.stopped = why;
    this.showTarget(index);
  }

  private showTarget(index: number): void {
    const row = this.rows[index];
    if (row === undefined) return;
    const at = row.records.firstAtOrBelow(this.target);
    const text =
      this.target > 0 ? (at === null ? (row.stopped ?? 'not yet') : formatCount(at)) : '–';
    this.set(row, 'target', text, at ?? undefined);
  }

  private set(row: Row, item: Item, text: string, count?: number): void {
    const cell = row.cells.get(item);
    if (cell === undefined) return;
    if (cell.textContent !== text) cell.textContent = text;
    if (count !== undefined) cell.dataset['count'] = String(count);
  }
}
