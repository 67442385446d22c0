// Visible notices about the link (bad hash values) and other page-level problems.
import { h } from '../dom';

export class Notices {
  constructor(private readonly host: HTMLElement) {}

  show(messages: readonly string[], level: 'warning' | 'error' = 'warning'): void {
    this.host.replaceChildren();
    if (messages.length === 0) {
      this.host.hidden = true;
      return;
    }
    const dismiss = h(
      'button',
      { type: 'button', class: 'notice-dismiss', 'aria-label': 'Dismiss notice' },
      '×',
    );
    dismiss.addEventListener('click', () => this.show([]));
    this.host.append(
      h(
        'div',
        { class: `notice is-${level}` },
        h('div', { class: 'notice-text' }, ...messages.map((m) => h('p', {}, m))),
        level === 'warning' ? dismiss : null,
      ),
    );
    this.host.hidden = false;
  }
}
