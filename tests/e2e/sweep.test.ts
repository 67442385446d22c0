// End-to-end test of the sweep mode in Debian's Chromium: a 3-alpha x 2-seed sweep runs on the
// worker pool and its exported lines equal `leaky-lab sweep`'s for the same config, byte for
// byte; its link runs the same sweep with the same numbers; the CSV export has the same rows;
// cancel stops every worker; a run opens in the playground with its seed; screenshots at
// 1280x800 and 390x844 (build/screenshots). Main-thread long tasks are printed, never asserted.
// Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT, SCREENSHOTS, startHarness, type Harness } from './support/harness.ts';
import { clearLongTasks, longTaskContext, longTasksText } from './support/long-tasks.ts';

let harness: Harness;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const CLI = join(ROOT, 'build/native/cli/leaky-lab');
const dir = mkdtempSync(join(os.tmpdir(), 'leaky-e2e-sweep-'));

const SMALL = 'mode=sweep&data=xor&hidden=4,4&alphas=0,0.01,0.3&seeds=2&steps=300';

const state = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => (document.querySelector('.sweep') as HTMLElement | null)?.dataset['state']);

async function finished(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (document.querySelector('.sweep') as HTMLElement | null)?.dataset['state'];
      return s === 'done' || s === 'rejected' || s === 'failed';
    },
    undefined,
    { timeout: 120_000 },
  );
  assert.equal(await state(page), 'done', await page.locator('.sw-status').innerText());
}

async function exported(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const path = join(dir, `${Math.random().toString(36).slice(2)}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return readFileSync(path, 'utf8');
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');
/** A CSV row's cells (quoted cells may hold commas). */
const cells = (row: string): string[] =>
  [...row.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));

describe('sweep mode', () => {
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await startHarness();
  });
  after(async () => {
    await harness.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a 3-alpha x 2-seed sweep whose lines equal the CLI, and its link reproduces it', async () => {
    const context = await longTaskContext(harness.browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}#${SMALL}`);
    await page.waitForSelector('.sweep');
    await clearLongTasks(page);
    await finished(page);
    console.log(`# sweep: main-thread long tasks during the sweep: ${await longTasksText(page)}`);
    const jsonl = await exported(page, 'Export JSON lines');
    const runs = lines(jsonl);
    assert.equal(runs.length, 6);
    const parsed = runs.map((l) => JSON.parse(l));
    assert.deepEqual(
      parsed.map((r) => [r.alpha, r.seed]),
      [
        [0, 1],
        [0, 2],
        [0.01, 1],
        [0.01, 2],
        [0.3, 1],
        [0.3, 2],
      ].map(([a, s]) => [a, parsed[0].seed + s! - 1]),
    );
    // The same config, alphas and seeds from the CLI: the same lines, byte for byte (Leaky ReLU
    // trains bit-identically natively and in wasm).
    const request = JSON.parse(
      await page.evaluate(
        () => (document.querySelector('.sweep') as HTMLElement).dataset['request']!,
      ),
    );
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify(request.config));
    const cli = spawnSync(
      CLI,
      ['sweep', '--config', config, '--alpha', '0,0.01,0.3', '--seeds', '2', '--jobs', '1'],
      { encoding: 'utf8' },
    );
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(
      runs,
      lines(cli.stdout).filter((l) => l.startsWith('{')),
    );
    // CSV: a header and the same six runs.
    const csv = lines(await exported(page, 'Export CSV'));
    assert.equal(csv.length, 7);
    const header = cells(csv[0]!);
    for (const k of ['sweep', 'run', 'seed', 'alpha', 'test_loss', 'tau_dormant_fraction'])
      assert.ok(header.includes(k), k);
    const at = (row: string, k: string) => cells(row)[header.indexOf(k)];
    assert.deepEqual(
      csv.slice(1).map((r) => [Number(at(r, 'seed')), Number(at(r, 'test_loss'))]),
      parsed.map((r) => [r.seed, r.test_loss]),
    );
    // The table: three rows (one per alpha), and the charts drawn.
    assert.equal(await page.locator('.sw-table tbody tr').count(), 3);
    assert.ok((await page.locator('.sw-chart').count()) >= 5);
    // The link: a new page runs the same sweep, with the same numbers.
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /mode=sweep/);
    const again = await harness.open(`${harness.baseUrl}${hash}`, DESKTOP);
    await finished(again.page);
    assert.deepEqual(lines(await exported(again.page, 'Export JSON lines')), runs);
    await harness.close(again);
    // A run opens in the playground with its seed and alpha.
    await page.locator('.sw-chart').first().scrollIntoViewIfNeeded();
    const box = await page.locator('.sw-chart .u-over').first().boundingBox();
    assert.ok(box);
    let opened = false;
    for (let x = 0; x < box.width && !opened; x += 3)
      for (let y = 0; y < box.height && !opened; y += 3) {
        await page.mouse.move(box.x + x, box.y + y);
        opened = (await page.locator('.sw-open').count()) > 0;
      }
    assert.ok(opened, 'hovering a dot names its run');
    const href = await page.locator('.sw-open').getAttribute('href');
    assert.match(href!, /^#.*seed=\d+/);
    await page.screenshot({ path: join(SCREENSHOTS, 'sweep-desktop.png'), fullPage: false });
    await page.screenshot({ path: join(SCREENSHOTS, 'sweep-desktop-full.png'), fullPage: true });
    await page.locator('.sw-open').click();
    await page.waitForFunction(() => window.__leakyLab?.run?.status === 'running');
    const playground = await page.evaluate(() => JSON.parse(window.__leakyLab!.run!.config));
    const info = await page.evaluate(() => location.hash);
    assert.doesNotMatch(info, /mode=sweep/);
    assert.equal(String(playground.seed), /seed=(\d+)/.exec(href!)![1]);
    await context.close();
  });

  it('cancel stops every worker at once', async () => {
    const o = await harness.open(
      `${harness.baseUrl}#mode=sweep&alphas=0,0.01,0.1,0.3&seeds=20&steps=20000`,
      DESKTOP,
    );
    const { page } = o;
    await page.waitForFunction(
      () => Number((document.querySelector('.sw-progress') as HTMLProgressElement)?.value) >= 1,
      undefined,
      { timeout: 60_000 },
    );
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    assert.equal(await state(page), 'cancelled');
    const workers = await page.evaluate(
      () => (document.querySelector('.sweep') as HTMLElement).dataset['workers'],
    );
    assert.equal(workers, '0');
    assert.match(await page.locator('.sw-status').innerText(), /Cancelled after/);
    await harness.close(o);
  });

  it('fits a phone screen', async () => {
    const o = await harness.open(`${harness.baseUrl}#${SMALL}`, PHONE);
    await finished(o.page);
    const overflow = await o.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow} px)`);
    await o.page.screenshot({ path: join(SCREENSHOTS, 'sweep-phone.png') });
    await o.page.screenshot({ path: join(SCREENSHOTS, 'sweep-phone-full.png'), fullPage: true });
    await harness.close(o);
  });
});
