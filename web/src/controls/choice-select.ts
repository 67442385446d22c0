// A select over common numeric values that can also show any other value (e.g. from a link).
import { h, uid } from '../dom';
import { formatNumber } from '../state/parse-number';
import type { Field } from './fields';

export function numberSelect(
  label: string,
  values: readonly number[],
  help: string,
  onChange: (value: number) => void,
): Field<number> {
  const id = uid('select');
  const helpId = uid('help');
  const select = h('select', { id, 'aria-describedby': helpId });
  const fill = (extra: number | null): void => {
    const all = [...values];
    if (extra !== null && !all.includes(extra)) all.push(extra);
    all.sort((a, b) => a - b);
    select.replaceChildren(
      ...all.map((v) => h('option', { value: formatNumber(v) }, formatNumber(v))),
    );
  };
  fill(null);
  select.addEventListener('change', () => onChange(Number(select.value)));
  const element = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    select,
    h('p', { id: helpId, class: 'hint' }, help),
  );
  return {
    element,
    setValue: (v) => {
      fill(v);
      select.value = formatNumber(v);
    },
    setDisabled: (d) => {
      select.disabled = d;
    },
  };
}
