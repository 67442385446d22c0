// A few values of f and f' at round z, read from the core's output (no arithmetic here).
import { h } from '../dom';
import { formatValue } from '../text/format';

export const TABLE_Z: readonly number[] = [-2, -1, 0, 1, 2];

export class ValueTable {
  readonly element: HTMLTableElement;
  private readonly body: HTMLTableSectionElement;

  constructor() {
    this.body = h('tbody');
    this.element = h(
      'table',
      { class: 'value-table' },
      h('caption', {}, 'Values from the core'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'z'),
          h('th', { scope: 'col' }, 'f(z)'),
          h('th', { scope: 'col' }, 'f′(z)'),
        ),
      ),
      this.body,
    );
  }

  update(z: ArrayLike<number>, f: ArrayLike<number>, df: ArrayLike<number>): void {
    const rows: HTMLTableRowElement[] = [];
    for (const target of TABLE_Z) {
      const i = Array.prototype.indexOf.call(z, target) as number;
      if (i < 0) continue;
      rows.push(
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, formatValue(target)),
          h('td', {}, formatValue(f[i] as number)),
          h('td', {}, formatValue(df[i] as number)),
        ),
      );
    }
    this.body.replaceChildren(...rows);
  }
}
