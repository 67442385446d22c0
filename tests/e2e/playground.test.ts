// End-to-end test of the playground's runs: the built page in Debian's Chromium
// (playwright-core), served by Vite's preview server, compared with the Node build of the same
// core for the same config, steps and live changes. Timings are printed, never asserted.
// Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PAGE_FILE, startHarness, type Harness, type Opened } from './support/harness.ts';
import { clearLongTasks, longTaskContext, longTasksText } from './support/long-tasks.ts';
import { button, nodeCore, nodeEvaluation, reached, run, stepTo, sum } from './support/page-run.ts';

let harness: Harness;
let baseUrl: string;
const open = (url: string, viewport?: { width: number; height: number }): Promise<Opened> =>
  harness.open(url, viewport);
const close = (o: Opened): Promise<void> => harness.close(o);

describe('playground', { timeout: 400_000 }, () => {
  before(async () => {
    harness = await startHarness();
    baseUrl = harness.baseUrl;
  });

  after(async () => {
    await harness?.stop();
  });

  it('the default experiment: units go dormant, and the suggested alpha revives some', async () => {
    const o = await open(baseUrl);
    const { page } = o;
    const first = await reached(page, 1);
    assert.equal(first.variant, 'simd');
    assert.equal(first.playing, true, 'the default experiment starts by itself');
    // Within 10 seconds some units are inactive (dormant with Leaky ReLU) ...
    await page.waitForFunction(
      () => (window.__leakyLab?.run?.evaluation?.inactive ?? []).some((n) => n > 0),
      undefined,
      { timeout: 10_000 },
    );
    const invite = page.getByRole('button', { name: /α = 0\.3/ });
    await invite.waitFor({ timeout: 10_000 });
    const before = await run(page);
    const inactiveBefore = sum(before.evaluation!.inactive);
    console.log(`# default experiment: ${inactiveBefore} inactive units at step ${before.step}`);
    assert.ok(inactiveBefore > 0);
    // ... and the one action the page offers revives some of them within 10 more seconds.
    await invite.click();
    await page.waitForFunction(
      ({ revivals, inactive }) => {
        const e = window.__leakyLab?.run?.evaluation;
        if (e === null || e === undefined) return false;
        const now = e.inactive.reduce((a, b) => a + b, 0);
        return e.revivals > revivals && now < inactive;
      },
      { revivals: before.evaluation!.revivals, inactive: inactiveBefore },
      { timeout: 10_000 },
    );
    const after = await run(page);
    console.log(
      `# after α = 0.3: ${sum(after.evaluation!.inactive)} inactive, ${after.evaluation!.revivals - before.evaluation!.revivals} revivals since`,
    );
    assert.equal(after.live.length, 1, 'applied live, the weights kept');
    assert.equal(after.live[0]!.value, 0.3);
    assert.match(await page.locator('.invite').innerText(), /Since α became 0\.3 at step/);
    assert.match(page.url(), /&live=\d+:alpha:0\.3/, 'the link records the change');
    await close(o);
  });

  it('shows the dead and dormant counts the core computes for that state', async () => {
    for (const [hash, what] of [
      ['#kind=relu&seed=2', 'dead'],
      ['#kind=leaky_relu&alpha=0.01', 'dormant'],
    ] as const) {
      const o = await open(`${baseUrl}${hash}`);
      const r = await stepTo(o.page, 100, 3);
      const expected = nodeEvaluation(r.config, [300]);
      assert.deepEqual(
        r.evaluation!.dead,
        expected.layers.map((l) => l.dead),
      );
      assert.deepEqual(
        r.evaluation!.dormant,
        expected.layers.map((l) => l.dormant),
      );
      assert.equal(r.evaluation!.trainLoss, expected.train_loss);
      const shown = async (item: string) =>
        Number(
          await o.page.locator(`.run-status [data-item="${item}"]`).getAttribute('data-count'),
        );
      const dead = sum(expected.layers.map((l) => l.dead));
      const dormant = sum(expected.layers.map((l) => l.dormant));
      const units = sum(expected.layers.map((l) => l.units));
      assert.equal(await shown('dead'), dead);
      assert.equal(await shown('dormant'), dormant);
      assert.equal(
        await o.page.locator('.run-status [data-item="dead"]').innerText(),
        `${dead} of ${units}`,
      );
      assert.ok((what === 'dead' ? dead : dormant) > 0, `this run has ${what} units to show`);
      // The per-layer table says the same.
      const rows = await o.page.locator('.layer-table tbody tr').count();
      assert.equal(rows, expected.layers.length);
      console.log(`# ${hash}: step 300, dead ${dead}, dormant ${dormant} of ${units} (= Node)`);
      await close(o);
    }
  });

  it('reproduces a run from its link, live changes included', async () => {
    const hash =
      '#kind=elu&alpha=0.5&seed=7&dataSeed=3&data=circle&noise=0.1&train=0.6&batch=5&inputs=x1,x2,x1^2,x2^2' +
      '&hidden=6,5&acts=,tanh&lr=0.03&opt=momentum&init=xavier_uniform&bias=constant&biasValue=0.1&reg=l2&regRate=0.001';
    const a = await open(`${baseUrl}${hash}`);
    const ra = await stepTo(a.page, 100, 1);
    await a.page.getByLabel('α exact value').fill('0.2');
    await a.page.waitForFunction(() => (window.__leakyLab?.run?.live.length ?? 0) === 1);
    await button(a.page, 'Step').click();
    const ra2 = await reached(a.page, 200, true);
    const link = a.page.url();
    assert.match(link, /seed=7/);
    assert.match(link, /acts=,tanh/);
    assert.match(link, /alpha=0\.5&/, 'the link starts where the run started');
    assert.match(link, /live=100:alpha:0\.2/);
    await close(a);

    // The link plays from step 0 and replays the change at step 100.
    const b = await open(link);
    const rb = await reached(b.page, 200);
    const at200 = rb.losses.find(([step]) => step === 200);
    assert.ok(at200, 'an evaluation at step 200');
    assert.equal(rb.config, ra.config, 'the same config');
    assert.equal(at200[1], ra2.evaluation!.trainLoss, 'the same loss, change replayed');
    assert.deepEqual(rb.live, [{ step: 100, field: 'alpha', value: 0.2 }]);
    assert.equal(
      nodeEvaluation(rb.config, [100, { alpha: 0.2 }, 100]).train_loss,
      at200[1],
      'and the core in Node agrees',
    );
    const cfg = JSON.parse(rb.config);
    assert.equal(cfg.network.hidden[1].activation, 'tanh');
    assert.equal(cfg.data.seed, 3);
    assert.equal(await b.page.getByLabel('Layer 2 activation').inputValue(), 'tanh');
    await close(b);
  });

  it('applies alpha and the learning rate live; the toggle starts a new run instead', async () => {
    const o = await open(baseUrl);
    const { page } = o;
    const before = await stepTo(page, 100, 1);
    await page.getByLabel('α exact value').fill('0.3');
    await page.waitForFunction(() => window.__leakyLab?.alpha === 0.3);
    await page.waitForFunction(() => (window.__leakyLab?.run?.live.length ?? 0) === 1);
    await button(page, 'Step').click();
    const after = await reached(page, 200, true);
    assert.equal(after.config, before.config, 'the same run, not a new one');
    const expected = nodeEvaluation(before.config, [100, { alpha: 0.3 }, 100]);
    assert.equal(after.evaluation!.trainLoss, expected.train_loss, 'alpha 0.3 from step 100');
    assert.notEqual(after.evaluation!.trainLoss, nodeEvaluation(before.config, [200]).train_loss);

    await page.locator('summary', { hasText: 'Training' }).click();
    await page.getByLabel('Learning rate').selectOption('0.001');
    await page.waitForFunction(() => (window.__leakyLab?.run?.live.length ?? 0) === 2);
    await button(page, 'Step').click();
    const lr = await reached(page, 300, true);
    assert.equal(
      lr.evaluation!.trainLoss,
      nodeEvaluation(before.config, [100, { alpha: 0.3 }, 100, { lr: 0.001 }, 100]).train_loss,
    );
    assert.equal(await page.locator('.pv-chart').first().isVisible(), true);

    await page.locator('summary', { hasText: 'Network' }).click();
    await page.getByLabel('α changes start a new run').check();
    await page.getByRole('button', { name: /^TF/ }).click();
    await page.waitForFunction(() => {
      const r = window.__leakyLab?.run;
      return r?.evaluation?.step === 0 && JSON.parse(r.config).network.hidden[0].alpha === 0.2;
    });
    assert.match(page.url(), /alphaResets=1/);
    await close(o);
  });

  it('shows the engine’s speed for SIMD and for scalar (?simd=0)', async () => {
    const speeds: Record<string, number> = {};
    for (const query of ['', '?simd=0']) {
      const o = await open(`${baseUrl}${query}#speed=fast`);
      await reached(o.page, 2000);
      await o.page.waitForTimeout(2500);
      const r = await run(o.page);
      const variant = query === '' ? 'simd' : 'scalar';
      assert.equal(r.variant, variant);
      assert.ok(r.throughput > 0, 'the engine speed is measured');
      const text = await o.page.locator('.run-status [data-item="speed"]').innerText();
      assert.match(text, new RegExp(`steps/s[\\s\\S]*samples/s · ${variant}`));
      speeds[variant] = r.throughput;
      await close(o);
    }
    console.log(
      `# engine: SIMD ${Math.round(speeds['simd']!)} steps/s, scalar ${Math.round(speeds['scalar']!)} steps/s (${(speeds['simd']! / speeds['scalar']!).toFixed(2)}x)`,
    );
  });

  it('names unknown keys and bad values in the link, and runs anyway', async () => {
    const o = await open(`${baseUrl}#alhpa=0.2&noise=5&hidden=8,abc&lr=banana&data=nope&batch=0`);
    const r = await reached(o.page, 1);
    const text = await o.page.locator('.notices').first().innerText();
    assert.match(text, /key “alhpa” is not one this page knows \(did you mean “alpha”\?\)/);
    assert.match(text, /noise “5” is out of range .* so 1 is used instead/);
    assert.match(text, /hidden “8,abc” was not used/);
    assert.match(
      text,
      /lr “banana” was not used \(lr must be a number within \(0, 10\]\); the default 0\.03 is kept/,
    );
    assert.match(text, /data “nope” was not used/);
    assert.match(text, /batch “0” is out of range .* so 1 is used instead/);
    const cfg = JSON.parse(r.config);
    assert.equal(cfg.data.noise, 1);
    assert.equal(cfg.training.batch_size, 1);
    await close(o);
  });

  it('flags an exploding run while it goes on, naming the alpha change behind it', async () => {
    // The default experiment with alpha raised to 0.3 at step 3000: the next layers were tuned
    // to 0.01, and the loss jumps far above its start before it settles.
    const o = await open(`${baseUrl}#speed=100&live=3000:alpha:0.3`);
    // The notice goes when the loss settles again: read it while it is there.
    const handle = await o.page.waitForFunction(
      () => {
        const text = document.querySelector('.run-notices')?.textContent ?? '';
        return text.includes('exploding') ? text : null;
      },
      undefined,
      { timeout: 60_000 },
    );
    const notice = (await handle.jsonValue()) as string;
    assert.match(notice, /The training loss is [\d.,]+× its value at step 0/);
    assert.match(notice, /Right after a change of α this is expected/);
    const r = await run(o.page);
    assert.equal(r.status, 'running', 'the run goes on');
    await close(o);
  });

  it('stops a diverging run, says so, and a changed setting starts a run that plays', async () => {
    const o = await open(`${baseUrl}#data=line&opt=momentum&lr=0.03&hidden=8,8&speed=1&eval=1`);
    await o.page.waitForFunction(() => window.__leakyLab?.run?.status === 'diverged');
    const r = await run(o.page);
    // The page evaluates every step (eval=1): so does the reference, step by step.
    const t = new nodeCore.Trainer(r.config);
    for (let i = 0; i < 1000 && t.evaluate(true) !== ''; i++) t.step(1);
    const d = JSON.parse(t.divergence());
    t.delete();
    assert.equal(r.divergedAt, d.step, 'the step the core reports');
    const notice = await o.page.locator('.run-notices').innerText();
    assert.match(notice, new RegExp(`diverged at step ${d.step}`));
    assert.match(notice, /lower learning rate/);
    await o.page.locator('summary', { hasText: 'Training' }).click();
    await o.page.getByLabel('Learning rate').selectOption('0.003');
    await o.page.waitForFunction(() => {
      const run = window.__leakyLab?.run;
      return run?.status === 'running' && run.playing && (run.evaluation?.step ?? 0) > 5;
    });
    await close(o);
  });

  it('works opened from file:// (inline workers)', async () => {
    const o = await open(`${pathToFileURL(PAGE_FILE).href}#data=xor`);
    const r = await reached(o.page, 20);
    assert.equal(JSON.parse(r.config).data.kind, 'xor');
    await close(o);
  });

  it('keeps the main thread free while training (long tasks printed)', async () => {
    const context = await longTaskContext(harness.browser, { width: 1280, height: 800 });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await reached(page, 300);
    await clearLongTasks(page);
    const start = (await run(page)).step;
    await page.waitForTimeout(10_000);
    const end = await run(page);
    console.log(
      `# 10 s of training: ${end.step - start} steps, ${end.frames} frames drawn; long tasks on the main thread: ${await longTasksText(page)}`,
    );
    assert.ok(end.step > start, 'it trained');
    await context.close();
  });
});
