// End-to-end test of the compare mode in Debian's Chromium: four workers from one starting
// draw (the same fingerprint of their weights and biases), every round at one step, losses that
// part ways, pause/step/reset/live α reaching every run at the same step with the Node build's
// numbers, each activation's own gain, a run that diverges alone, bad links, and the screen at
// 1280x800 and 390x844 (screenshots in build/screenshots). Timings are printed, never asserted.
// Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CompareHook } from '../../web/src/test-hook.ts';
import { SCREENSHOTS, startHarness, type Harness } from './support/harness.ts';
import { clearLongTasks, longTaskContext, longTasksText } from './support/long-tasks.ts';
import { button, nodeEvaluation } from './support/page-run.ts';
import { inView } from './support/viewport.ts';

let harness: Harness;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const compare = (page: Page): Promise<CompareHook> =>
  page.evaluate(() => window.__leakyLab!.compare!);

// Conditions on the page's compare hook. They run in the page, so each reads the hook itself
// and uses nothing from this file but its one argument.

/** Every run has drawn its step-0 weights (of a config with this gain, when one is given). */
const started = (gain: string | null): boolean => {
  const c = window.__leakyLab?.compare;
  return (
    c !== undefined &&
    c.runs.length > 0 &&
    c.runs.every(
      (r) => r.startHash !== null && (gain === null || JSON.parse(r.config).init.gain === gain),
    )
  );
};
/** The runs are new: every one is at step 0 and has drawn its starting weights. */
const restarted = (): boolean => {
  const c = window.__leakyLab?.compare;
  return (
    c !== undefined &&
    c.runs.length > 0 &&
    c.runs.every((r) => r.step === 0 && r.startHash !== null)
  );
};
/** Every run has started from another draw than `hash`. */
const redrawn = (hash: string): boolean => {
  const c = window.__leakyLab?.compare;
  return c !== undefined && c.runs.every((r) => r.startHash !== null && r.startHash !== hash);
};
/** Every run is at `step` or beyond. */
const reachedStep = (step: number): boolean => {
  const c = window.__leakyLab?.compare;
  return c !== undefined && c.runs.length > 0 && c.runs.every((r) => r.step >= step);
};
/** Paused and settled (nothing on its way) with every run past `step`. */
const settledPast = (step: number): boolean => {
  const c = window.__leakyLab?.compare;
  return (
    c !== undefined &&
    !c.playing &&
    !c.busy &&
    c.runs.every((r) => r.status === 'running' && r.step > step)
  );
};
/** Run `index` applied one live change, and nothing is on its way. */
const changedLive = (index: number): boolean => {
  const c = window.__leakyLab?.compare;
  return c !== undefined && c.runs[index]?.live.length === 1 && !c.busy;
};
/** Run `index` diverged while the first went past step 400. */
const divergedAlone = (index: number): boolean => {
  const c = window.__leakyLab?.compare;
  return c !== undefined && c.runs[index]?.status === 'diverged' && (c.runs[0]?.step ?? 0) >= 400;
};

/** Waits until `done(arg)` holds in the page; returns the compare hook then. */
async function until<A extends number | string | null>(
  page: Page,
  done: (arg: A) => boolean,
  arg: A,
): Promise<CompareHook> {
  await page.waitForFunction(done as (arg: unknown) => boolean, arg, { timeout: 60_000 });
  return compare(page);
}

function assertLockstep(c: CompareHook): void {
  assert.ok(c.roundSteps.length > 0, 'rounds were drawn');
  for (const round of c.roundSteps) {
    const steps = round.filter((s): s is number => s !== null);
    assert.ok(
      steps.every((s) => s === steps[0]),
      `every run of a round at one step: ${round.join(', ')}`,
    );
  }
}

/** Clicks Step `times` times, each time waiting for every run to arrive and settle. */
async function stepTimes(page: Page, times: number): Promise<CompareHook> {
  let c = await compare(page);
  for (let i = 0; i < times; i++) {
    const at = c.runs[0]!.step;
    await button(page, 'Step').click();
    c = await until(page, settledPast, at);
  }
  return c;
}

describe('compare mode', { timeout: 600_000 }, () => {
  before(async () => {
    harness = await startHarness();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await harness?.stop();
  });

  it('starts four workers from one draw, keeps them in step, and their losses part', async () => {
    const o = await harness.open(`${harness.baseUrl}#mode=compare&speed=20`, DESKTOP);
    const { page } = o;
    let c = await until(page, started, null);
    const hashes = c.runs.map((r) => r.startHash);
    assert.equal(hashes.length, 4);
    assert.equal(new Set(hashes).size, 1, `one starting draw: ${hashes.join(' ')}`);
    const configs = c.runs.map((r) => JSON.parse(r.config));
    assert.deepEqual(
      configs.map((x) => [x.network.hidden[0].activation, x.network.hidden[0].alpha]),
      [
        ['relu', undefined],
        ['leaky_relu', 0.01],
        ['leaky_relu', 0.2],
        ['prelu', 0.25],
      ],
    );
    const withoutNetwork = configs.map((x) => JSON.stringify({ ...x, network: null }));
    assert.equal(new Set(withoutNetwork).size, 1, 'the configs differ only in the network');
    assert.equal(configs[0].init.gain, 'relu');
    await page.getByText(/Starting weights: the same for every run/).waitFor();

    c = await until(page, reachedStep, 1500);
    assertLockstep(c);
    const losses = c.runs.map((r) => r.evaluation!.trainLoss);
    assert.equal(new Set(losses).size, 4, `four activations, four losses: ${losses.join(', ')}`);
    console.log(
      `# step ${c.runs[0]!.step}: train losses ${losses.map((l) => l.toFixed(4)).join(', ')}; dead ${c.runs.map((r) => r.evaluation!.dead.reduce((a, b) => a + b, 0)).join(', ')}`,
    );
    // One screen: every run's output and network, the charts and the table.
    for (const [what, selector] of [
      ['the decision boundaries', '.cmp-run .pv-heat'],
      ['the networks', '.cmp-run .pv-net-canvas'],
      ['the charts', '.cmp-chart .pv-chart-canvas'],
      ['the summary', '.cmp-table tbody tr'],
    ] as const) {
      const all = page.locator(selector);
      assert.ok((await all.count()) >= 3, what);
      for (let i = 0; i < (await all.count()); i++) await inView(page, all.nth(i), what);
    }
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'compare-desktop-light.png') });
    await harness.close(o);
  });

  it('pause, step, reset and a live α reach every run at one step, as the core computes', async () => {
    const o = await harness.open(`${harness.baseUrl}#mode=compare&speed=50&eval=50`, DESKTOP);
    const { page } = o;
    await until(page, reachedStep, 100);
    await button(page, 'Pause').click();
    let c = await until(page, settledPast, 0);
    assert.equal(new Set(c.runs.map((r) => r.step)).size, 1, 'paused: one step for all');
    const rounds = c.rounds;
    await page.waitForTimeout(400);
    assert.equal((await compare(page)).rounds, rounds, 'paused: nothing more is drawn');

    const start = c.runs.map((r) => r.startHash);
    await button(page, 'Reset').click();
    // The first round of the new runs: step 0, the starting weights.
    c = await until(page, restarted, null);
    assert.deepEqual(
      c.runs.map((r) => [r.step, r.startHash]),
      start.map((h) => [0, h]),
      'reset keeps the starting weights',
    );
    c = await stepTimes(page, 2);
    assert.deepEqual(
      c.runs.map((r) => r.step),
      [100, 100, 100, 100],
    );
    const alpha = page.getByLabel('Run 2: α');
    await alpha.fill('0.3');
    await alpha.press('Enter');
    await until(page, changedLive, 1);
    c = await stepTimes(page, 2);
    assertLockstep(c);
    assert.deepEqual(
      c.runs.map((r) => r.live),
      [[], [{ step: 100, field: 'alpha', value: 0.3 }], [], []],
      'the α change went to run 2 alone, at step 100',
    );
    c.runs.forEach((r, i) => {
      assert.equal(r.step, 200);
      const plan = i === 1 ? [100, { alpha: 0.3 }, 100] : [200];
      const ref = nodeEvaluation(r.config, plan);
      assert.equal(r.evaluation!.trainLoss, ref.train_loss, `run ${i + 1}: the Node build's loss`);
    });
    assert.match(
      await page.evaluate(() => location.hash),
      /live2=100:alpha:0\.3/,
      'the link replays the change',
    );
    await harness.close(o);
  });

  it('each activation’s own He gain: different starts, and the page says which is in force', async () => {
    const o = await harness.open(`${harness.baseUrl}#mode=compare&speed=10`, DESKTOP);
    const { page } = o;
    const first = await until(page, started, 'relu');
    const toggle = page.getByLabel('Each activation’s own He gain');
    await toggle.check();
    const own = await until(page, started, 'own');
    assert.equal(new Set(own.runs.map((r) => r.startHash)).size, 4, 'four gains, four starts');
    await page.getByText(/He gain: each activation’s own/).waitFor();
    await page.getByText(/Starting weights: 4 different draws/).waitFor();
    await toggle.uncheck();
    const back = await until(page, started, 'relu');
    assert.equal(back.runs[0]!.startHash, first.runs[0]!.startHash);
    await page.getByRole('button', { name: 'New weights' }).click();
    const fresh = await until(page, redrawn, first.runs[0]!.startHash!);
    assert.equal(new Set(fresh.runs.map((r) => r.startHash)).size, 1, 'a new draw, still one');
    await harness.close(o);
  });

  it('a run that diverges stops alone; the others go on', async () => {
    const o = await harness.open(
      `${harness.baseUrl}#mode=compare&speed=20&opt=sgd&lr=0.03&live3=10:lr:10`,
      DESKTOP,
    );
    const { page } = o;
    const c = await until(page, divergedAlone, 2);
    assert.deepEqual(
      c.runs.map((r) => r.status),
      ['running', 'running', 'diverged', 'running'],
    );
    assert.ok(c.runs[2]!.divergedAt! < 100, `diverged at step ${c.runs[2]!.divergedAt}`);
    assertLockstep(c);
    await page.getByText(/Diverged at step/).waitFor();
    assert.equal(
      await page.locator('tr[data-run="2"] td[data-item="target"]').textContent(),
      'diverged',
    );
    await harness.close(o);
  });

  it('names what a bad link holds, and runs what it could read', async () => {
    const o = await harness.open(
      `${harness.baseUrl}#mode=compare&runs=relu,swish,elu:0.5&gain=leaky`,
      DESKTOP,
    );
    const { page } = o;
    const c = await until(page, reachedStep, 1);
    assert.deepEqual(
      c.runs.map((r) => JSON.parse(r.config).network.hidden[0].activation),
      ['relu', 'elu'],
    );
    const notice = page.locator('.notices').first();
    await notice.getByText(/runs “relu,swish,elu:0.5” is out of range/).waitFor();
    await notice.getByText(/gain “leaky” was not used/).waitFor();
    await harness.close(o);
  });

  it('at 390x844: the summary first, then the charts, then the runs, without sideways scrolling', async () => {
    const o = await harness.open(`${harness.baseUrl}#mode=compare&speed=20`, PHONE);
    const { page } = o;
    await until(page, reachedStep, 300);
    const top = async (selector: string): Promise<number> =>
      (await page.locator(selector).first().boundingBox())!.y;
    const summary = await top('.cmp-summary-card');
    const charts = await top('.cmp-charts-card');
    const runs = await top('.cmp-runs-card');
    assert.ok(summary < charts && charts < runs, `order: ${summary}, ${charts}, ${runs}`);
    await inView(page, page.locator('.cmp-table tbody tr').first(), 'the first run’s summary');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= PHONE.width, `no sideways scrolling (${wide}px wide)`);
    await page.screenshot({ path: join(SCREENSHOTS, 'compare-phone-light.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'compare-phone-full.png'), fullPage: true });
    await harness.close(o);
  });

  it('keeps the main thread free while four runs train (long tasks printed)', async () => {
    const context = await longTaskContext(harness.browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}#mode=compare`);
    await until(page, reachedStep, 200);
    await clearLongTasks(page);
    const before = await compare(page);
    await page.waitForTimeout(10_000);
    const after = await compare(page);
    console.log(
      `# 10 s of four runs: ${after.runs[0]!.step - before.runs[0]!.step} steps each, ${after.rounds - before.rounds} rounds drawn; long tasks on the main thread: ${await longTasksText(page)}`,
    );
    assert.ok(after.runs[0]!.step > before.runs[0]!.step, 'it trained');
    assertLockstep(after);
    await context.close();
  });
});
