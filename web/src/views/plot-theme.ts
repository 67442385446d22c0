// Colours and strokes of the activation plot (Okabe-Ito palette: safe for colour-blind readers).

export const PLOT_THEME = {
  f: { stroke: '#0072B2', width: 2.5, dash: [] as number[] },
  df: { stroke: '#D55E00', width: 2, dash: [7, 4] },
  axis: '#3a3f45',
  grid: '#e3e6ea',
  zero: '#8a9099',
  /** Live changes of alpha or the learning rate, marked on the charts. */
  marker: '#6a3d9a',
  font: '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  labelFont: '600 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
} as const;
