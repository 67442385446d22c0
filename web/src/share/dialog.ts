// A modal dialog (the native <dialog>: focus kept inside, Escape closes) with a title, a close
// button and a body the caller fills; and a labelled field for its controls.
import { h, uid } from '../dom';

export class Dialog {
  readonly element: HTMLDialogElement;
  readonly body: HTMLDivElement;

  constructor(title: string, cls: string) {
    const id = uid('dialog');
    const close = h(
      'button',
      { type: 'button', class: 'dialog-close', 'aria-label': 'Close' },
      '×',
    );
    close.addEventListener('click', () => this.element.close());
    this.body = h('div', { class: 'dialog-body' });
    this.element = h(
      'dialog',
      { class: `dialog ${cls}`, 'aria-labelledby': id },
      h('div', { class: 'dialog-head' }, h('h2', { id }, title), close),
      this.body,
    );
    // A click on the backdrop (the dialog element itself, outside its content) closes it.
    this.element.addEventListener('click', (e) => {
      if (e.target === this.element) this.element.close();
    });
  }

  open(): void {
    if (!this.element.isConnected) document.body.append(this.element);
    if (!this.element.open) this.element.showModal();
  }

  close(): void {
    this.element.close();
  }
}

/** `control` under its label (the label names it for assistive technology). */
export function field(label: string, control: HTMLElement): HTMLElement {
  control.id = uid('field');
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}
