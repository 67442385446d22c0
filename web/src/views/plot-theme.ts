// Colours and strokes of the canvases and charts (Okabe-Ito palette: safe for colour-blind
// readers), for the light and the dark page. Drawing code reads PLOT_THEME when it draws; the
// theme switch changes its values and the views redraw on 'themechange'.
import type uPlot from 'uplot';

const LIGHT = {
  f: { stroke: '#0072B2', width: 2.5, dash: [] as number[] },
  df: { stroke: '#D55E00', width: 2, dash: [7, 4] },
  axis: '#3a3f45',
  grid: '#e3e6ea',
  zero: '#8a9099',
  /** Live changes of alpha or the learning rate, marked on the charts. */
  marker: '#6a3d9a',
  /** Text and outlines drawn on canvases. */
  ink: '#1b1f24',
  /** Fills of input boxes and hollow units. */
  surface: '#ffffff',
  inputFill: '#eef1f4',
  font: '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  labelFont: '600 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
};

const DARK: typeof LIGHT = {
  ...LIGHT,
  axis: '#c3cad3',
  grid: '#343b45',
  zero: '#7d8692',
  marker: '#cc99ff',
  ink: '#e6e9ee',
  surface: '#1b2027',
  inputFill: '#2a313b',
};

export const PLOT_THEME: typeof LIGHT = { ...LIGHT };

/** Switches every colour above; views redraw on the 'themechange' event that follows. */
export function setPlotTheme(dark: boolean): void {
  Object.assign(PLOT_THEME, dark ? DARK : LIGHT);
}

/** Calls `redraw` whenever the page's theme changes; returns the function that stops it. */
export function onThemeChange(redraw: () => void): () => void {
  window.addEventListener('themechange', redraw);
  return () => window.removeEventListener('themechange', redraw);
}

/** A chart axis in the current theme's colours and fonts; `more` adds or overrides options. */
export function themedAxis(label: string, more: uPlot.Axis = {}): uPlot.Axis {
  return {
    label,
    stroke: PLOT_THEME.axis,
    font: PLOT_THEME.font,
    labelFont: PLOT_THEME.labelFont,
    grid: { stroke: PLOT_THEME.grid, width: 1 },
    ticks: { stroke: PLOT_THEME.grid, width: 1 },
    ...more,
  };
}
