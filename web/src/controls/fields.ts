// Small labelled form fields with a line of plain-words help: select, slider, checkbox, number.
// Each only reports what the user picked; the page decides what it means.
import { h, uid } from '../dom';
import { formatNumber, parseFiniteNumber } from '../state/parse-number';

export interface Field<T> {
  readonly element: HTMLElement;
  setValue(value: T): void;
  setDisabled(disabled: boolean): void;
}

function helpLine(id: string, help: string): HTMLParagraphElement {
  return h('p', { id, class: 'hint' }, help);
}

export function selectField(
  label: string,
  options: readonly { value: string; label: string }[],
  help: string,
  onChange: (value: string) => void,
): Field<string> {
  const id = uid('select');
  const helpId = uid('help');
  const select = h(
    'select',
    { id, 'aria-describedby': helpId },
    ...options.map((o) => h('option', { value: o.value }, o.label)),
  );
  select.addEventListener('change', () => onChange(select.value));
  const element = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    select,
    helpLine(helpId, help),
  );
  return {
    element,
    setValue: (v) => {
      select.value = v;
    },
    setDisabled: (d) => {
      select.disabled = d;
    },
  };
}

/** A slider over `values` (by index), showing the chosen value beside the label. */
export function steppedSlider(
  label: string,
  values: readonly number[],
  format: (v: number) => string,
  help: string,
  onChange: (value: number) => void,
): Field<number> {
  const id = uid('range');
  const helpId = uid('help');
  const slider = h('input', {
    id,
    type: 'range',
    min: '0',
    max: String(values.length - 1),
    step: '1',
    'aria-describedby': helpId,
  });
  const out = h('output', { for: id, class: 'field-value' });
  const show = (v: number): void => {
    out.textContent = format(v);
    slider.setAttribute('aria-valuetext', format(v));
  };
  slider.addEventListener('input', () => {
    const v = values[Number(slider.value)] as number;
    show(v);
    onChange(v);
  });
  const element = h(
    'div',
    { class: 'field' },
    h('div', { class: 'field-head' }, h('label', { for: id }, label), out),
    slider,
    helpLine(helpId, help),
  );
  return {
    element,
    setValue: (v) => {
      let best = 0;
      values.forEach((x, i) => {
        if (Math.abs(x - v) < Math.abs((values[best] as number) - v)) best = i;
      });
      slider.value = String(best);
      show(v);
    },
    setDisabled: (d) => {
      slider.disabled = d;
    },
  };
}

export function checkboxField(
  label: string,
  help: string,
  onChange: (checked: boolean) => void,
): Field<boolean> {
  const id = uid('check');
  const helpId = uid('help');
  const box = h('input', { id, type: 'checkbox', 'aria-describedby': helpId });
  box.addEventListener('change', () => onChange(box.checked));
  const element = h(
    'div',
    { class: 'field check-field' },
    h('div', { class: 'check-row' }, box, h('label', { for: id }, label)),
    helpLine(helpId, help),
  );
  return {
    element,
    setValue: (v) => {
      box.checked = v;
    },
    setDisabled: (d) => {
      box.disabled = d;
    },
  };
}

/** A typed number, applied on Enter or when the field loses focus; bad text gets a message. */
export function numberField(
  label: string,
  help: string,
  check: (x: number) => string | null,
  onChange: (value: number) => void,
): Field<number> & { showProblem(message: string): void } {
  const id = uid('number');
  const helpId = uid('help');
  const errorId = uid('error');
  const input = h('input', {
    id,
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${helpId} ${errorId}`,
    class: 'number-input',
  });
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert', hidden: true });
  const showProblem = (message: string): void => {
    error.textContent = message;
    error.hidden = message === '';
    if (message === '') input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  };
  let last = NaN;
  const apply = (): void => {
    const x = parseFiniteNumber(input.value);
    const problem = x === null ? `${label} must be a finite number.` : check(x);
    if (problem !== null) {
      showProblem(`“${input.value.trim().slice(0, 24)}” is not applied: ${problem}`);
      return;
    }
    showProblem('');
    if (x !== last) {
      last = x as number;
      onChange(x as number);
    }
  };
  input.addEventListener('change', apply);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') apply();
  });
  const element = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    input,
    error,
    helpLine(helpId, help),
  );
  return {
    element,
    setValue: (v) => {
      last = v;
      input.value = formatNumber(v);
      showProblem('');
    },
    setDisabled: (d) => {
      input.disabled = d;
    },
    showProblem,
  };
}
