// A line chart of several series of [x, y] points (a run's loss over steps, a fraction over α),
// aligned on the union of their x values. Colours: the Okabe-Ito palette, in order.
import type uPlot from 'uplot';
import { RUN_COLOURS } from '../compare/run-colours';
import { LineChart, type ChartSpec } from '../playground/line-chart';

const MORE_COLOURS = ['#E69F00', '#56B4E9', '#000000', '#999999', '#F0E442', '#882255'];

export function seriesColour(index: number): string {
  const all = [...RUN_COLOURS, ...MORE_COLOURS];
  return all[index % all.length]!;
}

export interface Series {
  label: string;
  points: readonly (readonly [number, number])[];
  dash?: number[];
  colour?: string;
}

export function seriesChart(spec: Omit<ChartSpec, 'series'>, series: readonly Series[]): LineChart {
  const chart = new LineChart({
    ...spec,
    series: series.map((s, i) => ({
      label: s.label,
      stroke: s.colour ?? seriesColour(i),
      spanGaps: true,
      ...(s.dash === undefined ? {} : { dash: s.dash }),
    })),
  });
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const columns = series.map((s) => {
    const at = new Map(s.points.map(([x, y]) => [x, y]));
    return xs.map((x) => {
      const y = at.get(x);
      return y === undefined || !Number.isFinite(y) || (spec.log === true && y <= 0) ? null : y;
    });
  });
  chart.setData([xs, ...columns] as uPlot.AlignedData);
  return chart;
}
