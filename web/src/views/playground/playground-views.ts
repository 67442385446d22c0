// The playground's views behind one facade: the shell calls setRun() when a run is ready,
// update() with each frame (at most once per animation frame) and reset() when the run goes.
// Views: status line, decision boundary (2-D data) or fitted curve (1-D), the network, charts.
import { h, uid } from '../../dom';
import type { DataPoints, FromWorker, HeatmapSize, Layout } from '../../run/protocol';
import { BoundaryView } from './boundary-view';
import { ChartsView } from './charts-view';
import { CurveView } from './curve-view';
import { networkLegend } from './network-legend';
import { NetworkView } from './network-view';
import { StatusView } from './status-view';
import './playground.css';

type Frame = Extract<FromWorker, { type: 'frame' }>;

const HEATMAP: HeatmapSize = { width: 64, height: 64 };

/** The prediction grid the views want from the worker. */
export function heatmapSize(): HeatmapSize {
  return { ...HEATMAP };
}

function section(
  title: string,
  note: string,
  ...body: Node[]
): {
  element: HTMLElement;
  heading: HTMLHeadingElement;
  note: HTMLParagraphElement;
} {
  const id = uid('pv-h');
  const heading = h('h2', { id }, title);
  const noteEl = h('p', { class: 'pv-note' }, note);
  const element = h(
    'section',
    { class: 'pv-section', 'aria-labelledby': id },
    heading,
    noteEl,
    ...body,
  );
  return { element, heading, note: noteEl };
}

export class PlaygroundViews {
  private readonly status = new StatusView();
  private readonly boundary = new BoundaryView(HEATMAP.width, HEATMAP.height);
  private readonly curve = new CurveView();
  private readonly network = new NetworkView();
  private readonly charts = new ChartsView();
  private readonly dataSection;
  private readonly netSection;
  private layout: Layout | null = null;
  /** The config JSON of the run (kept for the shell; the views read the layout). */
  config = '';

  constructor(private readonly root: HTMLElement) {
    this.dataSection = section(
      'Decision boundary',
      'Background: what the network predicts at each point. Dots: training data; rings: test data.',
      this.boundary.element,
      this.curve.element,
    );
    const net = (this.netSection = section(
      'Network',
      'Each circle is a hidden unit; its colour is how often it fires (z > 0). Point at or tab to a unit for details.',
      networkLegend(),
      this.network.element,
    ));
    const charts = section(
      'Training',
      'How loss, accuracy and dead units change over the training steps.',
      this.charts.element,
    );
    root.replaceChildren(
      h(
        'div',
        { class: 'pv-root' },
        this.status.element,
        h('div', { class: 'pv-grid' }, this.dataSection.element, net.element),
        charts.element,
      ),
    );
    this.reset();
  }

  setRun(layout: Layout, data: DataPoints, config: string): void {
    this.layout = layout;
    this.config = config;
    const twoD = layout.base_inputs === 2;
    const oneD = layout.base_inputs === 1;
    this.dataSection.element.hidden = !(twoD || oneD);
    this.boundary.element.hidden = !twoD;
    this.curve.element.hidden = !oneD;
    if (oneD) {
      this.dataSection.heading.textContent = 'Fitted curve';
      this.dataSection.note.textContent =
        'Line: what the network predicts over the input. Dots: training data; rings: test data.';
      this.curve.setRun(layout, data);
    } else if (twoD) {
      this.dataSection.heading.textContent = 'Decision boundary';
      this.dataSection.note.textContent =
        layout.task === 'binary_classification'
          ? 'Background: the probability of label 1 at each point. Dots: training data; rings: test data.'
          : 'Background: what the network predicts at each point. Dots: training data; rings: test data.';
      this.boundary.setRun(layout, data);
    }
    // Deep or wide networks get the full row.
    const wide = layout.layers.length > 5 || layout.layers.some((l) => l.out > 24);
    this.netSection.element.classList.toggle('pv-wide', wide);
    this.status.setRun();
    this.network.setRun(layout);
    this.charts.setRun(layout);
  }

  update(frame: Frame): void {
    const layout = this.layout;
    if (layout === null) return;
    const now = performance.now();
    this.status.update(frame);
    if (layout.base_inputs === 2) this.boundary.update(frame.heatmap);
    else if (layout.base_inputs === 1) this.curve.update(frame.heatmap);
    this.network.update(frame.evaluation, frame.params, now, !frame.playing);
    this.charts.update(frame.evaluation, now, !frame.playing);
  }

  reset(): void {
    this.layout = null;
    this.status.reset();
    this.boundary.reset();
    this.curve.reset();
    this.network.reset();
    this.charts.reset();
    this.curve.element.hidden = true;
  }

  /** The element the views were built in. */
  get element(): HTMLElement {
    return this.root;
  }
}
