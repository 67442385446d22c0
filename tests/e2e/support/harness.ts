// What the end-to-end tests share: the built page served by Vite's preview server, Debian's
// Chromium driven by playwright-core, and pages opened with everything that would count as a
// problem recorded (console errors, uncaught exceptions, requests that leave the page).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The built site (what the preview server serves) and its single-file page. */
export const DIST = join(ROOT, 'dist');
export const PAGE_FILE = join(DIST, 'leaky-lab.html');
export const SCREENSHOTS = join(ROOT, 'build/screenshots');

// Quiet on a closed network; never a downloaded browser.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and requests that left the page. */
  problems: string[];
}

export interface Harness {
  baseUrl: string;
  /** For tests that need a context of their own (init scripts). */
  browser: Browser;
  /** Opens `url` in a fresh context. */
  open(url: string, viewport?: { width: number; height: number }): Promise<Opened>;
  /** Closes the context and asserts that nothing went wrong in it. */
  close(o: Opened): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(PAGE_FILE)) {
    throw new Error(`${PAGE_FILE} is missing: run \`bash scripts/build.sh\` first`);
  }
  const server: PreviewServer = await preview({
    configFile: join(ROOT, 'web/vite.config.ts'),
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'silent',
  });
  const baseUrl = server.resolvedUrls?.local[0];
  assert.ok(baseUrl, 'preview server has a local URL');
  const browser: Browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    baseUrl,
    browser,
    async open(url, viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (req) => {
        const u = req.url();
        // blob: is the page's own inline worker (the training run), never a network request.
        const local =
          u.startsWith(baseUrl) ||
          u.startsWith('file:') ||
          u.startsWith('data:') ||
          u.startsWith('blob:');
        if (!local) problems.push(`request to ${u}`);
      });
      await page.goto(url);
      return { page, context, problems };
    },
    async close(o) {
      await o.context.close();
      assert.deepEqual(o.problems, [], 'no console errors, page errors or outside requests');
    },
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}
