// The built site (dist/) as a code host's project pages serve it: a plain static server, under
// a sub-path. A whole session makes no request outside the site and breaks no rule of its
// Content-Security-Policy; after one visit the site works with the server gone, and a new
// build replaces the cached one. The single file (dist/leaky-lab.html) works from disk with
// every request refused. Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { SITE_CSP } from '../../web/vite-csp.ts';
import { CHROMIUM_ARGS, DIST, PAGE_FILE, ROOT } from './support/harness.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';
import { closeWatched, openShare, openWatched, trains } from './support/watch.ts';

const BASE = '/leaky-lab/';
let browser: Browser;
let server: StaticServer;

const policyOf = (page: Page): Promise<string | null> =>
  page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

/** The cache names the page's origin holds, once its service worker controls it. */
async function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

const versionOf = (dir: string): string => {
  const m = /const VERSION = "([0-9a-f]+)"/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'));
  assert.ok(m, 'sw.js names its version');
  return m[1]!;
};

describe('the hosted site and the single file', { timeout: 400_000 }, () => {
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    server = await serveStatic({ root: DIST, base: BASE });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('works under a sub-path: a whole session, nothing outside the site, no CSP violation', async () => {
    const w = await openWatched(browser, server.url, { allowed: [server.url] });
    const { page } = w;
    await trains(page);
    const policy = await policyOf(page);
    assert.equal(policy, SITE_CSP);
    assert.doesNotMatch(policy!, /'unsafe-inline'|'unsafe-eval'/);
    // A session: pause, change alpha live, play, step, open every share dialog.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: /^Keras/ }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await trains(page, 10);
    for (const name of ['Embed', 'Export', 'Import'] as const) {
      await openShare(page, name);
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    }
    const download = page.waitForEvent('download');
    await openShare(page, 'Export');
    await page.getByRole('button', { name: 'Metrics (CSV)' }).click();
    assert.equal((await download).suggestedFilename(), 'leaky-lab-metrics.csv');
    const run = await page.evaluate(() => window.__leakyLab!.run!);
    assert.equal(run.variant, 'simd');
    assert.ok(
      run.live.some((c) => c.value === 0.3),
      'alpha applied live',
    );
    assert.ok(
      server.requests.every((p) => p.startsWith(BASE)),
      `every request under ${BASE}: ${server.requests.join(' ')}`,
    );
    const wasm = server.requests.filter((p) => p.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `a SIMD browser fetches one wasm file: ${wasm.join(' ')}`);
    assert.match(wasm[0]!, /leaky_simd/);
    await closeWatched(w);
  });

  it('keeps working offline after one visit, and a new build replaces the cache', async () => {
    const port = Number(new URL(server.origin).port);
    const w = await openWatched(browser, server.url, { allowed: [server.url] });
    const { page } = w;
    await trains(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const first = `leaky-lab-${versionOf(DIST)}`;
    await page.waitForFunction(async (name) => (await caches.keys()).includes(name), first);
    assert.deepEqual(await cacheNames(page), [first]);

    // The network gone: the server stops; the page reloads from the cache and trains.
    await server.close();
    await page.reload();
    await trains(page);
    assert.equal(await page.evaluate(() => window.__leakyLab!.run!.status), 'running');

    // A new build (the same sources, one statement more) deployed at the same address.
    const next = mkdtempSync(join(tmpdir(), 'leaky-site-'));
    const marker: Plugin = {
      name: 'second-build',
      transform: (code, id) =>
        id.endsWith('/src/main.ts') ? `${code}\nglobalThis.__build = 2;` : null,
    };
    await build({
      configFile: join(ROOT, 'web/vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: next, emptyOutDir: true },
      plugins: [marker],
    });
    const second = `leaky-lab-${versionOf(next)}`;
    assert.notEqual(second, first);
    server = await serveStatic({ root: next, base: BASE, port });
    await page.reload();
    await trains(page);
    assert.equal(await page.evaluate(() => (globalThis as { __build?: number }).__build), 2);
    // The new worker installs, takes over and deletes the old build's cache.
    await page.waitForFunction(
      async (name) => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0] === name;
      },
      second,
      { timeout: 30_000 },
    );
    // Offline again: the new build comes from the cache.
    await server.close();
    await page.reload();
    await trains(page);
    assert.equal(await page.evaluate(() => (globalThis as { __build?: number }).__build), 2);
    await closeWatched(w);
    server = await serveStatic({ root: DIST, base: BASE, port });
    rmSync(next, { recursive: true, force: true });
  });

  it('the single file works from disk with every request refused, under its hash CSP', async () => {
    const w = await openWatched(browser, 'about:blank', { allowed: [] });
    const { page, context } = w;
    const refused: string[] = [];
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:'))
        return route.continue();
      refused.push(u);
      return route.abort();
    });
    await context.setOffline(true);
    await page.goto(pathToFileURL(PAGE_FILE).href);
    await trains(page);
    const policy = (await policyOf(page))!;
    assert.match(policy, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null);
    // Pause, step and play from disk too.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await trains(page, 10);
    assert.equal(await page.locator('.badge.is-simd').count(), 1);
    // The scalar variant comes out of the same packed block (web/vite-wasm-inline.ts).
    await page.goto(`${pathToFileURL(PAGE_FILE).href}?simd=0`);
    await trains(page);
    assert.equal(await page.locator('.badge.is-scalar').count(), 1);
    assert.deepEqual(refused, []);
    await closeWatched(w);
  });
});
