// Sweeps (a benchmark, not a test): the wall time of a 10-alpha x 5-seed sweep of the default
// network in the page's Sweep mode (headless Chromium) with one worker and with the pool, the
// parallel efficiency (one-worker time / (pool time x workers)), and the CLI's sweep throughput
// with --jobs 1 and 2 on the same config. The page's pool has cores - 1 workers: the browser's
// reported core count is set per context to get one worker, then one worker per core of this
// machine. Prints a table and JSON lines (build/bench/sweep.jsonl).
//   node --import tsx bench/page/sweep-bench.ts [--repeats N]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, ROOT } from '../../tests/e2e/support/harness.ts';
import { median } from './median.ts';

const i = process.argv.indexOf('--repeats');
const repeats = i >= 0 ? Number(process.argv[i + 1]) : 3;
if (!(repeats >= 1)) throw new Error('--repeats must be a whole number >= 1');
const cores = os.cpus().length;
const lines: Record<string, unknown>[] = [];

const server = await preview({
  configFile: join(ROOT, 'web/vite.config.ts'),
  preview: { host: '127.0.0.1', port: 0, open: false },
  logLevel: 'silent',
});
const base = server.resolvedUrls!.local[0]!;
const browser: Browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

/**
 * One page visit with `workers` workers: the seconds from a click on Run to the table (the
 * workers are warm: the mode's own first sweep started them); the longest main-thread task
 * while the page and the mode loaded (until the mode's own first sweep started), during that
 * first sweep (from its start to its last chart drawn), and from the click until every chart
 * is drawn. Long tasks are those over 50 ms (the Long Tasks API reports no shorter ones): 0
 * means none.
 */
async function pageSweep(workers: number): Promise<{
  seconds: number;
  request: string;
  openLongest: number;
  firstLongest: number;
  runLongest: number;
}> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // A plain script: the browser's core count for this context, and its long tasks.
  await context.addInitScript({
    content: `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${workers + 1} });
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      // When the mode's own first sweep starts (its root's state first turns to running).
      new MutationObserver((records, observer) => {
        for (const r of records)
          if (r.target.classList?.contains('sweep') && r.target.dataset.state === 'running') {
            window.__firstSweep = performance.now();
            observer.disconnect();
          }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });`,
  });
  const page = await context.newPage();
  const drawn = async () => {
    await page.waitForFunction(
      () => (document.querySelector('.sweep') as HTMLElement | null)?.dataset['drawn'] === 'true',
      undefined,
      { timeout: 600_000, polling: 100 },
    );
    await page.waitForTimeout(300); // the observer reports a task after it ends
  };
  /** The longest long task that started in [from, to) (ms on the page's clock). */
  const longest = (from: number, to = Infinity) =>
    page.evaluate(
      ([a, b]) =>
        Math.max(
          0,
          ...(window as unknown as { __longTasks: [number, number][] }).__longTasks
            .filter(([start]) => start >= a && start < b)
            .map(([, d]) => d),
        ),
      [from, to] as const,
    );
  await page.goto(`${base}#mode=sweep&seeds=5`);
  await drawn(); // the mode's first sweep starts the workers
  const firstSweep = await page.evaluate(
    () => (window as unknown as { __firstSweep?: number }).__firstSweep,
  );
  if (firstSweep === undefined) throw new Error('the mode never started its own first sweep');
  const openLongest = await longest(0, firstSweep);
  const firstLongest = await longest(firstSweep);
  // Timed in the page, from the click to the state turning to done (no polling: a poll every
  // frame would be main-thread work of its own while the workers run).
  const { clickedAt, seconds } = await page.evaluate(
    () =>
      new Promise<{ clickedAt: number; seconds: number }>((resolve, reject) => {
        const root = document.querySelector('.sweep') as HTMLElement;
        const run = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Run sweep',
        )!;
        let started = false;
        const t0 = performance.now();
        const timeout = setTimeout(
          () => reject(new Error('the sweep took over 10 minutes')),
          600_000,
        );
        new MutationObserver((_records, observer) => {
          const state = root.dataset['state'];
          if (state === 'running') started = true;
          if (!started || state === 'running') return;
          observer.disconnect();
          clearTimeout(timeout);
          if (state === 'done')
            resolve({ clickedAt: t0, seconds: (performance.now() - t0) / 1000 });
          else
            reject(
              new Error(
                `the sweep ended ${state}: ${root.querySelector('.sw-status')?.textContent}`,
              ),
            );
        }).observe(root, { attributes: true, attributeFilter: ['data-state'] });
        run.click();
      }),
  );
  await drawn();
  const runLongest = await longest(clickedAt);
  const request = await page.evaluate(
    () => (document.querySelector('.sweep') as HTMLElement).dataset['request']!,
  );
  await context.close();
  return { seconds, request, openLongest, firstLongest, runLongest };
}

const poolWorkers = Math.max(1, cores);
// One worker and the pool alternate, so a change in the machine's load touches both alike.
const ones: Awaited<ReturnType<typeof pageSweep>>[] = [];
const pools: Awaited<ReturnType<typeof pageSweep>>[] = [];
for (let r = 0; r < repeats; r++) {
  ones.push(await pageSweep(1));
  pools.push(await pageSweep(poolWorkers));
}
const all = [...ones, ...pools];
const one = { seconds: median(ones.map((x) => x.seconds)) };
const pool = { seconds: median(pools.map((x) => x.seconds)), request: pools[0]!.request };
const runLongest = Math.max(...all.map((x) => Math.max(x.runLongest, x.firstLongest)));
const openLongest = Math.max(...all.map((x) => x.openLongest));
const efficiency = one.seconds / (pool.seconds * poolWorkers);
lines.push(
  { bench: 'sweep', what: 'page', workers: 1, runs: 50, seconds: one.seconds },
  { bench: 'sweep', what: 'page', workers: poolWorkers, runs: 50, seconds: pool.seconds },
  { bench: 'sweep', what: 'page-efficiency', workers: poolWorkers, efficiency },
  {
    bench: 'sweep',
    what: 'page-main-thread',
    longest_task_ms_run: runLongest,
    longest_task_ms_open: openLongest,
  },
);
await browser.close();
await server.close();

// The CLI on the same config and grid.
const dir = mkdtempSync(join(os.tmpdir(), 'leaky-sweep-bench-'));
const request = JSON.parse(pool.request);
writeFileSync(join(dir, 'config.json'), JSON.stringify(request.config));
const cli: Record<number, number> = {};
for (const jobs of [1, 2]) {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = Date.now();
    const p = spawnSync(
      join(ROOT, 'build/native/cli/leaky-lab'),
      [
        'sweep',
        '--config',
        join(dir, 'config.json'),
        '--alpha',
        request.alpha.join(','),
        '--seeds',
        String(request.seeds),
        '--jobs',
        String(jobs),
        '--out',
        join(dir, 'runs.jsonl'),
      ],
      { encoding: 'utf8' },
    );
    if (p.status !== 0) throw new Error(p.stderr);
    times.push((Date.now() - t0) / 1000);
  }
  const seconds = median(times);
  cli[jobs] = seconds;
  lines.push({
    bench: 'sweep',
    what: 'cli',
    jobs,
    runs: 50,
    seconds,
    runs_per_s: 50 / seconds,
  });
}
rmSync(dir, { recursive: true, force: true });

console.log(
  `\nSweep of the default network, 10 alphas x 5 seeds (50 runs); medians of ${repeats}:`,
);
const spread = (xs: { seconds: number }[]) =>
  xs
    .map((x) => x.seconds)
    .sort((a, b) => a - b)
    .map((x) => x.toFixed(2))
    .join(', ');
console.log(`  page, 1 worker:          ${one.seconds.toFixed(2)} s (each: ${spread(ones)})`);
console.log(
  `  page, ${poolWorkers} workers:         ${pool.seconds.toFixed(2)} s (each: ${spread(pools)})`,
);
console.log(
  `  main thread, longest task during a sweep (from its start to its last chart): ${runLongest.toFixed(0)} ms (0: none over 50 ms)`,
);
console.log(
  `  main thread, longest task while the page and the mode load: ${openLongest.toFixed(0)} ms`,
);
console.log(`  parallel efficiency:     ${(efficiency * 100).toFixed(0)}% (target >= 80%)`);
console.log(
  `  CLI --jobs 1:            ${cli[1]!.toFixed(2)} s (${(50 / cli[1]!).toFixed(1)} runs/s)`,
);
console.log(
  `  CLI --jobs 2:            ${cli[2]!.toFixed(2)} s (${(50 / cli[2]!).toFixed(1)} runs/s)`,
);
mkdirSync(join(ROOT, 'build/bench'), { recursive: true });
writeFileSync(
  join(ROOT, 'build/bench/sweep.jsonl'),
  lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
);
