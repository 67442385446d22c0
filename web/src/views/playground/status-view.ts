// Epoch, speed, near-dead units and the collapsed flag, in words. The step, losses and the
// dead/dormant counts are the page's run bar (views/run-status.ts); this line adds the rest.
import { h } from '../../dom';
import type { FromWorker } from '../../run/protocol';
import { COLLAPSED_TEXT, nearDeadSummary, speedText } from './summary-text';

type Frame = Extract<FromWorker, { type: 'frame' }>;

export class StatusView {
  readonly element: HTMLDivElement;
  private readonly progress: HTMLParagraphElement;
  private readonly units: HTMLParagraphElement;
  private readonly collapsed: HTMLParagraphElement;

  constructor() {
    this.progress = h('p', { class: 'pv-progress' }, 'Not started');
    this.units = h('p', { class: 'pv-units' });
    this.collapsed = h('p', { class: 'pv-collapsed', role: 'status', hidden: true });
    this.element = h('div', { class: 'pv-status' }, this.progress, this.units, this.collapsed);
  }

  setRun(): void {
    this.set(this.progress, speedText(0, 0, false));
    this.set(this.units, '');
    this.collapsed.hidden = true;
  }

  update(frame: Frame): void {
    this.set(this.progress, speedText(frame.epoch, frame.stepsPerSecond, frame.playing));
    this.set(this.units, nearDeadSummary(frame.evaluation));
    const collapsed = frame.evaluation.collapsed;
    if (this.collapsed.hidden === collapsed) {
      this.collapsed.hidden = !collapsed;
      this.collapsed.textContent = collapsed ? COLLAPSED_TEXT : '';
    }
  }

  reset(): void {
    this.set(this.progress, 'Not started');
    this.set(this.units, '');
    this.collapsed.hidden = true;
  }

  private set(el: HTMLElement, text: string): void {
    if (el.textContent !== text) el.textContent = text;
  }
}
