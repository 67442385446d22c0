// The page as a visitor gets it (a benchmark, not a test): the bytes and gzipped bytes of the
// single file (dist/leaky-lab.html), of the whole site (dist/) and of what a SIMD browser
// loads from the site (every response of one visit); the time from navigation to the first
// training frame (the site from a server, the single file from file://); with "fast" pacing on
// the default network, the training steps per second the page delivers against what its own
// engine computes in the same run (the worker's compute time only), for SIMD and for scalar;
// and the time of the born-dead question's grid at its defaults. Prints a table and JSON lines
// (build/bench/page.jsonl).
//   node --import tsx bench/page/page-bench.ts [--seconds S] [--loads N]
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, DIST, PAGE_FILE, ROOT } from '../../tests/e2e/support/harness.ts';
import { median } from './median.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(v > 0)) throw new Error(`--${name} must be a positive number`);
  return v;
};
const seconds = arg('seconds', 5);
const loads = arg('loads', 5);

const html = readFileSync(PAGE_FILE);
const lines: Record<string, unknown>[] = [];
const emit = (row: Record<string, unknown>): void => {
  lines.push({ bench: 'page', ...row });
};
const gz = (b: Buffer): number => gzipSync(b, { level: 9 }).length;
emit({ what: 'single-file', bytes: html.length, gzip_bytes: gz(html) });
/** Every file of the site (the single file and the element's script are extras beside it). */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const site = files(DIST).map((f) => readFileSync(f));
emit({
  what: 'site',
  files: site.length,
  bytes: site.reduce((a, b) => a + b.length, 0),
  gzip_bytes: site.reduce((a, b) => a + gz(b), 0),
});

const server = await preview({
  configFile: join(ROOT, 'web/vite.config.ts'),
  preview: { host: '127.0.0.1', port: 0, open: false },
  logLevel: 'silent',
});
const base = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

async function firstFrame(url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window.__leakyLab?.run?.frames ?? 0) > 0, undefined, {
    timeout: 60_000,
  });
  // From the navigation's start, in the page's own clock.
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

// What a SIMD browser loads on a first visit to the site: every response the page received.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const bodies: { url: string; body: Buffer }[] = [];
  page.on('response', (r) => {
    void r.body().then(
      (body) => bodies.push({ url: r.url(), body }),
      () => {},
    );
  });
  await page.goto(base);
  await page.waitForFunction(() => (window.__leakyLab?.run?.frames ?? 0) > 0, undefined, {
    timeout: 60_000,
  });
  await page.waitForTimeout(500);
  emit({
    what: 'site-simd-load',
    files: bodies.map((b) => relative(base, b.url) || 'index.html'),
    bytes: bodies.reduce((a, b) => a + b.body.length, 0),
    gzip_bytes: bodies.reduce((a, b) => a + gz(b.body), 0),
  });
  await context.close();
}

for (const [where, url] of [
  ['http', base],
  ['file', pathToFileURL(PAGE_FILE).href],
] as const) {
  const times: number[] = [];
  for (let i = 0; i < loads; i++) times.push(await firstFrame(url));
  emit({ what: 'first-frame', from: where, ms_median: median(times), ms_all: times });
}

for (const variant of ['simd', 'scalar']) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}${variant === 'scalar' ? '?simd=0' : ''}#speed=fast`);
  await page.waitForFunction(() => (window.__leakyLab?.run?.throughput ?? 0) > 0, undefined, {
    timeout: 60_000,
  });
  const read = () =>
    page.evaluate(() => ({
      step: window.__leakyLab!.run!.step,
      t: performance.now(),
      engine: window.__leakyLab!.run!.throughput,
      time: window.__leakyLab!.run!.time,
    }));
  const a = await read();
  const engine: number[] = [];
  for (let i = 0; i < seconds * 2; i++) {
    await page.waitForTimeout(500);
    engine.push((await read()).engine);
  }
  const b = await read();
  const share = (ms: number): number => Number((ms / b.time.wall).toFixed(3));
  const where = {
    training: share(b.time.compute),
    evaluations: share(b.time.evaluation),
    frames: share(b.time.frame),
  };
  const delivered = ((b.step - a.step) * 1000) / (b.t - a.t);
  const own = median(engine);
  emit({
    what: 'fast-pacing',
    variant,
    delivered_steps_per_s: Math.round(delivered),
    engine_steps_per_s: Math.round(own),
    fraction: Number((delivered / own).toFixed(3)),
    worker_time: where,
  });
  await context.close();
}
// The born-dead question's grid at its defaults (depths 2-20, widths 2,3,4,5,10, 1,000 seeds
// per cell), He and RAI, as a reader runs it: the time the core took in the lab worker, and
// from the click to the drawn result.
for (const variant of ['simd', 'scalar']) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}${variant === 'scalar' ? '?simd=0' : ''}#mode=guide&q=born-dead`);
  await page.waitForFunction(() => window.__leakyLab?.guide?.question === 'born-dead');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Run the experiment' }).click();
  await page.waitForFunction(() => window.__leakyLab?.guide?.state === 'done', undefined, {
    timeout: 120_000,
  });
  const clickToResult = Date.now() - t0;
  const ms = await page.evaluate(
    () => (window.__leakyLab!.guide!.numbers as { ms: { he: number; rai: number } }).ms,
  );
  emit({
    what: 'born-dead-grid',
    variant,
    cells: 19 * 5,
    seeds: 1000,
    he_ms: Math.round(ms.he),
    rai_ms: Math.round(ms.rai),
    click_to_result_ms: clickToResult,
  });
  await context.close();
}
await browser.close();
await server.close();

mkdirSync(join(ROOT, 'build/bench'), { recursive: true });
writeFileSync(
  join(ROOT, 'build/bench/page.jsonl'),
  lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
);
const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
console.log('\npage (dist/, headless Chromium)');
for (const l of lines) {
  if (l['what'] === 'single-file')
    console.log(
      `  single file            ${kb(l['bytes'] as number)}, ${kb(l['gzip_bytes'] as number)} gzipped (dist/leaky-lab.html: both wasm variants inline)`,
    );
  else if (l['what'] === 'site')
    console.log(
      `  site, every file       ${kb(l['bytes'] as number)}, ${kb(l['gzip_bytes'] as number)} gzipped (${l['files']} files in dist/)`,
    );
  else if (l['what'] === 'site-simd-load')
    console.log(
      `  site, a SIMD visit     ${kb(l['bytes'] as number)}, ${kb(l['gzip_bytes'] as number)} gzipped (target <= 300 KB): ${(l['files'] as string[]).join(', ')}`,
    );
  else if (l['what'] === 'first-frame')
    console.log(
      `  first frame, ${String(l['from']).padEnd(5)}     ${Math.round(l['ms_median'] as number)} ms (median of ${loads}; target <= 1000 ms; ${l['from'] === 'http' ? 'the site' : 'the single file'})`,
    );
  else if (l['what'] === 'born-dead-grid')
    console.log(
      `  born-dead grid, ${String(l['variant']).padEnd(6)} He ${l['he_ms']} ms, RAI ${l['rai_ms']} ms in the worker; ${l['click_to_result_ms']} ms from the click to the drawn result (95 cells x 1,000 seeds each)`,
    );
  else
    console.log(
      `  fast pacing, ${String(l['variant']).padEnd(6)}    ${l['delivered_steps_per_s']} steps/s delivered, engine ${l['engine_steps_per_s']} steps/s: ${((l['fraction'] as number) * 100).toFixed(0)}% (target >= 50%); worker time ${JSON.stringify(l['worker_time'])}`,
    );
}
