// Per hidden layer, the numbers the questions need, from the core's last evaluation: active,
// dead, dormant and born-dead units, revivals so far, sparsity (as the core defines it), mean
// |gradient| and weight norm, and PReLU's slope.
import { h } from '../../dom';
import type { Evaluation } from '../../run/protocol';
import { formatCount, formatPercent, formatValue } from '../../text/format';
import { meanAlpha } from './unit-info';

const COLUMNS: readonly { head: string; title: string }[] = [
  { head: 'Layer', title: '' },
  { head: 'Units', title: 'Hidden units in the layer' },
  { head: 'Active', title: 'Units with z > 0 on at least one training point' },
  {
    head: 'Dead',
    title:
      'Inactive on every training point, and f′(z) = 0 there: no gradient reaches the unit’s own weights and bias',
  },
  {
    head: 'Dormant',
    title:
      'Inactive on every training point, yet f′(z) ≠ 0 (α ≠ 0): a gradient still reaches its weights',
  },
  { head: 'Born dead', title: 'Inactive at step 0' },
  {
    head: 'Revivals',
    title: 'Times a unit inactive at one evaluation was active at the next (all units, so far)',
  },
  {
    head: 'Sparsity',
    title:
      'ReLU-like layers: share of outputs exactly 0; leaky layers: share of pre-activations z ≤ 0 (the negative side)',
  },
  {
    head: 'Mean |∂L/∂W|',
    title: 'Mean absolute gradient of the layer’s weights on the whole training set',
  },
  { head: '‖W‖', title: 'Frobenius norm of the layer’s weights' },
  { head: 'α', title: 'The layer’s slope (PReLU: learned; the mean when per unit)' },
];

export class LayerTable {
  readonly element: HTMLDivElement;
  private readonly body: HTMLTableSectionElement;
  private readonly caption: HTMLParagraphElement;

  constructor() {
    this.body = h('tbody');
    this.caption = h('p', { class: 'card-note' }, 'Numbers appear with the first evaluation.');
    this.element = h(
      'div',
      { class: 'layer-table-wrap' },
      this.caption,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'layer-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...COLUMNS.map((c) => h('th', { scope: 'col', title: c.title || undefined }, c.head)),
            ),
          ),
          this.body,
        ),
      ),
    );
  }

  update(ev: Evaluation): void {
    this.caption.textContent = `At step ${formatCount(ev.step)}, measured on the training set in evaluation mode. Hover a column head for its definition.`;
    const rows: string[][] = ev.layers.map((l, i) => {
      const revivals = (l.revivals ?? []).reduce((a, b) => a + b, 0);
      const alpha = l.alpha === undefined ? '—' : formatValue(meanAlpha(l.alpha) ?? Number.NaN);
      const sparsity = `${formatPercent(l.sparsity)}${l.sparsity_kind === 'negative_side' ? ' (z ≤ 0)' : ' (zeros)'}`;
      const cells = [
        `${i + 1} · ${l.activation}`,
        formatCount(l.units),
        formatCount(l.units - l.inactive),
        formatCount(l.dead),
        formatCount(l.dormant),
        formatCount(l.born_dead),
        formatCount(revivals),
        sparsity,
        formatValue(l.mean_abs_grad),
        formatValue(l.weight_norm),
        alpha,
      ];
      return cells;
    });
    // Cells change text in place: no new rows (and no page layout) unless the shape changed.
    if (this.body.rows.length !== rows.length)
      this.body.replaceChildren(
        ...rows.map((cells) =>
          h('tr', {}, ...cells.map((_, j) => (j === 0 ? h('th', { scope: 'row' }) : h('td')))),
        ),
      );
    rows.forEach((cells, i) => {
      const row = this.body.rows[i]!;
      cells.forEach((text, j) => {
        const cell = row.cells[j]!;
        if (cell.textContent !== text) cell.textContent = text;
      });
    });
  }

  reset(): void {
    this.body.replaceChildren();
    this.caption.textContent = 'Numbers appear with the first evaluation.';
  }
}
