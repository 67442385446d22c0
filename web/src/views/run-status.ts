// The run's numbers at a glance, straight from the core's last evaluation: step, losses,
// accuracy, dead, dormant and revived units; and the engine's speed (compute time in the
// worker, not frames times steps per frame), so SIMD against scalar or ReLU against Leaky ReLU
// shows its real cost.
import { h } from '../dom';
import type { Evaluation, Throughput } from '../run/protocol';
import { formatCount, formatPercent, formatRate, formatValue } from '../text/format';

const ITEMS = ['step', 'train', 'test', 'accuracy', 'dead', 'dormant', 'revived', 'speed'] as const;
type Item = (typeof ITEMS)[number];

const LABEL: Readonly<Record<Item, string>> = {
  step: 'Step',
  train: 'Train loss',
  test: 'Test loss',
  accuracy: 'Test acc.',
  dead: 'Dead',
  dormant: 'Dormant',
  revived: 'Revivals',
  speed: 'Engine',
};

const TITLE: Partial<Record<Item, string>> = {
  dead: 'Hidden units with z ≤ 0 on every training point and f′(z) = 0 there: no gradient reaches their own weights. A unit in layer 2 or deeper can still come back when earlier layers change its input.',
  dormant:
    'Hidden units with z ≤ 0 on every training point that still get a gradient through α: they can revive by themselves.',
  revived:
    'Revival events so far: a unit inactive at one evaluation and active at the next (counted per unit, every eval_every steps).',
  speed:
    'Training steps per second of compute in the worker (and samples per second): the engine’s own speed. Choose “fast” to let it run flat out.',
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

  step(step: number): void {
    this.set('step', formatCount(step));
  }

  update(ev: Evaluation): void {
    const hidden = ev.layers; // the hidden layers (the output layer has no unit statistics)
    const units = hidden.reduce((a, l) => a + l.units, 0);
    const dead = hidden.reduce((a, l) => a + l.dead, 0);
    const dormant = hidden.reduce((a, l) => a + l.dormant, 0);
    const revivals = hidden.reduce((a, l) => a + (l.revivals ?? []).reduce((x, y) => x + y, 0), 0);
    this.set('train', formatValue(ev.train_loss));
    this.set('test', formatValue(ev.test_loss));
    this.set('accuracy', ev.test_accuracy === undefined ? 'n/a' : formatPercent(ev.test_accuracy));
    this.set('dead', `${formatCount(dead)} of ${formatCount(units)}`, String(dead));
    this.set('dormant', `${formatCount(dormant)} of ${formatCount(units)}`, String(dormant));
    this.set('revived', formatCount(revivals), String(revivals));
  }

  throughput(t: Throughput, variant: string, playing: boolean): void {
    const el = this.values.get('speed');
    if (el === undefined) return;
    const running = playing && t.stepsPerSecond > 0;
    const steps = running ? `${formatRate(t.stepsPerSecond)} steps/s` : 'paused';
    const samples = running ? `${formatRate(t.samplesPerSecond)} samples/s · ${variant}` : variant;
    if (el.dataset['text'] !== steps + samples) {
      el.dataset['text'] = steps + samples;
      el.replaceChildren(h('span', {}, steps), h('small', {}, samples));
    }
    el.dataset['count'] = String(Math.round(t.stepsPerSecond));
  }

  private set(item: Item, text: string, count?: string): void {
    const el = this.values.get(item);
    if (el === undefined) return;
    if (el.textContent !== text) el.textContent = text;
    if (count !== undefined) el.dataset['count'] = count;
  }
}
