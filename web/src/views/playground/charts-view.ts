// The charts over training steps: loss (train/test, log toggle), accuracy (classification),
// dead and dormant fraction per hidden layer, PReLU alpha per layer (only with PReLU layers).
// History is bounded (DecimatedHistory); charts redraw at most ~12 times a second while running.
import type uPlot from 'uplot';
import { h, uid } from '../../dom';
import type { Evaluation, Layout } from '../../run/protocol';
import {
  STEP,
  TEST_ACC,
  TEST_LOSS,
  TRAIN_ACC,
  TRAIN_LOSS,
  evaluationRow,
  hasPrelu,
  hiddenLayers,
  rowShape,
  type RowShape,
} from './chart-rows';
import { layerColour } from './colour-scale';
import { DecimatedHistory } from './history';
import { LineChart, type SeriesSpec } from './line-chart';

const MAX_POINTS = 2000;
const REDRAW_MS = 80;
const TRAIN = { stroke: '#0072B2', width: 2 };
const TEST = { stroke: '#D55E00', width: 2, dash: [6, 4] };

/** More hidden layers than this: a compact key instead of the live legend. */
const MAX_LIVE_LAYERS = 4;

function layerKey(hidden: number, styles: boolean): SeriesSpec[] {
  const key: SeriesSpec[] = Array.from({ length: hidden }, (_, i) => ({
    label: `L${i + 1}`,
    stroke: layerColour(i, hidden),
  }));
  if (styles)
    key.push(
      { label: 'dead', stroke: '#3a3f45' },
      { label: 'dormant', stroke: '#3a3f45', dash: [5, 4] },
    );
  return key;
}

interface Panel {
  section: HTMLElement;
  chart: LineChart;
  columns: number[];
}

function panel(title: string, note: string, chart: LineChart, extra?: Node): HTMLElement {
  const id = uid('pv-chart');
  return h(
    'section',
    { class: 'pv-chart-panel', 'aria-labelledby': id },
    h('h3', { id }, title),
    h('p', { class: 'pv-note' }, note),
    extra ?? null,
    chart.element,
  );
}

export class ChartsView {
  readonly element: HTMLDivElement;
  private panels: Panel[] = [];
  private history = new DecimatedHistory(1, MAX_POINTS);
  private shape: RowShape = rowShape(0);
  private dirty = false;
  private lastDraw = 0;
  private nextPanel = 0;
  private stale = 0; // panels drawn since the data last changed
  private log = false;

  constructor() {
    this.element = h('div', { class: 'pv-charts' });
  }

  setRun(layout: Layout): void {
    this.destroyPanels();
    const hidden = hiddenLayers(layout);
    this.shape = rowShape(hidden);
    this.history = new DecimatedHistory(this.shape.width, MAX_POINTS);
    const layerName = (i: number): string => `layer ${i + 1}`;

    const loss = new LineChart({
      title: 'Loss over training steps',
      yLabel: 'loss',
      log: this.log,
      series: [
        { label: 'train', ...TRAIN },
        { label: 'test', ...TEST },
      ],
    });
    const logBox = h('input', { type: 'checkbox', class: 'pv-log' });
    logBox.checked = this.log;
    logBox.addEventListener('change', () => {
      this.log = logBox.checked;
      loss.setLog(this.log);
    });
    const logLabel = h('label', { class: 'pv-toggle' }, logBox, ' log scale');
    this.add(panel('Loss', 'Mean loss on the training and test sets.', loss, logLabel), loss, [
      TRAIN_LOSS,
      TEST_LOSS,
    ]);

    if (layout.task === 'binary_classification') {
      const acc = new LineChart({
        title: 'Accuracy over training steps',
        yLabel: 'accuracy',
        yRange: [0, 1],
        series: [
          { label: 'train', ...TRAIN },
          { label: 'test', ...TEST },
        ],
      });
      this.add(panel('Accuracy', 'Fraction of points classified right.', acc), acc, [
        TRAIN_ACC,
        TEST_ACC,
      ]);
    }

    if (hidden > 0) {
      const series = [];
      const columns = [];
      for (let i = 0; i < hidden; i++) {
        series.push({ label: `${layerName(i)} dead`, stroke: layerColour(i, hidden), width: 2 });
        columns.push(this.shape.dead + i);
      }
      for (let i = 0; i < hidden; i++) {
        series.push({
          label: `${layerName(i)} dormant`,
          stroke: layerColour(i, hidden),
          width: 2,
          dash: [5, 4],
        });
        columns.push(this.shape.dormant + i);
      }
      const dead = new LineChart({
        title: 'Dead and dormant fraction per layer over training steps',
        yLabel: 'fraction of units',
        yRange: [0, 1],
        series,
        ...(hidden > MAX_LIVE_LAYERS ? { key: layerKey(hidden, true) } : {}),
      });
      this.add(
        panel(
          'Dead and dormant units',
          'Solid: dead (no gradient). Dashed: dormant (never fires, gradient flows).',
          dead,
        ),
        dead,
        columns,
      );
    }

    if (hasPrelu(layout)) {
      const series = [];
      const columns = [];
      for (let i = 0; i < hidden; i++) {
        if (layout.layers[i]?.activation !== 'prelu') continue;
        series.push({ label: layerName(i), stroke: layerColour(i, hidden), width: 2 });
        columns.push(this.shape.alpha + i);
      }
      const alpha = new LineChart({
        title: 'Learned PReLU slope per layer over training steps',
        yLabel: 'α (mean over layer)',
        series,
        ...(series.length > MAX_LIVE_LAYERS ? { key: layerKey(hidden, false) } : {}),
      });
      this.add(
        panel('PReLU α', 'The learned negative slope, averaged over each layer.', alpha),
        alpha,
        columns,
      );
    }
  }

  /** Adds the evaluation to the history (once per evaluated step) and redraws when due. */
  update(evaluation: Evaluation, now: number, force: boolean): void {
    const last = this.history.lastX();
    if (last !== undefined && evaluation.step < last) this.history.clear();
    if (last === undefined || evaluation.step !== last) {
      this.history.push(evaluationRow(evaluation, this.shape));
      this.dirty = true;
      this.stale = 0;
    }
    if (this.dirty && force) this.draw(now, true);
    else if (this.dirty && now - this.lastDraw >= REDRAW_MS / Math.max(1, this.panels.length))
      this.draw(now);
  }

  reset(): void {
    this.destroyPanels();
    this.history.clear();
  }

  // While running, one panel per redraw, in turn: a frame never pays for every uPlot redraw
  // at once (they cost several ms each without a GPU). Paused or forced: all of them.
  private draw(now: number, all = false): void {
    this.lastDraw = now;
    const cols = this.history.columns;
    const xs = cols[STEP] as number[];
    const count = all ? this.panels.length : Math.min(1, this.panels.length);
    for (let i = 0; i < count; i++) {
      const p = this.panels[this.nextPanel % this.panels.length]!;
      this.nextPanel = (this.nextPanel + 1) % this.panels.length;
      const data = [xs, ...p.columns.map((c) => cols[c] ?? [])] as uPlot.AlignedData;
      p.chart.setData(data);
    }
    this.stale += count;
    if (this.stale >= this.panels.length) {
      this.stale = 0;
      this.dirty = false;
    }
  }

  private add(section: HTMLElement, chart: LineChart, columns: number[]): void {
    this.panels.push({ section, chart, columns });
    this.element.append(section);
  }

  private destroyPanels(): void {
    for (const p of this.panels) p.chart.destroy();
    this.panels = [];
    this.element.replaceChildren();
  }
}
