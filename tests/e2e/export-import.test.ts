// Exports and imports in the page: every export downloads a file with the expected content (the
// model file and metrics equal what the Node build of the core computes for the same config and
// steps), bad files show the core's problems with line and column, and good ones change the run.
// Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PLAYGROUND_PARTS } from '../../web/src/modes/playground/parts.ts';
import { PAGE_LIMITS } from '../../web/src/state/settings.ts';
import { CHROMIUM_ARGS, DIST } from './support/harness.ts';
import { nodeCore, run, stepTo } from './support/page-run.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';
import { closeWatched, openShare, openWatched, trains } from './support/watch.ts';

let browser: Browser;
let site: StaticServer;

async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: button, exact: true }).click();
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** Width and height of a PNG (its IHDR chunk). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const file = (name: string, text: string | Buffer) => ({
  name,
  mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
  buffer: Buffer.isBuffer(text) ? text : Buffer.from(text),
});

describe('exports and imports', { timeout: 400_000 }, () => {
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    site = await serveStatic({ root: DIST, base: '/leaky-lab/' });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('downloads every export with the expected content', async () => {
    const w = await openWatched(browser, `${site.url}#data=xor&seed=3&points=200`, {
      allowed: [site.url],
    });
    const { page } = w;
    const r = await stepTo(page, 100, 2);
    assert.equal(r.step, 200);
    await openShare(page, 'Export');
    for (const p of PLAYGROUND_PARTS.filter((x) => x.view === true)) {
      const { name, bytes } = await downloaded(page, p.label);
      assert.equal(name, `leaky-lab-${p.name}-step200.png`);
      const size = pngSize(bytes);
      assert.ok(size.width > 100 && size.height > 80, `${p.name}: ${size.width} x ${size.height}`);
    }
    const csv = (await downloaded(page, 'Metrics (CSV)')).bytes.toString();
    const [header, ...rows] = csv.trim().split('\n');
    assert.match(header!, /^step,epoch,train_loss,test_loss,/);
    assert.deepEqual(
      rows.map((l) => Number(l.split(',')[0])),
      [0, 100, 200],
    );
    const metrics = JSON.parse((await downloaded(page, 'Metrics (JSON)')).bytes.toString());
    assert.equal(metrics.format, 'leaky-lab-metrics');
    assert.equal(metrics.config.seed, 3);
    assert.equal(metrics.evaluations.length, 3);
    // The model and the statistics are the core's: the Node build computes the same.
    const t = new nodeCore.Trainer(r.config);
    t.step(200);
    const expected = t.modelJson();
    const evaluation = JSON.parse(t.evaluate(false));
    t.delete();
    assert.equal(metrics.evaluations[2].train_loss, evaluation.train_loss);
    const model = (await downloaded(page, 'Model (JSON)')).bytes.toString();
    assert.equal(model, expected);
    const script = await downloaded(page, 'PyTorch script');
    assert.equal(script.name, 'leaky_lab_continue.py');
    const text = script.bytes.toString();
    assert.match(text, /Made by Leaky Lab [\d.]+ at training step 200\./);
    assert.ok(text.includes(`MODEL = json.loads(${JSON.stringify(expected)})`));
    await closeWatched(w);
  });

  it('shows what is wrong with bad files, and runs on good ones', async () => {
    const w = await openWatched(browser, `${site.url}#data=xor&seed=3&points=200`, {
      allowed: [site.url],
    });
    const { page } = w;
    await trains(page);
    // Paused, so that each new run waits at step 0.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await openShare(page, 'Import');
    const dialog = page.getByRole('dialog');
    const csvInput = dialog.getByLabel('CSV file');
    const modelInput = dialog.getByLabel('Model file');
    const csvReport = dialog.locator('.import-report').nth(1);
    const modelReport = dialog.locator('.import-report').nth(0);

    await csvInput.setInputFiles(file('bad.csv', 'u,v,t\n1,2,0\n3,x4,1\n5,6\n'));
    await csvReport.getByText('bad.csv was not imported').waitFor();
    const csvText = await csvReport.innerText();
    assert.match(csvText, /line 3, column 2: .*\(x4\)/);
    assert.match(csvText, /line 4: /);
    await csvInput.setInputFiles(file('big.csv', Buffer.alloc(PAGE_LIMITS.importBytes + 1, 49)));
    await csvReport.getByText(/big\.csv is 2\.0 MB: the page reads files up to 2\.0 MB/).waitFor();
    await modelInput.setInputFiles(
      file('model.json', '{"format": "leaky-lab-model",\n  "version": 1,,\n}'),
    );
    await modelReport.getByText(/line 2, column \d+/).waitFor();
    const big = new nodeCore.Trainer(
      JSON.stringify({ version: 1, data: { kind: 'xor' }, network: { hidden: [40] } }),
    );
    await modelInput.setInputFiles(file('wide.json', big.modelJson()));
    big.delete();
    await modelReport.getByText(/40 units; the page draws at most 32/).waitFor();
    assert.equal((await run(page)).status, 'running', 'nothing refused reached the run');

    // A good CSV: the next run trains on it.
    const rows = Array.from(
      { length: 60 },
      (_, i) => `${(i % 10) - 5},${((i * 7) % 11) - 5},${i % 2}`,
    );
    await csvInput.setInputFiles(file('points.csv', `u,v,t\n${rows.join('\n')}\n`));
    await csvReport
      .getByText(/points\.csv: 60 rows \(30 to train on, 30 to test\), inputs u, v/)
      .waitFor();
    await page.waitForFunction(() =>
      /over u and v/.test(document.querySelector('.pv-stage')?.getAttribute('aria-label') ?? ''),
    );
    await dialog.getByRole('button', { name: 'Use the generated data again' }).click();
    await page.waitForFunction(() =>
      /over x1 and x2/.test(document.querySelector('.pv-stage')?.getAttribute('aria-label') ?? ''),
    );

    // A good model: the network switches to its layers and starts from its weights.
    const config = JSON.stringify({
      version: 1,
      seed: 8,
      data: { kind: 'xor', points: 200, seed: 1 },
      network: { activation: 'leaky_relu', alpha: 0.05, hidden: [5, 3] },
      optimizer: { kind: 'sgd', lr: 0.1 },
    });
    const source = new nodeCore.Trainer(config);
    source.step(300);
    const modelText = source.modelJson();
    source.delete();
    await modelInput.setInputFiles(file('trained.json', modelText));
    await modelReport
      .getByText(/trained\.json: a network of 2 → 5 → 3 → 1; the run starts from its weights/)
      .waitFor();
    await page.waitForFunction(
      () => /hidden=5,3/.test(location.hash) && /alpha=0\.05/.test(location.hash),
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.waitForFunction(() => {
      const r = window.__leakyLab!.run!;
      return r.evaluation?.step === 0 && /"units":5/.test(r.config);
    });
    const started = await run(page);
    const mine = new nodeCore.Trainer(started.config, '', modelText);
    const atStart = JSON.parse(mine.evaluate(false));
    mine.delete();
    assert.equal(
      started.evaluation!.trainLoss,
      atStart.train_loss,
      'the run starts from the imported weights',
    );
    await closeWatched(w);
  });
});
