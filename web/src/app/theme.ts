// Light or dark: follows the system (prefers-color-scheme) until the reader picks one, which
// is remembered for the next visit. The choice is a data-theme attribute the stylesheet reads;
// canvases redraw through a 'themechange' event.
import { h } from '../dom';
import { setPlotTheme } from '../views/plot-theme';

export type Theme = 'light' | 'dark';
const KEY = 'leaky-lab-theme';

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage blocked (an embed, a privacy mode): follow the system
  }
}

const system = (): Theme =>
  window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

export function currentTheme(): Theme {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

export class ThemeToggle {
  readonly element: HTMLButtonElement;

  constructor() {
    this.element = h('button', { type: 'button', class: 'theme-toggle' });
    this.element.addEventListener('click', () => {
      const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // not remembered, still applied
      }
      this.apply(next);
    });
    window
      .matchMedia?.('(prefers-color-scheme: dark)')
      .addEventListener?.('change', () => stored() === null && this.apply(system()));
    this.apply(stored() ?? system());
  }

  private apply(theme: Theme): void {
    document.documentElement.dataset['theme'] = theme;
    setPlotTheme(theme === 'dark');
    this.element.textContent = theme === 'dark' ? '☀ Light' : '☾ Dark';
    this.element.setAttribute(
      'aria-label',
      `Switch to ${theme === 'dark' ? 'light' : 'dark'} mode`,
    );
    window.dispatchEvent(new CustomEvent('themechange', { detail: theme }));
  }
}
