// End-to-end test of the activation page: the built build/web/index.html, served by Vite's
// preview server and opened from file://, driven in Debian's Chromium through playwright-core.
// It checks values the page plotted (read from window.__leakyLab), never timings.
// Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  PAGE_FILE,
  SCREENSHOTS,
  startHarness,
  type Harness,
  type Opened,
} from './support/harness.ts';
import type { Page } from 'playwright-core';

let harness: Harness;
let baseUrl: string;
const open = (url: string, viewport?: { width: number; height: number }): Promise<Opened> =>
  harness.open(url, viewport);
const close = (o: Opened): Promise<void> => harness.close(o);

/** Waits until the page has evaluated with the given settings. */
async function settled(
  page: Page,
  want: { kind?: string; alpha?: number; variant?: string } = {},
): Promise<void> {
  await page.waitForFunction((w) => {
    const s = window.__leakyLab;
    return (
      s !== undefined &&
      s.ready &&
      (w.kind === undefined || s.kind === w.kind) &&
      (w.alpha === undefined || s.alpha === w.alpha) &&
      (w.variant === undefined || s.variant === w.variant)
    );
  }, want);
}

/** f(z) and f'(z) as plotted at an input z of the grid (z as the float32 the core received). */
async function at(page: Page, z: number): Promise<{ f: number; df: number }> {
  return page.evaluate((z) => {
    const s = window.__leakyLab!;
    const i = s.z.indexOf(z);
    if (i < 0) throw new Error(`z=${z} is not on the plotted grid`);
    return { f: s.f[i]!, df: s.df[i]! };
  }, Math.fround(z));
}

function near(actual: number, expected: number, tol = 1e-6): void {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `${actual} ≈ ${expected}`,
  );
}

/** Leaky ReLU with slope alpha at the points the issue names, against its definition. */
async function expectLeaky(page: Page, alpha: number): Promise<void> {
  for (const z of [-5, -2, -0.01, 0, 0.01, 1.5, 5].map(Math.fround)) {
    const v = await at(page, z);
    near(v.f, z > 0 ? z : Math.fround(alpha) * z);
    near(v.df, z > 0 ? 1 : Math.fround(alpha));
  }
}

async function snapshot(page: Page) {
  return page.evaluate(() => window.__leakyLab!);
}

describe('activation page', { timeout: 180_000 }, () => {
  before(async () => {
    harness = await startHarness();
    baseUrl = harness.baseUrl;
  });

  after(async () => {
    await harness?.stop();
  });

  it('loads the SIMD build and says so', async () => {
    const o = await open(baseUrl);
    await settled(o.page);
    const s = await snapshot(o.page);
    assert.equal(s.variant, 'simd');
    assert.equal(s.kind, 'leaky_relu');
    assert.equal(s.alpha, 0.01, 'PyTorch’s default');
    assert.equal(s.z.length, 1001);
    assert.equal(s.z[0], -5);
    assert.equal(s.z.at(-1), 5);
    await expectLeaky(o.page, 0.01);
    const badge = o.page.locator('.badge[data-variant="simd"]');
    assert.match(await badge.innerText(), /WebAssembly SIMD \(xsimd: wasm\)/);
    assert.match(await o.page.locator('h1').innerText(), /Leaky Lab/);
    assert.equal(await o.page.locator('.plot-canvas canvas').count(), 1, 'the plot is drawn');
    await close(o);
  });

  it('plots Leaky ReLU with alpha 0.2 from the link', async () => {
    const o = await open(`${baseUrl}#kind=leaky_relu&alpha=0.2`);
    await settled(o.page, { kind: 'leaky_relu', alpha: 0.2 });
    assert.deepEqual(await at(o.page, -2), { f: Math.fround(-0.4), df: Math.fround(0.2) });
    assert.deepEqual(await at(o.page, 1.5), { f: 1.5, df: 1 });
    const zero = await at(o.page, 0);
    near(zero.f, 0);
    near(zero.df, 0.2, 1e-7); // f'(0) = alpha, as in PyTorch
    await expectLeaky(o.page, 0.2);
    assert.match(await o.page.locator('#plot-title').innerText(), /Leaky ReLU, α = 0\.2/);
    // The value table shows the same numbers.
    const row = o.page.locator('.value-table tbody tr', { hasText: '−2' });
    assert.deepEqual(await row.locator('td').allInnerTexts(), ['−0.4', '0.2']);
    assert.equal(await o.page.getByLabel('Exact value').inputValue(), '0.2');
    assert.equal(
      await o.page.getByRole('button', { name: /TensorFlow/ }).getAttribute('aria-pressed'),
      'true',
    );
    await close(o);
  });

  it('follows the slider (keyboard), the number input and the presets', async () => {
    const o = await open(baseUrl);
    const { page } = o;
    await settled(page, { alpha: 0.01 });

    // Exact number input.
    await page.getByLabel('Exact value').fill('0.3');
    await settled(page, { alpha: 0.3 });
    await expectLeaky(page, 0.3);
    assert.match(page.url(), /alpha=0\.3(&|$)/, 'the link follows');

    // Slider by keyboard: one step right of 0.3 is 0.31; Home is 0 (ReLU); End is 1.
    const slider = page.getByLabel('Fine slider');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await settled(page, { alpha: 0.31 });
    await expectLeaky(page, 0.31);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await settled(page, { alpha: 0.29 });
    await page.keyboard.press('Home');
    await settled(page, { alpha: 0 });
    await expectLeaky(page, 0); // f(-2) = 0 * -2 = -0, compared as a number
    await page.keyboard.press('End');
    await settled(page, { alpha: 1 });
    await expectLeaky(page, 1);
    assert.equal(await page.getByLabel('Exact value').inputValue(), '1');
    assert.equal(await slider.getAttribute('aria-valuetext'), 'α = 1');

    // Presets.
    for (const [name, alpha] of [
      ['TensorFlow', 0.2],
      ['Keras', 0.3],
      ['Very leaky', 0.18],
      ['PyTorch', 0.01],
    ] as const) {
      const button = page.getByRole('button', { name: new RegExp(name) });
      await button.click();
      await settled(page, { alpha });
      await expectLeaky(page, alpha);
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.getByLabel('Exact value').inputValue(), String(alpha));
      assert.equal(Number(await slider.inputValue()) > 0, true);
    }
    await close(o);
  });

  it('rejects unparsable alpha inline and flags unusual values', async () => {
    const o = await open(`${baseUrl}#alpha=0.2`);
    const { page } = o;
    await settled(page, { alpha: 0.2 });
    const before = (await snapshot(page)).evaluations;
    const input = page.getByLabel('Exact value');

    for (const bad of ['abc', 'NaN', '1e999', '']) {
      await input.fill(bad);
      const error = page.locator('.alpha-control .field-error');
      await error.waitFor({ state: 'visible' });
      const text = await error.innerText();
      assert.match(text, /α/, 'names the field');
      assert.match(text, /finite number/, 'names what is allowed');
      assert.match(text, /0 ≤ α < 1/, 'names the usual range');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
    }
    const s = await snapshot(page);
    assert.equal(s.alpha, 0.2, 'not sent');
    assert.equal(s.evaluations, before, 'nothing evaluated');

    await input.fill('1.5');
    await settled(page, { alpha: 1.5 });
    await expectLeaky(page, 1.5);
    assert.match(await page.locator('.alpha-note').innerText(), /steeper/);
    assert.equal(await input.getAttribute('aria-invalid'), null);

    await input.fill('-0.5');
    await settled(page, { alpha: -0.5 });
    assert.deepEqual(await at(page, -2), { f: 1, df: -0.5 });
    assert.match(await page.locator('.alpha-note').innerText(), /monotone/);

    await input.fill('0.05');
    await settled(page, { alpha: 0.05 });
    assert.equal(await page.locator('.alpha-note').isVisible(), false);
    await close(o);
  });

  it('switches activations and keeps each one’s alpha', async () => {
    const o = await open(`${baseUrl}#kind=leaky_relu&alpha=0.2`);
    const { page } = o;
    await settled(page, { alpha: 0.2 });
    const select = page.getByLabel('Activation function');

    await select.selectOption('relu');
    await settled(page, { kind: 'relu' });
    assert.deepEqual(await at(page, 0), { f: 0, df: 0 }, "ReLU's gradient at 0 is 0");
    assert.deepEqual(await at(page, -2), { f: 0, df: 0 });
    assert.equal(await page.getByLabel('Exact value').isVisible(), false);
    assert.match(await page.locator('.alpha-control').innerText(), /no α/);
    assert.match(page.url(), /#kind=relu&/);
    assert.doesNotMatch(page.url(), /[#&]alpha=/, 'ReLU has no alpha in the link');

    await select.selectOption('elu');
    await settled(page, { kind: 'elu', alpha: 1 });
    const elu = await at(page, -2);
    near(elu.f, Math.expm1(-2), 1e-5);
    near(elu.df, Math.exp(-2), 1e-5);
    assert.deepEqual(await at(page, 0), { f: 0, df: 1 }, "ELU's gradient at 0 is alpha");

    await select.selectOption('leaky_relu');
    await settled(page, { kind: 'leaky_relu', alpha: 0.2 });
    await expectLeaky(page, 0.2);

    // Editing the link in place is followed too.
    await page.evaluate(() => {
      location.hash = '#kind=prelu&alpha=0.25';
    });
    await settled(page, { kind: 'prelu', alpha: 0.25 });
    await expectLeaky(page, 0.25);
    await close(o);
  });

  it('shows RReLU in evaluation mode and the core’s verdict on its bounds', async () => {
    const o = await open(`${baseUrl}#kind=rrelu&lower=0.1&upper=0.3`);
    const { page } = o;
    await settled(page, { kind: 'rrelu' });
    const slope = (Math.fround(0.1) + Math.fround(0.3)) / 2; // eval mode: (lower + upper) / 2
    near((await at(page, -2)).f, -2 * slope);
    near((await at(page, -2)).df, slope);
    assert.deepEqual(await at(page, 1.5), { f: 1.5, df: 1 });
    const before = await snapshot(page);

    // lower > upper: the core says no; its message appears beside the bounds, nothing is plotted.
    await page.getByLabel('lower', { exact: true }).fill('0.5');
    const error = page.locator('.bounds-control .field-error');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.innerText(), /upper must be >= lower/);
    const after = await snapshot(page);
    assert.equal(after.evaluations, before.evaluations);
    assert.ok(after.problems.length > 0);
    assert.deepEqual(after.f, before.f, 'the plot keeps the last valid values');

    await page.getByLabel('lower', { exact: true }).fill('0.2');
    await page.waitForFunction(() => window.__leakyLab?.problems.length === 0);
    near((await at(page, -2)).df, (Math.fround(0.2) + Math.fround(0.3)) / 2);
    assert.equal(await error.isVisible(), false);
    await close(o);
  });

  it('runs the scalar build with ?simd=0 and gets the same values', async () => {
    const hashes = ['#kind=leaky_relu&alpha=0.2', '#kind=elu&alpha=1', '#kind=gelu'];
    for (const hash of hashes) {
      const simd = await open(`${baseUrl}${hash}`);
      const scalar = await open(`${baseUrl}?simd=0${hash}`);
      await settled(simd.page, { variant: 'simd' });
      await settled(scalar.page, { variant: 'scalar' });
      const a = await snapshot(simd.page);
      const b = await snapshot(scalar.page);
      assert.equal(b.kind, a.kind);
      assert.deepEqual(b.z, a.z);
      for (let i = 0; i < a.f.length; i++) {
        near(b.f[i]!, a.f[i]!, 1e-6);
        near(b.df[i]!, a.df[i]!, 1e-6);
      }
      if (hash.includes('leaky')) await expectLeaky(scalar.page, 0.2);
      assert.match(
        await scalar.page.locator('.badge[data-variant="scalar"]').innerText(),
        /scalar/,
      );
      await close(simd);
      await close(scalar);
    }
  });

  it('falls back to defaults with a visible notice on bad link values', async () => {
    const cases: [string, RegExp][] = [
      ['#alpha=abc', /alpha.*abc.*finite number/s],
      ['#kind=leaky_relu&alpha=Infinity', /alpha.*Infinity.*finite number/s],
      ['#kind=bogus&alpha=0.3', /kind.*bogus.*leaky_relu/s],
      ['#kind=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /kind.*<img src=x/s],
      ['#kind=leaky_relu&alpha=1e39', /alpha.*finite/s], // finite, but not as a float32: the core says no
    ];
    for (const [hash, pattern] of cases) {
      const o = await open(`${baseUrl}${hash}`);
      await settled(o.page, { kind: 'leaky_relu' });
      await settled(o.page, { alpha: hash.includes('alpha=0.3') ? 0.3 : 0.01 });
      const notice = o.page.locator('#notices');
      await notice.waitFor({ state: 'visible' });
      assert.match(await notice.innerText(), pattern);
      assert.equal(await o.page.locator('#notices img').count(), 0, 'text, never markup');
      const s = await snapshot(o.page);
      assert.equal(s.alpha, hash.includes('alpha=0.3') ? 0.3 : 0.01);
      await o.page.getByRole('button', { name: 'Dismiss notice' }).click();
      assert.equal(await notice.isVisible(), false);
      await close(o);
    }
  });

  it('falls back when the core rejects RReLU bounds from the link', async () => {
    const o = await open(`${baseUrl}#kind=rrelu&lower=0.5&upper=0.2`);
    await settled(o.page, { kind: 'rrelu' });
    const notice = o.page.locator('#notices');
    await notice.waitFor({ state: 'visible' });
    assert.match(await notice.innerText(), /upper.*0\.2.*upper must be >= lower/s);
    const s = await snapshot(o.page);
    // The defaults come from the core, as float32 values.
    assert.equal(s.lower, 0.125);
    assert.equal(Math.fround(s.upper), Math.fround(1 / 3));
    assert.deepEqual(s.problems, []);
    await close(o);
  });

  it('works opened from file://', async () => {
    const o = await open(`${pathToFileURL(PAGE_FILE).href}#kind=leaky_relu&alpha=0.2`);
    await settled(o.page, { variant: 'simd', alpha: 0.2 });
    await expectLeaky(o.page, 0.2);
    await o.page.getByRole('button', { name: /Keras/ }).click();
    await settled(o.page, { alpha: 0.3 });
    await expectLeaky(o.page, 0.3);
    assert.match(o.page.url(), /^file:.*#kind=leaky_relu&alpha=0\.3&/);
    await close(o);

    const scalar = await open(`${pathToFileURL(PAGE_FILE).href}?simd=0#alpha=0.2`);
    await settled(scalar.page, { variant: 'scalar', alpha: 0.2 });
    await expectLeaky(scalar.page, 0.2);
    await close(scalar);
  });

  it('fits a phone and a desktop screen (screenshots)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, viewport] of [
      ['activation-desktop.png', { width: 1280, height: 800 }],
      ['activation-phone.png', { width: 390, height: 844 }],
    ] as const) {
      const o = await open(`${baseUrl}#kind=leaky_relu&alpha=0.2`, viewport);
      await settled(o.page, { alpha: 0.2 });
      const layout = await o.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        canvas: document.querySelector('.plot-canvas canvas')?.getBoundingClientRect().width ?? 0,
        panel: document.querySelector('.plot-canvas')?.getBoundingClientRect().width ?? 0,
      }));
      assert.ok(
        layout.scrollWidth <= viewport.width,
        `no sideways scrolling at ${viewport.width}px`,
      );
      assert.ok(layout.canvas >= layout.panel * 0.95, 'the plot uses the width it has');
      assert.ok(layout.canvas >= viewport.width * 0.5, 'the plot is the main thing');
      assert.ok(layout.canvas <= viewport.width, 'the plot fits');
      await o.page.screenshot({ path: join(SCREENSHOTS, name) });
      await close(o);
    }
  });
});
