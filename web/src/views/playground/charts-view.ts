// The charts over training steps: loss (train/test, log toggle), accuracy (classification),
// dead and dormant fractions (the whole network, and per hidden layer), PReLU alpha per layer
// (only with PReLU layers). The loss chart can live apart (the playground's one screen shows it
// beside the network). Live changes of alpha or the learning rate are marked on every chart;
// the previous run's loss and dead fraction stay as a faint ghost until cleared.
// History is bounded (DecimatedHistory); charts redraw in turn, one per frame while running.
import uPlot from 'uplot';
import { h, uid } from '../../dom';
import type { Evaluation, Layout } from '../../run/protocol';
import {
  DEAD_ALL,
  DORMANT_ALL,
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
import { LineChart, type Marker, type SeriesSpec } from './line-chart';
import { RedrawCycle } from './redraw-cycle';

const MAX_POINTS = 2000;
const REDRAW_MS = 80;
const TRAIN = { stroke: '#0072B2', width: 2 };
const TEST = { stroke: '#D55E00', width: 2, dash: [6, 4] };
const ALL = { stroke: '#7b8490', width: 2.5 }; // neutral: readable on light and dark
const GHOST = { stroke: 'rgba(120, 128, 140, 0.55)', width: 2 };

/** More hidden layers than this: a compact key instead of the live legend. */
const MAX_LIVE_LAYERS = 3;

/** What a finished run leaves behind for the next one to be compared with. */
export interface Ghost {
  steps: number[];
  trainLoss: (number | null)[];
  dead: (number | null)[];
  dormant: (number | null)[];
}

interface Panel {
  section: HTMLElement;
  chart: LineChart;
  columns: number[];
  /** Ghost columns drawn after the run's own, or none. */
  ghost: (keyof Omit<Ghost, 'steps'>)[];
}

/** With a ghost, lines span the gaps its interleaved steps leave. */
function spanIf(ghost: boolean, series: SeriesSpec[]): SeriesSpec[] {
  return ghost ? series.map((s) => ({ ...s, spanGaps: true })) : series;
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

export interface ChartsOptions {
  /** Where the loss chart and the dead/dormant chart go (else with the others). */
  lossHost?: HTMLElement;
  deadHost?: HTMLElement;
  /** Height of those two charts where they live apart. */
  compactHeight?: number;
}

export class ChartsView {
  readonly element: HTMLDivElement;
  private panels: Panel[] = [];
  private history = new DecimatedHistory(1, MAX_POINTS);
  private shape: RowShape = rowShape(0);
  private readonly cycle = new RedrawCycle(
    () => this.panels.length,
    (i) => this.drawPanel(i),
    REDRAW_MS,
  );
  private log = false;
  private ghost: Ghost | null = null;
  private markers: Marker[] = [];

  constructor(private readonly options: ChartsOptions = {}) {
    this.element = h('div', { class: 'pv-charts' });
  }

  setRun(layout: Layout): void {
    this.destroyPanels();
    this.markers = [];
    const hidden = hiddenLayers(layout);
    this.shape = rowShape(hidden);
    this.history = new DecimatedHistory(this.shape.width, MAX_POINTS);
    const ghost = this.ghost !== null;
    const layerName = (i: number): string => `layer ${i + 1}`;

    const loss = new LineChart({
      title: 'Loss over training steps',
      yLabel: 'loss',
      log: this.log,
      ...(this.options.lossHost && this.options.compactHeight
        ? { height: this.options.compactHeight }
        : {}),
      series: spanIf(ghost, [
        { label: 'train', ...TRAIN },
        { label: 'test', ...TEST },
        ...(ghost ? [{ label: 'previous run (train)', ...GHOST }] : []),
      ]),
    });
    const logBox = h('input', { type: 'checkbox', class: 'pv-log' });
    logBox.checked = this.log;
    logBox.addEventListener('change', () => {
      this.log = logBox.checked;
      loss.setLog(this.log);
    });
    const tools = h(
      'div',
      { class: 'pv-chart-tools' },
      h('label', { class: 'pv-toggle' }, logBox, ' log scale'),
    );
    if (ghost) {
      const clear = h('button', { type: 'button', class: 'small-button' }, 'Clear previous run');
      clear.addEventListener('click', () => this.clearGhost(layout));
      tools.append(clear);
    }
    const lossPanel = panel('Loss', 'Mean loss on the training and test sets.', loss, tools);
    this.add(
      lossPanel,
      loss,
      [TRAIN_LOSS, TEST_LOSS],
      ghost ? ['trainLoss'] : [],
      this.options.lossHost,
    );

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
      const series: SeriesSpec[] = [
        { label: 'all dead', ...ALL },
        { label: 'all dormant', ...ALL, dash: [5, 4] },
      ];
      const columns = [DEAD_ALL, DORMANT_ALL];
      for (let i = 0; i < hidden; i++) {
        series.push({ label: `${layerName(i)} dead`, stroke: layerColour(i, hidden), width: 1.5 });
        columns.push(this.shape.dead + i);
      }
      for (let i = 0; i < hidden; i++) {
        series.push({
          label: `${layerName(i)} dormant`,
          stroke: layerColour(i, hidden),
          width: 1.5,
          dash: [5, 4],
        });
        columns.push(this.shape.dormant + i);
      }
      if (ghost)
        series.push(
          { label: 'previous run dead', ...GHOST },
          { label: 'previous run dormant', ...GHOST, dash: [5, 4] },
        );
      const key: SeriesSpec[] = [
        { label: 'all layers', ...ALL },
        ...Array.from({ length: hidden }, (_, i) => ({
          label: `L${i + 1}`,
          stroke: layerColour(i, hidden),
        })),
        { label: 'dead', stroke: '#3a3f45' },
        { label: 'dormant', stroke: '#3a3f45', dash: [5, 4] },
        ...(ghost ? [{ label: 'previous run', ...GHOST }] : []),
      ];
      const dead = new LineChart({
        title: 'Dead and dormant fraction over training steps',
        yLabel: 'fraction of units',
        yRange: [0, 1],
        series: spanIf(ghost, series),
        ...(hidden > MAX_LIVE_LAYERS || this.options.deadHost ? { key } : {}),
        ...(this.options.deadHost && this.options.compactHeight
          ? { height: this.options.compactHeight }
          : {}),
      });
      this.add(
        panel(
          'Dead and dormant units',
          'Solid: dead (inactive everywhere, no gradient to its own weights). Dashed: dormant (inactive, gradient through α). Thick: all layers.',
          dead,
        ),
        dead,
        columns,
        ghost ? ['dead', 'dormant'] : [],
        this.options.deadHost,
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
      });
      this.add(
        panel('PReLU α', 'The learned negative slope, averaged over each layer.', alpha),
        alpha,
        columns,
      );
    }
  }

  /** Adds evaluations to the history and redraws when due (`force`: every chart now). */
  update(evaluations: readonly Evaluation[], now: number, force: boolean): void {
    for (const evaluation of evaluations) {
      const last = this.history.lastX();
      if (last !== undefined && evaluation.step < last) this.history.clear();
      if (last === undefined || evaluation.step !== last) {
        this.history.push(evaluationRow(evaluation, this.shape));
        this.cycle.changed();
      }
    }
    this.cycle.tick(now, force);
  }

  /** Marks a live change on every chart. */
  mark(marker: Marker): void {
    this.markers = [...this.markers, marker];
    for (const p of this.panels) p.chart.setMarkers(this.markers);
  }

  /** This run's curves, to be shown faintly beside the next run's. */
  snapshot(): Ghost | null {
    const cols = this.history.columns;
    const steps = (cols[STEP] ?? []).filter((x): x is number => x !== null);
    if (steps.length < 2) return null;
    return {
      steps,
      trainLoss: [...(cols[TRAIN_LOSS] ?? [])],
      dead: [...(cols[DEAD_ALL] ?? [])],
      dormant: [...(cols[DORMANT_ALL] ?? [])],
    };
  }

  /** The ghost shown with the next run (null: none). */
  setGhost(ghost: Ghost | null): void {
    this.ghost = ghost;
  }

  reset(): void {
    this.destroyPanels();
    this.history.clear();
  }

  private clearGhost(layout: Layout): void {
    this.ghost = null;
    const markers = this.markers;
    const rows = this.history;
    this.setRun(layout);
    this.history = rows;
    this.markers = markers;
    for (const p of this.panels) p.chart.setMarkers(markers);
    this.cycle.changed();
    this.cycle.tick(performance.now(), true);
  }

  private drawPanel(index: number): void {
    const p = this.panels[index];
    if (p === undefined) return;
    const cols = this.history.columns;
    const own = [cols[STEP] ?? [], ...p.columns.map((c) => cols[c] ?? [])] as uPlot.AlignedData;
    const g = this.ghost;
    if (g === null || p.ghost.length === 0) p.chart.setData(own);
    else {
      const theirs = [g.steps, ...p.ghost.map((k) => g[k])] as uPlot.AlignedData;
      p.chart.setData(uPlot.join([own, theirs]));
    }
  }

  private add(
    section: HTMLElement,
    chart: LineChart,
    columns: number[],
    ghost: Panel['ghost'] = [],
    host?: HTMLElement,
  ): void {
    this.panels.push({ section, chart, columns, ghost });
    if (host !== undefined) host.replaceChildren(section);
    else this.element.append(section);
  }

  private destroyPanels(): void {
    for (const p of this.panels) {
      p.chart.destroy();
      p.section.remove();
    }
    this.panels = [];
    this.element.replaceChildren();
  }
}
