// End-to-end test of the question pages in Debian's Chromium: the list links every question;
// each question page loads from its own link, runs its experiment with one click (small
// settings here, so the whole file stays short) and draws a result with sentences computed
// from it; the born-dead grid's cells equal `leaky-lab sweep --steps 0` for the same seeds;
// the cost page times both builds; screenshots of every page at 1280x800 and 390x844.
// Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { GuideHook } from '../../web/src/test-hook.ts';
import { ROOT, SCREENSHOTS, startHarness, type Harness } from './support/harness.ts';

let harness: Harness;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const CLI = join(ROOT, 'build/native/cli/leaky-lab');

/** Each question with settings small enough for a test (the pages' defaults are larger). */
const SMALL: Record<string, string> = {
  alpha: 'steps=200&hidden=4,4',
  revive: 'seeds=2&steps=200&hidden=6,6&alphas=0,0.01',
  signed: 'seeds=2&steps=200&hidden=4&alphas=0,0.01',
  sparsity: 'seeds=1&steps=200&alphas=0,0.1&hidden=6',
  'born-dead': 'depths=3,12&widths=2,4&seeds=30&seed=21&kind=leaky_relu',
  init: 'seeds=1&steps=100&hidden=4,4',
  cost: 'hidden=8&steps=20&repeats=2',
  prelu: 'seeds=1&steps=200&alphas=0,0.25&hidden=4,4',
};

const guide = (page: Page): Promise<GuideHook | undefined> =>
  page.evaluate(() => window.__leakyLab?.guide);

async function runQuestion(page: Page, id: string): Promise<GuideHook> {
  await page.waitForFunction((q) => window.__leakyLab?.guide?.question === q, id, {
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await page.waitForFunction(
    () => ['done', 'failed'].includes(window.__leakyLab?.guide?.state ?? ''),
    undefined,
    { timeout: 180_000 },
  );
  const g = (await guide(page))!;
  assert.equal(g.state, 'done', `${id}: ${g.error ?? ''}`);
  return g;
}

describe('question pages', () => {
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await startHarness();
  });
  after(async () => harness.stop());

  it('lists every question, each a link of its own', async () => {
    const o = await harness.open(`${harness.baseUrl}#mode=guide`);
    const links = o.page.locator('.gd-list a');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(
      hrefs.map((h) => new URLSearchParams(h!.slice(1)).get('q')).sort(),
      Object.keys(SMALL).sort(),
    );
    await o.page.screenshot({ path: join(SCREENSHOTS, 'guide-index-desktop.png'), fullPage: true });
    await o.page.setViewportSize(PHONE);
    await o.page.screenshot({ path: join(SCREENSHOTS, 'guide-index-phone.png'), fullPage: true });
    // The list's link opens the page.
    await o.page.setViewportSize(DESKTOP);
    await links.first().click();
    await o.page.waitForFunction(() => window.__leakyLab?.guide?.question === 'alpha');
    await harness.close(o);
  });

  for (const [id, small] of Object.entries(SMALL)) {
    it(`${id}: loads from its link, runs with one click, draws a result from the run`, async () => {
      const o = await harness.open(`${harness.baseUrl}#mode=guide&q=${id}&${small}`, DESKTOP);
      const t0 = Date.now();
      const g = await runQuestion(o.page, id);
      console.log(`# ${id}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      assert.ok((g.conclusion ?? []).length > 0, 'sentences computed from the run');
      const text = await o.page.locator('.gd-conclusion').innerText();
      for (const sentence of g.conclusion!) assert.ok(text.includes(sentence.slice(0, 30)));
      assert.ok((await o.page.locator('.gd-result table').count()) > 0, 'a table of the result');
      // The settings in the link are the ones used (and stay there for a rerun).
      const hash = await o.page.evaluate(() => location.hash);
      for (const pair of small.split('&')) assert.ok(hash.includes(pair), `${pair} in ${hash}`);
      await o.page.screenshot({
        path: join(SCREENSHOTS, `guide-${id}-desktop.png`),
        fullPage: true,
      });
      await o.page.setViewportSize(PHONE);
      await o.page.waitForTimeout(200);
      const overflow = await o.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 1, `no sideways scrolling at phone width (${overflow}px)`);
      await o.page.screenshot({ path: join(SCREENSHOTS, `guide-${id}-phone.png`), fullPage: true });
      if (id === 'born-dead') await bornDeadMatchesCli(g);
      if (id === 'cost') {
        const n = g.numbers as { kind: string; variant: string; median: number; n: number }[];
        for (const variant of ['simd', 'scalar'])
          for (const kind of ['relu', 'leaky_relu', 'elu', 'gelu']) {
            const t = n.find((x) => x.kind === kind && x.variant === variant);
            assert.ok(
              t !== undefined && Number.isFinite(t.median) && t.median >= 0 && t.n === 2,
              `${kind} ${variant}`,
            );
          }
      }
      await harness.close(o);
    });
  }

  it('a bad setting in the link is named, and the default is used', async () => {
    const o = await harness.open(
      `${harness.baseUrl}#mode=guide&q=born-dead&seeds=0&depths=x`,
      DESKTOP,
    );
    await o.page.waitForFunction(() => window.__leakyLab?.guide?.question === 'born-dead');
    const notice = await o.page.locator('.notices').innerText();
    assert.match(notice, /seeds/);
    assert.match(notice, /depths/);
    await harness.close(o);
  });
});

/** The page's cells against the CLI's `sweep --steps 0`, seed for seed, for the same config. */
async function bornDeadMatchesCli(g: GuideHook): Promise<void> {
  type Cell = {
    depth: number;
    width: number;
    networks: number;
    collapsed: number;
    born_dead: number;
  };
  const numbers = g.numbers as { he: Cell[]; rai: Cell[] };
  const dir = mkdtempSync(join(tmpdir(), 'guide-'));
  for (const [weights, cells] of [
    ['he_normal', numbers.he],
    ['rai', numbers.rai],
  ] as const) {
    for (const cell of cells.filter((c) => c.depth === 3 || c.width === 2)) {
      const config = {
        version: 1,
        seed: 21,
        // gridConfig (q-born-dead.ts) with kind=leaky_relu, α 0 (ReLU; sweep sets an α)
        data: { kind: 'abs', points: 100, seed: 5, input_min: -1, input_max: 1 },
        network: { activation: 'leaky_relu', alpha: 0, hidden: Array(cell.depth).fill(cell.width) },
        init: { weights, bias: 'zero' },
      };
      const file = join(dir, `${weights}-${cell.depth}-${cell.width}.json`);
      writeFileSync(file, JSON.stringify(config));
      const r = spawnSync(
        CLI,
        [
          'sweep',
          '--config',
          file,
          '--alpha',
          '0',
          '--seeds',
          String(cell.networks),
          '--steps',
          '0',
        ],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      const runs = r.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { collapsed: boolean; born_dead_fraction: number });
      assert.equal(runs.length, cell.networks);
      const label = `${weights} depth ${cell.depth} width ${cell.width}`;
      assert.equal(cell.collapsed, runs.filter((x) => x.collapsed).length, label);
      const units = cell.depth * cell.width;
      assert.equal(
        cell.born_dead,
        runs.reduce((a, x) => a + Math.round(x.born_dead_fraction * units), 0),
        label,
      );
    }
  }
}
