// Step counter, speed, dead/dormant counts and the collapsed flag, in words.
import { h } from '../../dom';
import type { FromWorker, Layout } from '../../run/protocol';
import { COLLAPSED_TEXT, deadSummary, progressText } from './summary-text';

type Frame = Extract<FromWorker, { type: 'frame' }>;

export class StatusView {
  readonly element: HTMLDivElement;
  private readonly progress: HTMLParagraphElement;
  private readonly units: HTMLParagraphElement;
  private readonly collapsed: HTMLParagraphElement;
  private totalSteps = 0;

  constructor() {
    this.progress = h('p', { class: 'pv-progress' }, 'Not started');
    this.units = h('p', { class: 'pv-units' });
    this.collapsed = h('p', { class: 'pv-collapsed', role: 'status', hidden: true });
    this.element = h('div', { class: 'pv-status' }, this.progress, this.units, this.collapsed);
  }

  setRun(layout: Layout): void {
    this.totalSteps = layout.total_steps;
    this.set(this.progress, progressText(0, this.totalSteps, 0, 0, false));
    this.set(this.units, '');
    this.collapsed.hidden = true;
  }

  update(frame: Frame): void {
    this.set(
      this.progress,
      progressText(frame.step, this.totalSteps, frame.epoch, frame.stepsPerSecond, frame.playing),
    );
    this.set(this.units, deadSummary(frame.evaluation));
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
