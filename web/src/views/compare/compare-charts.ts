// The runs of a comparison over training steps, overlaid: one colour per run (legend: kind and
// α), train loss solid and test loss dashed, test accuracy (classification), and the dead
// (solid) and dormant (dashed) fraction of all hidden units. The runs evaluate at the same
// steps (lockstep), so one history row holds every run's values at one step. Live changes of a
// run's α are marked in its colour.
import uPlot from 'uplot';
import { h, uid } from '../../dom';
import type { Evaluation } from '../../run/protocol';
import { DecimatedHistory } from '../playground/history';
import { LineChart, type Marker, type SeriesSpec } from '../playground/line-chart';
import { RedrawCycle } from '../playground/redraw-cycle';

const MAX_POINTS = 2000;
const REDRAW_MS = 80;
const KEY_INK = '#7b8490'; // the line-style key: neutral on light and dark
/** Per run, in this order after the step column. */
const VALUES = ['train', 'test', 'accuracy', 'dead', 'dormant'] as const;
type Value = (typeof VALUES)[number];

export interface ChartRun {
  colour: string;
  /** "Leaky ReLU α = 0.2": the series' names for screen readers and the legend. */
  label: string;
}

interface Panel {
  chart: LineChart;
  columns: number[];
}

export interface CompareChartsOptions {
  /** Plot height of each chart (CSS pixels). */
  height: number;
}

const finite = (v: number | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

function values(ev: Evaluation): Record<Value, number | null> {
  return {
    train: finite(ev.train_loss),
    test: finite(ev.test_loss),
    accuracy: finite(ev.test_accuracy),
    dead: finite(ev.dead_fraction),
    dormant: finite(ev.dormant_fraction),
  };
}

export class CompareCharts {
  readonly element: HTMLDivElement;
  private panels: Panel[] = [];
  private runs: ChartRun[] = [];
  private history = new DecimatedHistory(1, MAX_POINTS);
  private markers: Marker[] = [];
  private log = false;
  private readonly cycle = new RedrawCycle(
    () => this.panels.length,
    (i) => this.drawPanel(i),
    REDRAW_MS,
  );

  constructor(private readonly options: CompareChartsOptions) {
    this.element = h('div', { class: 'cmp-charts' });
  }

  /** New runs: empty charts with one colour per run (accuracy for classification only). */
  setRuns(runs: readonly ChartRun[], classification: boolean): void {
    for (const p of this.panels) p.chart.destroy();
    this.panels = [];
    this.runs = [...runs];
    this.markers = [];
    this.history = new DecimatedHistory(1 + VALUES.length * runs.length, MAX_POINTS);
    const column = (run: number, v: Value): number => 1 + run * VALUES.length + VALUES.indexOf(v);
    const series = (v: Value, dash?: number[]): SeriesSpec[] =>
      runs.map((r) => ({
        label: `${r.label} ${v}`,
        stroke: r.colour,
        width: 2,
        ...(dash ? { dash } : {}),
      }));
    const pair = (a: Value, b: Value): { series: SeriesSpec[]; columns: number[] } => {
      const s: SeriesSpec[] = [];
      const columns: number[] = [];
      const solid = series(a);
      const dashed = series(b, [6, 4]);
      runs.forEach((_, i) => {
        s.push(solid[i]!, dashed[i]!);
        columns.push(column(i, a), column(i, b));
      });
      return { series: s, columns };
    };
    const key = (solid: string, dashed: string): SeriesSpec[] => [
      { label: solid, stroke: KEY_INK },
      { label: dashed, stroke: KEY_INK, dash: [6, 4] },
    ];

    const loss = pair('train', 'test');
    const lossChart = new LineChart({
      title: 'Loss of every run over training steps',
      yLabel: 'loss',
      log: this.log,
      height: this.options.height,
      series: loss.series,
      key: key('train', 'test'),
    });
    const logBox = h('input', { type: 'checkbox', class: 'pv-log' });
    logBox.checked = this.log;
    logBox.addEventListener('change', () => {
      this.log = logBox.checked;
      lossChart.setLog(this.log);
    });
    const sections = [
      this.panel(
        'Loss',
        lossChart,
        loss.columns,
        h('label', { class: 'pv-toggle' }, logBox, ' log scale'),
      ),
    ];
    if (classification) {
      const acc = new LineChart({
        title: 'Test accuracy of every run over training steps',
        yLabel: 'test accuracy',
        yRange: [0, 1],
        height: this.options.height,
        series: series('accuracy'),
        key: [{ label: 'test accuracy', stroke: KEY_INK }],
      });
      sections.push(
        this.panel(
          'Test accuracy',
          acc,
          runs.map((_, i) => column(i, 'accuracy')),
        ),
      );
    }
    const units = pair('dead', 'dormant');
    const dead = new LineChart({
      title: 'Dead and dormant fraction of every run over training steps',
      yLabel: 'fraction of units',
      yRange: [0, 1],
      height: this.options.height,
      series: units.series,
      key: key('dead', 'dormant'),
    });
    sections.push(this.panel('Dead and dormant units', dead, units.columns));
    this.element.replaceChildren(...sections);
  }

  /** Each run's evaluations of one round (the same steps for every run that runs). */
  update(evaluations: readonly (readonly Evaluation[])[], now: number, force: boolean): void {
    const rows = new Map<number, (number | null)[]>();
    evaluations.forEach((list, run) => {
      for (const ev of list) {
        let row = rows.get(ev.step);
        if (row === undefined) {
          row = new Array<number | null>(this.history.width).fill(null);
          row[0] = ev.step;
          rows.set(ev.step, row);
        }
        const v = values(ev);
        VALUES.forEach((name, k) => (row![1 + run * VALUES.length + k] = v[name]));
      }
    });
    for (const step of [...rows.keys()].sort((a, b) => a - b)) {
      const last = this.history.lastX();
      if (last !== undefined && step <= last) continue;
      this.history.push(rows.get(step)!);
      this.cycle.changed();
    }
    this.cycle.tick(now, force);
  }

  /** Marks a live change of run `run` (in its colour; null: of every run) on every chart. */
  mark(run: number | null, marker: Omit<Marker, 'colour'>): void {
    const colour = run === null ? undefined : this.runs[run]?.colour;
    this.markers = [...this.markers, { ...marker, ...(colour ? { colour } : {}) }];
    for (const p of this.panels) p.chart.setMarkers(this.markers);
  }

  destroy(): void {
    for (const p of this.panels) p.chart.destroy();
    this.panels = [];
  }

  private panel(title: string, chart: LineChart, columns: number[], tools?: Node): HTMLElement {
    this.panels.push({ chart, columns });
    const id = uid('cmp-chart');
    return h(
      'section',
      { class: 'cmp-chart', 'aria-labelledby': id },
      h('div', { class: 'cmp-chart-head' }, h('h3', { id }, title), tools ?? null),
      chart.element,
    );
  }

  private drawPanel(index: number): void {
    const p = this.panels[index];
    if (p === undefined) return;
    const cols = this.history.columns;
    p.chart.setData([cols[0] ?? [], ...p.columns.map((c) => cols[c] ?? [])] as uPlot.AlignedData);
  }
}
