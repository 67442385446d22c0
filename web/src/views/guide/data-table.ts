// A plain table of a result: a caption, column heads, and rows of text cells (the numbers
// already formatted by the page that measured them).
import { h } from '../../dom';

export function dataTable(
  caption: string,
  heads: readonly string[],
  rows: readonly (readonly (string | Node)[])[],
): HTMLElement {
  return h(
    'div',
    { class: 'gd-table-wrap' },
    h(
      'table',
      { class: 'gd-table' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...heads.map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            {},
            ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))),
          ),
        ),
      ),
    ),
  );
}
