// Main-thread long tasks (over 50 ms) while a page trains, for the browser tests to print:
// a page that stays responsive has few and short ones. Timings are printed, never asserted.
import type { Browser, BrowserContext, Page } from 'playwright-core';

type Watched = Window & { __longTasks: number[] };

/** A context whose pages record their long tasks from the start. */
export async function longTaskContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    const w = window as unknown as Watched;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return context;
}

/** Forgets the long tasks so far (the page's start-up). */
export async function clearLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as Watched).__longTasks.length = 0;
  });
}

/** "N, worst M ms": the long tasks since the last clear. */
export async function longTasksText(page: Page): Promise<string> {
  const tasks = await page.evaluate(() => (window as unknown as Watched).__longTasks);
  const worst = tasks.length === 0 ? 0 : Math.max(...tasks);
  return `${tasks.length}, worst ${worst.toFixed(0)} ms`;
}
