// One line on the run: step, losses, accuracy, and how many hidden units are dead or dormant,
// straight from the core's last evaluation (the numbers the tests compare with Node's).
import { h } from '../dom';
import type { Evaluation } from '../run/protocol';
import { formatValue } from '../text/format';

const ITEMS = ['step', 'train', 'test', 'accuracy', 'dead', 'dormant'] as const;
type Item = (typeof ITEMS)[number];

const LABEL: Readonly<Record<Item, string>> = {
  step: 'Step',
  train: 'Train loss',
  test: 'Test loss',
  accuracy: 'Test accuracy',
  dead: 'Dead',
  dormant: 'Dormant',
};

const TITLE: Partial<Record<Item, string>> = {
  dead: 'Hidden units inactive on every training point with zero gradient: they cannot learn back.',
  dormant:
    'Hidden units inactive on every training point that still get a gradient (through α): they can revive.',
};

export class RunStatus {
  readonly element: HTMLDListElement;
  private readonly values = new Map<Item, HTMLElement>();

  constructor() {
    this.element = h('dl', { class: 'run-status', 'aria-label': 'Run status' });
    for (const item of ITEMS) {
      const dd = h('dd', { 'data-item': item }, '–');
      this.values.set(item, dd);
      this.element.append(
        h(
          'div',
          { class: `status-item is-${item}`, title: TITLE[item] },
          h('dt', {}, LABEL[item]),
          dd,
        ),
      );
    }
  }

  clear(): void {
    for (const v of this.values.values()) v.textContent = '–';
  }

  update(ev: Evaluation, step: number): void {
    const hidden = ev.layers; // the hidden layers (the output layer has no unit statistics)
    const units = hidden.reduce((a, l) => a + l.units, 0);
    const dead = hidden.reduce((a, l) => a + l.dead, 0);
    const dormant = hidden.reduce((a, l) => a + l.dormant, 0);
    this.set('step', step.toLocaleString('en-US'));
    this.set('train', formatValue(ev.train_loss));
    this.set('test', formatValue(ev.test_loss));
    this.set(
      'accuracy',
      ev.test_accuracy === undefined ? 'n/a' : `${(ev.test_accuracy * 100).toFixed(1)}%`,
    );
    this.set('dead', `${dead} of ${units}`, String(dead));
    this.set('dormant', `${dormant} of ${units}`, String(dormant));
  }

  private set(item: Item, text: string, count?: string): void {
    const el = this.values.get(item);
    if (el === undefined) return;
    el.textContent = text;
    if (count !== undefined) el.dataset['count'] = count;
  }
}
