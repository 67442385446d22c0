// Pages opened with everything that counts as a problem recorded, across all their frames and
// the service worker: console errors, uncaught exceptions, Content-Security-Policy violations
// (each frame reports its own through an init script) and requests to any origin but those
// allowed. Closing asserts there were none.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface Watched {
  page: Page;
  context: BrowserContext;
  problems: string[];
}

export interface WatchOptions {
  /** URL prefixes a request may start with (besides file:, data:, blob:). */
  allowed: readonly string[];
  viewport?: { width: number; height: number };
}

export const CSP_MARK = 'CSP violation:';

export async function openWatched(
  browser: Browser,
  url: string,
  options: WatchOptions,
): Promise<Watched> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  const problems: string[] = [];
  await context.addInitScript((mark: string) => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`${mark} ${e.violatedDirective} blocked ${e.blockedURI} in ${location.href}`),
    );
  }, CSP_MARK);
  context.on('request', (req) => {
    const u = req.url();
    const local =
      options.allowed.some((a) => u.startsWith(a)) ||
      u.startsWith('file:') ||
      u.startsWith('data:') ||
      u.startsWith('blob:');
    if (!local) problems.push(`request to ${u}`);
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(url);
  return { page, context, problems };
}

export async function closeWatched(w: Watched): Promise<void> {
  await w.context.close();
  assert.deepEqual(
    w.problems,
    [],
    'no console errors, page errors, CSP violations or outside requests',
  );
}

/** Waits until the page (or a frame) has drawn `frames` frames of a training run. */
export async function trains(
  target: Pick<Page, 'waitForFunction'>,
  frames = 3,
  timeout = 30_000,
): Promise<void> {
  await target.waitForFunction((n) => (window.__leakyLab?.run?.frames ?? 0) >= n, frames, {
    timeout,
  });
}

/** Opens one of the header's Share dialogs (Embed, Export, Import). */
export async function openShare(page: Page, item: 'Embed' | 'Export' | 'Import'): Promise<void> {
  await page.locator('.share-tools > summary').click();
  await page.getByRole('button', { name: `${item}…`, exact: true }).click();
  await page.getByRole('dialog').waitFor();
}
