// One run of a comparison as a small multiple: its kind and α (the control), its decision
// boundary (or fitted curve for 1-D data) and its network with every unit's state, and a line
// when the run stopped. The views are the playground's, drawn small.
import { RunControl, type RunControlEvents } from '../../controls/run-control';
import { h } from '../../dom';
import type { DataPoints, Evaluation, Frame, Layout } from '../../run/protocol';
import { BoundaryView } from '../../views/playground/boundary-view';
import { CurveView } from '../../views/playground/curve-view';
import { NetworkView } from '../../views/playground/network-view';
import type { ActivationKind } from '../../wasm/build-info';

/** The prediction grid each run's worker sends: small, four of them share two cores. */
export const RUN_HEATMAP = { width: 40, height: 40 };
/** The network's tallest column at most (px), and its narrowest width. */
const NETWORK_BODY = 110;
const NETWORK_MIN_WIDTH = 180;
const OUTPUT_MAX = 200;

export class RunCard {
  readonly element: HTMLElement;
  readonly control: RunControl;
  private readonly boundary = new BoundaryView(
    RUN_HEATMAP.width,
    RUN_HEATMAP.height,
    OUTPUT_MAX,
    true,
  );
  private readonly curve = new CurveView(true);
  private readonly network = new NetworkView({ maxBody: NETWORK_BODY }, NETWORK_MIN_WIDTH);
  private readonly note = h('p', { class: 'cmp-run-note', role: 'status', hidden: true });
  private last: Evaluation | null = null;
  private twoD = true;

  constructor(
    name: string,
    colour: string,
    kinds: readonly ActivationKind[],
    on: RunControlEvents,
  ) {
    this.control = new RunControl(name, colour, kinds, on);
    this.curve.element.hidden = true;
    this.element = h(
      'article',
      { class: 'cmp-run', 'aria-label': name },
      this.control.element,
      h(
        'div',
        { class: 'cmp-run-views' },
        h('div', { class: 'cmp-run-output' }, this.boundary.element, this.curve.element),
        h('div', { class: 'cmp-run-network' }, this.network.element),
      ),
      this.note,
    );
    this.element.style.setProperty('--run-colour', colour);
  }

  setRun(layout: Layout, data: DataPoints): void {
    this.twoD = layout.base_inputs === 2;
    this.boundary.element.hidden = !this.twoD;
    this.curve.element.hidden = this.twoD;
    if (this.twoD) this.boundary.setRun(layout, data);
    else this.curve.setRun(layout, data);
    this.network.setRun(layout);
    this.last = null;
    this.showNote('');
  }

  setOptions(options: { showTest: boolean; discretize: boolean }): void {
    this.boundary.setOptions(options);
    this.curve.setOptions(options);
  }

  draw(frame: Frame, now: number, paused: boolean): void {
    if (this.twoD) this.boundary.update(frame.heatmap);
    else this.curve.update(frame.heatmap);
    const last = frame.evaluations[frame.evaluations.length - 1];
    if (last !== undefined) this.last = last;
    // Four networks every frame would cost the main thread most of its time: each is redrawn
    // when its units' states change (a new evaluation), and whenever the runs are paused.
    if (this.last !== null && (last !== undefined || paused))
      this.network.update(this.last, frame.params, null, now, paused);
  }

  /** A line under the run ('' hides it): why it stopped. */
  showNote(text: string): void {
    this.note.textContent = text;
    this.note.hidden = text === '';
  }
}
