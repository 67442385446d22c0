// End-to-end test of the playground: the built build/web/index.html in Debian's Chromium
// (playwright-core), served by Vite's preview server. What the page shows is compared with
// the Node build of the same core (build/wasm/dist/leaky_node.cjs) for the same config and
// steps. Timings are printed, never asserted. Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import {
  PAGE_FILE,
  ROOT,
  SCREENSHOTS,
  startHarness,
  type Harness,
  type Opened,
} from './support/harness.ts';
import type { Evaluation } from '../../web/src/run/protocol.ts';
import type { TrainerModule } from '../../web/src/run/trainer-api.ts';

const NODE_CORE = join(ROOT, 'build/wasm/dist/leaky_node.cjs');
let harness: Harness;
let baseUrl: string;
let core: TrainerModule;
const open = (url: string, viewport?: { width: number; height: number }): Promise<Opened> =>
  harness.open(url, viewport);
const close = (o: Opened): Promise<void> => harness.close(o);

type RunSnapshot = NonNullable<NonNullable<Window['__leakyLab']>['run']>;

async function run(page: Page): Promise<RunSnapshot> {
  return page.evaluate(() => window.__leakyLab!.run!);
}

/** Waits until the run has drawn a frame at least at `step` (or exactly, when `exact`). */
async function reached(page: Page, step: number, exact = false): Promise<RunSnapshot> {
  await page.waitForFunction(
    ({ step, exact }) => {
      const r = window.__leakyLab?.run;
      const at = r?.evaluation?.step;
      return at !== undefined && (exact ? at === step : at >= step);
    },
    { step, exact },
    { timeout: 60_000 },
  );
  return run(page);
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Reset (a fresh run, paused at step 0), then `clicks` presses of Step, `perStep` steps each. */
async function stepTo(page: Page, perStep: number, clicks: number): Promise<RunSnapshot> {
  await page.waitForFunction(() => window.__leakyLab?.run?.status === 'running');
  await button(page, 'Reset').click();
  await reached(page, 0, true);
  await page.getByLabel('Steps per frame').selectOption(String(perStep));
  for (let i = 0; i < clicks; i++) await button(page, 'Step').click();
  const r = await reached(page, perStep * clicks, true);
  assert.equal(r.playing, false);
  return r;
}

/** The core's evaluation for `config` after `steps` steps (and live changes between). */
function nodeEvaluation(
  config: string,
  plan: (number | { alpha: number } | { lr: number })[],
): Evaluation {
  const t = new core.Trainer(config);
  try {
    assert.equal(t.problems(), '');
    for (const p of plan) {
      if (typeof p === 'number') t.step(p);
      else if ('alpha' in p) assert.equal(t.setAlpha(p.alpha), '');
      else assert.equal(t.setLearningRate(p.lr), '');
    }
    const json = t.evaluate();
    assert.notEqual(json, '', 'the Node run did not diverge');
    return JSON.parse(json) as Evaluation;
  } finally {
    t.delete();
  }
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('playground', { timeout: 300_000 }, () => {
  before(async () => {
    const require = createRequire(import.meta.url);
    core = await (require(NODE_CORE) as () => Promise<TrainerModule>)();
    harness = await startHarness();
    baseUrl = harness.baseUrl;
  });

  after(async () => {
    await harness?.stop();
  });

  it('loads, trains the default experiment, and the loss falls', async () => {
    const o = await open(baseUrl);
    const first = await reached(o.page, 1);
    assert.equal(first.variant, 'simd');
    assert.equal(first.playing, true, 'the default experiment starts by itself');
    const config = JSON.parse(first.config);
    assert.equal(config.data.kind, 'spiral');
    assert.equal(config.network.hidden[0].activation, 'leaky_relu');
    const later = await reached(o.page, 1500);
    assert.ok(
      later.evaluation!.trainLoss < first.evaluation!.trainLoss,
      `loss falls: ${first.evaluation!.trainLoss} at step ${first.evaluation!.step}, ${later.evaluation!.trainLoss} at step ${later.evaluation!.step}`,
    );
    // The views got the frames (the colleague's canvases exist) and the link holds the run.
    assert.ok((await o.page.locator('#views canvas').count()) > 0, 'the views draw');
    assert.match(o.page.url(), /#kind=leaky_relu&alpha=0\.01&seed=1&data=spiral&/);
    await button(o.page, 'Pause').click();
    await o.page.waitForFunction(() => window.__leakyLab?.run?.playing === false);
    await close(o);
  });

  it('shows the dead and dormant counts the core computes for that state', async () => {
    // ReLU: units die. Leaky ReLU (the default): units go dormant instead.
    for (const [hash, clicks, what] of [
      ['#kind=relu', 3, 'dead'],
      ['#kind=leaky_relu&alpha=0.01', 2, 'dormant'],
    ] as const) {
      const o = await open(`${baseUrl}${hash}`);
      const steps = 100 * clicks;
      const r = await stepTo(o.page, 100, clicks);
      const expected = nodeEvaluation(r.config, [steps]);
      assert.deepEqual(
        r.evaluation!.dead,
        expected.layers.map((l) => l.dead),
      );
      assert.deepEqual(
        r.evaluation!.dormant,
        expected.layers.map((l) => l.dormant),
      );
      assert.equal(r.evaluation!.trainLoss, expected.train_loss);
      // What the page shows, as text.
      const shown = async (item: string) =>
        Number(
          await o.page.locator(`.run-status [data-item="${item}"]`).getAttribute('data-count'),
        );
      const dead = sum(expected.layers.map((l) => l.dead));
      const dormant = sum(expected.layers.map((l) => l.dormant));
      assert.equal(await shown('dead'), dead);
      assert.equal(await shown('dormant'), dormant);
      const units = sum(expected.layers.map((l) => l.units));
      assert.equal(
        await o.page.locator('.run-status [data-item="dead"]').innerText(),
        `${dead} of ${units}`,
      );
      assert.equal(
        await o.page.locator('.run-status [data-item="dormant"]').innerText(),
        `${dormant} of ${units}`,
      );
      assert.ok((what === 'dead' ? dead : dormant) > 0, `this run has ${what} units to show`);
      console.log(
        `# ${hash}: step ${steps}, dead ${dead}, dormant ${dormant} of ${units} (= Node)`,
      );
      await close(o);
    }
  });

  it('reproduces a run from its link', async () => {
    const hash =
      '#kind=elu&alpha=0.5&seed=7&data=circle&noise=0.1&train=0.6&batch=5&x2=1' +
      '&hidden=6,5&acts=,tanh&lr=0.03&opt=momentum&init=xavier_uniform&bias=constant&biasValue=0.1&reg=l2&regRate=0.001';
    const a = await open(`${baseUrl}${hash}`);
    const ra = await stepTo(a.page, 50, 4);
    const link = a.page.url();
    assert.match(link, /seed=7/);
    assert.match(link, /acts=,tanh/);
    await close(a);

    const b = await open(link);
    const rb = await stepTo(b.page, 50, 4);
    assert.equal(rb.config, ra.config, 'the same config');
    assert.equal(rb.evaluation!.trainLoss, ra.evaluation!.trainLoss, 'the same loss');
    assert.equal(rb.evaluation!.testLoss, ra.evaluation!.testLoss);
    assert.deepEqual(rb.evaluation!.dormant, ra.evaluation!.dormant);
    // And the core in Node agrees.
    assert.equal(nodeEvaluation(rb.config, [200]).train_loss, rb.evaluation!.trainLoss);
    const cfg = JSON.parse(rb.config);
    assert.equal(cfg.network.hidden[1].activation, 'tanh');
    assert.equal(cfg.optimizer.kind, 'momentum');
    assert.equal(cfg.regularization.l2, 0.001);
    assert.equal(await b.page.getByLabel('Layer 2 activation').inputValue(), 'tanh');
    assert.equal(await b.page.getByLabel('Activation function').inputValue(), 'elu');
    await close(b);
  });

  it('applies alpha live (weights kept) and plots it; the toggle makes it reset', async () => {
    const o = await open(baseUrl);
    const { page } = o;
    const before = await stepTo(page, 100, 1);
    const f = async (z: number) =>
      page.evaluate((z) => {
        const s = window.__leakyLab!;
        return s.f[s.z.indexOf(z)];
      }, z);
    assert.equal(await f(-2), Math.fround(-0.02));

    await page.getByLabel('Exact value').fill('0.3');
    await page.waitForFunction(() => window.__leakyLab?.alpha === 0.3);
    assert.equal(await f(-2), Math.fround(-0.6), 'the plot follows alpha');
    await button(page, 'Step').click();
    const after = await reached(page, 200, true);
    assert.equal(after.config, before.config, 'the same run, not a new one');
    const expected = nodeEvaluation(before.config, [100, { alpha: 0.3 }, 100]);
    const fresh = nodeEvaluation(before.config, [200]);
    assert.equal(after.evaluation!.trainLoss, expected.train_loss, 'alpha 0.3 from step 100');
    assert.notEqual(after.evaluation!.trainLoss, fresh.train_loss, 'alpha did change the run');
    assert.match(page.url(), /alpha=0\.3&/);

    // The learning rate is live too.
    await page.getByLabel('Learning rate').selectOption('0.001');
    await button(page, 'Step').click();
    const lr = await reached(page, 300, true);
    assert.equal(
      lr.evaluation!.trainLoss,
      nodeEvaluation(before.config, [100, { alpha: 0.3 }, 100, { lr: 0.001 }, 100]).train_loss,
    );

    // With the toggle on, alpha starts a fresh run (paused, as it was).
    await page.getByLabel('α changes reset the run').check();
    await page.getByRole('button', { name: /TensorFlow/ }).click();
    await page.waitForFunction(() => {
      const r = window.__leakyLab?.run;
      return r?.evaluation?.step === 0 && JSON.parse(r.config).network.hidden[0].alpha === 0.2;
    });
    assert.match(page.url(), /alphaResets=1/);
    await close(o);
  });

  it('runs the scalar build with ?simd=0', async () => {
    const o = await open(`${baseUrl}?simd=0`);
    const r = await stepTo(o.page, 100, 2);
    assert.equal(r.variant, 'scalar');
    assert.match(await o.page.locator('.badge[data-variant="scalar"]').innerText(), /scalar/);
    const expected = nodeEvaluation(r.config, [200]);
    // The scalar build may round sums differently from the SIMD Node build: close, not equal.
    assert.ok(Math.abs(r.evaluation!.trainLoss - expected.train_loss) < 1e-3);
    await close(o);
  });

  it('names bad link values, clamps or ignores them, and runs anyway', async () => {
    const o = await open(
      `${baseUrl}#noise=5&hidden=8,abc&lr=banana&data=nope&batch=0&spf=7&acts=bogus`,
    );
    const r = await reached(o.page, 1);
    const text = await o.page.locator('#notices').innerText();
    assert.match(text, /noise value “5” is out of range.*\[0, 1\].*Using 1 instead/s);
    assert.match(text, /hidden value “8,abc” was ignored/);
    assert.match(text, /lr value “banana” was ignored.*\[0\.000001, 10\]/s);
    assert.match(text, /data value “nope” was ignored.*spiral, circle/s);
    assert.match(text, /batch value “0” is out of range.*Using 1 instead/s);
    assert.match(text, /spf value “7” is out of range.*one of 1, 2, 5, 10.*Using 5 instead/s);
    assert.match(text, /acts value “bogus” was ignored/);
    const cfg = JSON.parse(r.config);
    assert.equal(cfg.data.noise, 1);
    assert.equal(cfg.data.kind, 'spiral');
    assert.equal(cfg.training.batch_size, 1);
    assert.deepEqual(
      cfg.network.hidden.map((l: { units: number }) => l.units),
      [8, 8, 8, 8],
    );
    assert.match(o.page.url(), /noise=1&/);
    await close(o);
  });

  it('stops a diverging run and says so', async () => {
    const o = await open(`${baseUrl}#lr=10&opt=sgd`);
    await o.page.waitForFunction(() => window.__leakyLab?.run?.status === 'diverged');
    const r = await run(o.page);
    assert.equal(r.playing, false);
    const t = new core.Trainer(r.config);
    t.step(1000);
    const d = JSON.parse(t.divergence());
    t.delete();
    assert.equal(r.divergedAt, d.step, 'the step the core reports');
    const notice = await o.page.locator('#run-notices').innerText();
    assert.match(notice, new RegExp(`diverged at step ${d.step}`));
    assert.match(notice, /lower learning rate/);
    assert.equal(await button(o.page, 'Play').isDisabled(), true);
    await close(o);
  });

  it('works opened from file:// (inline workers)', async () => {
    const o = await open(`${pathToFileURL(PAGE_FILE).href}#data=xor`);
    const r = await reached(o.page, 20);
    assert.equal(JSON.parse(r.config).data.kind, 'xor');
    await close(o);
  });

  it('keeps the main thread free while training (long tasks printed)', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    // Measure while training runs, after the page has loaded (the load itself compiles wasm).
    await reached(page, 300);
    await page.evaluate(() => {
      (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
    });
    const start = (await run(page)).step;
    await page.waitForTimeout(10_000);
    const end = await run(page);
    const tasks = await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    );
    const worst = tasks.length === 0 ? 0 : Math.max(...tasks);
    console.log(
      `# 10 s of training: ${end.step - start} steps, ${end.frames} frames drawn; ` +
        `long tasks on the main thread: ${tasks.length}, worst ${worst.toFixed(0)} ms`,
    );
    assert.ok(end.step > start, 'it trained');
    await context.close();
  });

  it('fits a desktop and a phone screen (screenshots)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, viewport] of [
      ['playground-desktop.png', { width: 1280, height: 800 }],
      ['playground-phone.png', { width: 390, height: 844 }],
    ] as const) {
      const o = await open(baseUrl, viewport);
      await reached(o.page, 2000);
      await button(o.page, 'Pause').click();
      await o.page.waitForFunction(() => window.__leakyLab?.run?.playing === false);
      const scrollWidth = await o.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= viewport.width, `no sideways scrolling at ${viewport.width}px`);
      await o.page.screenshot({ path: join(SCREENSHOTS, name) });
      await close(o);
    }
  });
});
