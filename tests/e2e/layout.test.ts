// The playground's one screen, at a desktop and a phone size, light and dark: what a newcomer
// must see without scrolling, what stays in reach while scrolling, and screenshots for people
// to look at (build/screenshots). Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SCREENSHOTS, startHarness, type Harness } from './support/harness.ts';
import { reached } from './support/page-run.ts';
import { inView } from './support/viewport.ts';

let harness: Harness;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function openAt(
  viewport: { width: number; height: number },
  scheme: 'light' | 'dark' = 'light',
) {
  const context = await harness.browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    colorScheme: scheme,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(harness.baseUrl);
  await reached(page, 200);
  return { context, page, problems };
}

describe('one screen', { timeout: 200_000 }, () => {
  before(async () => {
    harness = await startHarness();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await harness?.stop();
  });

  it('at 1280x800 shows alpha, the network, the output, the loss and the counts unscrolled', async () => {
    const { context, page, problems } = await openAt(DESKTOP);
    await inView(page, page.getByLabel('α slider (fine near 0)'), 'the alpha slider');
    await inView(page, page.getByLabel('α exact value'), 'the exact alpha');
    await inView(page, page.getByRole('button', { name: /^Keras/ }), 'the presets');
    await inView(page, page.locator('.pv-net-canvas'), 'the network');
    await inView(page, page.locator('.pv-heat'), 'the decision boundary');
    await inView(page, page.locator('.card-loss .pv-chart-canvas'), 'the loss chart');
    await inView(page, page.locator('.run-status [data-item="dead"]'), 'the dead count');
    await inView(page, page.locator('.run-status [data-item="dormant"]'), 'the dormant count');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-desktop-light.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('at 390x844 keeps alpha and the counts in reach while the network is on screen', async () => {
    const { context, page, problems } = await openAt(PHONE);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-phone-light.png') });
    await page.locator('.pv-net-canvas').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    await page.waitForTimeout(300);
    await inView(page, page.getByLabel('α slider (fine near 0)'), 'the alpha slider (sticky)');
    await inView(page, page.getByLabel('α exact value'), 'the exact alpha (sticky)');
    await inView(page, page.locator('.run-status [data-item="dead"]'), 'the dead count (sticky)');
    await inView(
      page,
      page.locator('.run-status [data-item="dormant"]'),
      'the dormant count (sticky)',
    );
    const net = await page.locator('.pv-net-canvas').boundingBox();
    assert.ok(net && net.y < PHONE.height && net.y + net.height > 0, 'the network is on screen');
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-phone-scrolled.png') });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= PHONE.width, `no sideways scrolling (${wide}px wide)`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('renders dark when the system is dark, and the toggle switches and is remembered', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page, problems } = await openAt(viewport, 'dark');
      assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'dark');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      assert.ok(r! + g! + b! < 150, `a dark background (${bg})`);
      await page.screenshot({
        path: join(
          SCREENSHOTS,
          `playground-${viewport === DESKTOP ? 'desktop' : 'phone'}-dark.png`,
        ),
      });
      await page.getByRole('button', { name: /Switch to light mode/ }).click();
      assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'light');
      await page.reload();
      await reached(page, 1);
      assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'light');
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('draws focus rings that stand out, and Tab follows the layout', async () => {
    const { context, page } = await openAt(DESKTOP);
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 20) ?? '';
        }),
      );
    }
    const playAt = order.findIndex((t) => /Pause|Play/.test(t));
    const alphaAt = order.findIndex((t) => /^α exact|0\.01/.test(t));
    assert.ok(playAt >= 0 && playAt < 6, `Play comes early: ${order.join(' | ')}`);
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor };
    });
    assert.notEqual(ring.style, 'none', 'a focus ring');
    assert.ok(ring.width >= 2);
    console.log(`# tab order: ${order.join(' | ')} (alpha at ${alphaAt})`);
    await context.close();
  });
});
