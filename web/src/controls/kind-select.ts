// The activation selector, with a one-line description of the chosen function.
import { h, uid } from '../dom';
import { kindHelp } from '../text/kind-help';
import type { ActivationKind } from '../wasm/build-info';

export class KindSelect {
  readonly element: HTMLDivElement;
  private readonly select: HTMLSelectElement;
  private readonly help: HTMLParagraphElement;

  constructor(kinds: readonly ActivationKind[], onChange: (kind: string) => void) {
    const id = uid('kind');
    const helpId = uid('kind-help');
    this.select = h(
      'select',
      { id, 'aria-describedby': helpId },
      ...kinds.map((k) => h('option', { value: k.name }, k.label)),
    );
    this.help = h('p', { id: helpId, class: 'help' });
    this.element = h(
      'div',
      { class: 'field kind-field' },
      h('label', { for: id }, 'Activation'),
      this.select,
      this.help,
    );
    this.select.addEventListener('change', () => onChange(this.select.value));
  }

  setValue(kind: string): void {
    this.select.value = kind;
    this.help.textContent = kindHelp(kind);
  }
}
