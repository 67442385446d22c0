// The embed in a page of another origin, as a blog would hold it: an iframe driven through the
// host helper (dist/leaky-lab.js), and the <leaky-lab> element in a plain HTML page. It obeys
// only the origins its URL allows, answers malformed messages with an error event, reports its
// height, trains only while on screen (or once clicked), and fits a 600 x 400 and a 390-wide
// frame. No frame breaks its CSP or requests anything outside the two servers.
// Run `bash scripts/build.sh` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { PLAYGROUND_PARTS } from '../../web/src/modes/playground/parts.ts';
import { CHROMIUM_ARGS, DIST } from './support/harness.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';
import { closeWatched, openShare, openWatched, trains, type Watched } from './support/watch.ts';

let browser: Browser;
let site: StaticServer;
/** The blog: host pages on an origin the embeds allow. */
let blog: StaticServer;
/** Another page on an origin the embeds do not allow. */
let stranger: StaticServer;
/** The blog's pages, by path (tests add pages pasted from the Embed dialog). */
const pages: Record<string, string> = {};

type Hook = NonNullable<NonNullable<Window['__leakyLab']>['run']>;

const embedSrc = (flags: string, hash = '#data=xor&seed=3&points=200'): string =>
  `${site.url}?embed=1&${flags}${hash}`;

/** A host page: one iframe (or anything else), the helper, and a log of what arrives. */
function hostPage(body: string, connect = true, timeoutMs = 10_000): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>A blog post</title>
<link rel="icon" href="data:,"></head>
<body style="margin:0">${body}
<script src="${site.url}leaky-lab.js"></script>
<script>
  window.raw = [];
  addEventListener('message', (e) => raw.push({ origin: e.origin, data: e.data }));
  ${
    connect
      ? `window.events = [];
  window.lab = LeakyLab.connect(document.querySelector('iframe'), { timeoutMs: ${timeoutMs} });
  for (const name of ['ready', 'state', 'step', 'statistics', 'resize', 'error'])
    lab.on(name, (d) => events.push([name, d]));`
      : ''
  }
</script></body></html>`;
}

function embedFrame(page: Page): Frame {
  const f = page.frames().find((x) => x.url().includes('embed=1'));
  assert.ok(f, 'the embed frame');
  return f;
}

const hook = (f: Frame): Promise<Hook> => f.evaluate(() => window.__leakyLab!.run!);

async function open(path: string, viewport?: { width: number; height: number }): Promise<Watched> {
  return openWatched(browser, `${path.startsWith('http') ? '' : blog.origin}${path}`, {
    allowed: [site.url, blog.origin, stranger.origin],
    ...(viewport === undefined ? {} : { viewport }),
  });
}

describe('embeds on another origin', { timeout: 600_000 }, () => {
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    site = await serveStatic({ root: DIST, base: '/leaky-lab/' });
    blog = await serveStatic({ root: null, pages });
    stranger = await serveStatic({ root: null, pages });
    const allow = `origin=${blog.origin}`;
    const frame = (flags: string, extra = ''): string =>
      `<iframe src="${embedSrc(flags)}" width="600" height="400" style="border:0" ${extra}></iframe>`;
    pages['/iframe.html'] = hostPage(frame(`view=output&hide=settings,more&${allow}`));
    pages['/scroll.html'] = hostPage(
      `${frame(`view=output&${allow}`)}<div style="height:4000px">the rest of the post</div>`,
    );
    pages['/click.html'] = hostPage(frame(`view=output&autoplay=click&${allow}`));
    pages['/compare.html'] = hostPage(
      `<iframe src="${embedSrc(`hide=more&${allow}`, '#mode=compare&data=xor&seed=3&points=200')}" width="800" height="600" style="border:0"></iframe>`,
    );
    pages['/stranger.html'] = hostPage(frame(`view=output&${allow}`), true, 1500);
    pages['/element.html'] = `<!doctype html><html><head><meta charset="utf-8">
<link rel="icon" href="data:,"></head><body>
<p>A plain page with one script tag.</p>
<script src="${site.url}leaky-lab.js"></script>
<leaky-lab data="xor" alpha="0.2" data-seed="4" hidden="6,6" hide="settings,more" view="output"></leaky-lab>
<div style="height:3000px"></div>
<leaky-lab id="lazy" loading="lazy" kind="relu" view="network"></leaky-lab>
<script>
  window.seen = [];
  for (const name of ['ready', 'resize', 'state'])
    document.querySelector('leaky-lab').addEventListener(name, (e) => seen.push([name, e.detail]));
</script></body></html>`;
  });

  after(async () => {
    await browser?.close();
    for (const s of [site, blog, stranger]) await s?.close();
  });

  it('obeys the allowed origin: ready, set alpha live, statistics, pause, step, reset', async () => {
    const w = await open('/iframe.html');
    const { page } = w;
    const ready = await page.evaluate(() => window.lab.ready);
    assert.equal(ready.protocol, 1);
    assert.ok(ready.keys.includes('alpha'));
    const f = embedFrame(page);
    await trains(f);
    const state = await page.evaluate(() => window.lab.set({ alpha: 0.3 }));
    assert.equal(state.settings['alpha'], '0.3');
    assert.equal(state.settings['data'], 'xor');
    await f.waitForFunction(() => window.__leakyLab!.run!.live.some((c) => c.value === 0.3));
    const stats = await page.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 600));
      return window.lab.getStatistics();
    });
    assert.ok(stats !== null && stats.layers.length === 3 && Number.isFinite(stats.trainLoss));
    const paused = await page.evaluate(() => window.lab.pause());
    assert.equal(paused.playing, false);
    await f.waitForFunction(() => !window.__leakyLab!.run!.playing);
    const at = (await hook(f)).step;
    await page.evaluate(() => window.lab.step());
    await f.waitForFunction((s) => window.__leakyLab!.run!.step > s, at);
    await page.evaluate(() => window.lab.reset());
    await f.waitForFunction(() => window.__leakyLab!.run!.step === 0);
    const events = await page.evaluate(() => window.events.map((e) => e[0]));
    for (const name of ['ready', 'state', 'step', 'statistics', 'resize'])
      assert.ok(events.includes(name), `a ${name} event`);
    await closeWatched(w);
  });

  it('reports its content height, and the helper sizes the frame to it', async () => {
    const w = await open('/iframe.html');
    const { page } = w;
    await page.evaluate(() => window.lab.ready);
    await page.waitForFunction(() => window.events.some((e) => e[0] === 'resize'));
    const { height, frameHeight } = await page.evaluate(() => {
      const last = window.events.filter((e) => e[0] === 'resize').at(-1)![1] as { height: number };
      return {
        height: last.height,
        frameHeight: document.querySelector('iframe')!.getBoundingClientRect().height,
      };
    });
    const inner = await embedFrame(page).evaluate(() =>
      Math.ceil(document.querySelector('.app')!.getBoundingClientRect().bottom + scrollY),
    );
    assert.ok(height > 200 && Math.abs(height - inner) <= 1, `${height} vs ${inner}`);
    assert.equal(Math.round(frameHeight), height);
    await closeWatched(w);
  });

  it('answers malformed messages with an error event and does not act on them', async () => {
    const w = await open('/iframe.html');
    const { page } = w;
    await page.evaluate(() => window.lab.ready);
    const f = embedFrame(page);
    const before = (await hook(f)).config;
    await page.evaluate((origin) => {
      const target = document.querySelector('iframe')!.contentWindow!;
      target.postMessage({ v: 1, id: 'bad-1', cmd: 'explode' }, origin);
      target.postMessage({ v: 1, id: 'bad-2', cmd: 'set', args: { seed: { $gt: 1 } } }, origin);
      target.postMessage('<img src=x onerror=alert(1)>', origin);
      target.postMessage({ v: 2, id: 'bad-3', cmd: 'play' }, origin);
    }, site.origin);
    await page.waitForFunction(() => window.events.filter((e) => e[0] === 'error').length >= 4);
    const errors = await page.evaluate(() =>
      window.events
        .filter((e) => e[0] === 'error')
        .map((e) => [(e[1] as { id?: string }).id ?? null, (e[1] as { code: string }).code]),
    );
    assert.deepEqual(errors, [
      ['bad-1', 'unknown-command'],
      ['bad-2', 'bad-args'],
      [null, 'bad-message'],
      ['bad-3', 'bad-version'],
    ]);
    assert.equal((await hook(f)).config, before, 'nothing changed');
    await closeWatched(w);
  });

  it('ignores every command from an origin its URL does not allow', async () => {
    const w = await open(`${stranger.origin}/stranger.html`);
    const { page } = w;
    const f = embedFrame(page);
    await trains(f);
    const refused = await page.evaluate(async () => {
      try {
        await window.lab.pause();
        return 'answered';
      } catch (err) {
        return String(err);
      }
    });
    assert.match(refused, /did not answer pause/);
    assert.equal((await hook(f)).playing, true, 'still training');
    assert.equal(
      await page.evaluate(
        (site) => window.raw.filter((m) => m.origin === site).length,
        site.origin,
      ),
      0,
      'the embed said nothing to a page it does not allow',
    );
    await closeWatched(w);
  });

  it('trains only while on screen', async () => {
    const w = await open('/scroll.html', { width: 800, height: 600 });
    const { page } = w;
    const f = embedFrame(page);
    await trains(f);
    assert.equal((await hook(f)).playing, true);
    await page.evaluate(() => scrollTo(0, 3000));
    // Off screen, the frame gets no animation frames and the worker waits for each of its frames
    // to be drawn, so training stops within a frame; the observer then pauses the run, but a
    // throttled cross-origin frame may hear of it late (it once took over 30 s on a loaded
    // machine). What the reader is promised is that nothing trains: wait until the step stands
    // still, then check that it stays so.
    let step = (await hook(f)).step;
    for (const deadline = Date.now() + 30_000; ;) {
      await page.waitForTimeout(300);
      const now = (await hook(f)).step;
      if (now === step) break;
      assert.ok(Date.now() < deadline, `still training off screen at step ${now}`);
      step = now;
    }
    await page.waitForTimeout(500);
    assert.equal((await hook(f)).step, step, 'no training off screen');
    await page.evaluate(() => scrollTo(0, 0));
    await f.waitForFunction(
      (s) => window.__leakyLab!.run!.playing && window.__leakyLab!.run!.step > s,
      step,
      { polling: 100 },
    );
    await closeWatched(w);
  });

  it('with autoplay=click, trains only once the reader presses Train', async () => {
    const w = await open('/click.html');
    const { page } = w;
    await page.evaluate(() => window.lab.ready);
    const f = embedFrame(page);
    await page.waitForTimeout(800);
    const idle = await hook(f);
    assert.equal(idle.playing, false);
    assert.equal(idle.step, 0);
    await f.getByRole('button', { name: 'Start training' }).click();
    await f.waitForFunction(() => window.__leakyLab!.run!.step > 0);
    assert.equal(await f.locator('.embed-poster').count(), 0);
    await closeWatched(w);
  });

  it('works as <leaky-lab> in a plain page: attributes, methods, events, height, lazy loading', async () => {
    const w = await open('/element.html');
    const { page } = w;
    await page.waitForFunction(() => window.seen.some((e) => e[0] === 'ready'));
    const state = await page.evaluate(() => document.querySelector('leaky-lab')!.getState());
    assert.equal(state.settings['data'], 'xor');
    assert.equal(state.settings['alpha'], '0.2');
    assert.equal(state.settings['dataSeed'], '4');
    assert.equal(state.settings['hidden'], '6,6');
    const set = await page.evaluate(() =>
      document.querySelector('leaky-lab')!.set({ alpha: 0.35 }),
    );
    assert.equal(set.settings['alpha'], '0.35');
    await page.evaluate(() => document.querySelector('leaky-lab')!.setAttribute('alpha', '0.4'));
    await page.waitForFunction(async () => {
      const s = await document.querySelector('leaky-lab')!.getState();
      return s.settings['alpha'] === '0.4';
    });
    // Sized to its content.
    await page.waitForFunction(() => window.seen.some((e) => e[0] === 'resize'));
    const sizes = await page.evaluate(() => {
      const el = document.querySelector('leaky-lab')!;
      const last = window.seen.filter((e) => e[0] === 'resize').at(-1)![1] as { height: number };
      return { el: el.getBoundingClientRect().height, reported: last.height };
    });
    assert.equal(Math.round(sizes.el), sizes.reported);
    // The lazy one makes its frame only when it comes near the screen.
    const framesBefore = await page.evaluate(
      () => document.getElementById('lazy')!.shadowRoot?.querySelector('iframe') ?? null,
    );
    assert.equal(framesBefore, null);
    await page.evaluate(() => document.getElementById('lazy')!.scrollIntoView());
    await page.waitForFunction(
      () => document.getElementById('lazy')!.shadowRoot?.querySelector('iframe') !== null,
    );
    const lazy = await page.evaluate(async () => {
      const el = document.getElementById('lazy') as HTMLElement & {
        getState(): Promise<{ settings: Record<string, string> }>;
      };
      return (await el.getState()).settings['kind'];
    });
    assert.equal(lazy, 'relu');
    await closeWatched(w);
  });

  it('works pasted from the Embed dialog into a plain page, the API driving it', async () => {
    const w = await openWatched(browser, `${site.url}#data=xor&seed=5&alpha=0.2`, {
      allowed: [site.url],
    });
    const { page } = w;
    await trains(page);
    await openShare(page, 'Embed');
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Your page’s origin, for the postMessage API (optional)')
      .fill(blog.origin);
    const snippet = (label: string): Promise<string> => dialog.getByLabel(label).inputValue();
    const frame = await snippet('iframe snippet');
    const element = await snippet('Element snippet');
    const api = await snippet('API example');
    assert.match(frame, new RegExp(`origin=${blog.origin.replace(/[.:/]/g, '\\$&')}`));
    assert.match(element, /data="xor" alpha="0.2"/);
    await closeWatched(w);
    const icon = '<link rel="icon" href="data:,">';
    pages['/pasted-iframe.html'] = `<!doctype html><html><head>${icon}</head><body>${frame}
<script src="${site.url}leaky-lab.js"></script>
<script>window.lab = LeakyLab.connect(document.querySelector('iframe'));</script></body></html>`;
    pages['/pasted-element.html'] =
      `<!doctype html><html><head>${icon}</head><body>${element}\n${api}</body></html>`;

    const a = await open('/pasted-iframe.html');
    await a.page.evaluate(() => window.lab.ready);
    const set = await a.page.evaluate(() => window.lab.set({ alpha: 0.25 }));
    assert.equal(set.settings['alpha'], '0.25');
    assert.equal(set.settings['seed'], '5');
    await closeWatched(a);

    // The API example sets alpha 0.3 once the element is ready.
    const b = await open('/pasted-element.html');
    await b.page.waitForFunction(async () => {
      const el = document.querySelector('leaky-lab');
      if (el?.connection == null) return false;
      const s = await el.getState();
      return s.settings['alpha'] === '0.3' && s.settings['data'] === 'xor';
    });
    await closeWatched(b);
  });

  it('embeds a comparison from its Embed dialog (no exports: they are of one run)', async () => {
    const runs = 'relu,leaky_relu:0.2,elu:1';
    const w = await openWatched(browser, `${site.url}#mode=compare&runs=${runs}&data=xor`, {
      allowed: [site.url],
    });
    const { page } = w;
    await page.waitForFunction(() => (window.__leakyLab?.compare?.runs[0]?.step ?? 0) > 0);
    await page.locator('.share-tools > summary').click();
    for (const name of ['Export…', 'Import…']) {
      const item = page.getByRole('button', { name, exact: true, includeHidden: true });
      assert.equal(await item.count(), 1);
      assert.equal(await item.isHidden(), true, `${name} is hidden in a comparison`);
    }
    await page.getByRole('button', { name: 'Embed…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this comparison' });
    await dialog.waitFor();
    const element = await dialog.getByLabel('Element snippet').inputValue();
    const frame = await dialog.getByLabel('iframe snippet').inputValue();
    const api = await dialog.getByLabel('API example').inputValue();
    assert.match(element, /<leaky-lab mode="compare" runs="relu,leaky_relu:0.2,elu:1" data="xor"/);
    assert.match(frame, /#mode=compare&amp;/);
    await closeWatched(w);
    // The element and the API example, pasted: the example changes one run's α (live: the
    // same runs go on) and logs every run's dead fraction.
    const icon = '<link rel="icon" href="data:,">';
    pages['/pasted-compare.html'] =
      `<!doctype html><html><head>${icon}</head><body>${element}\n${api}</body></html>`;
    const b = await open('/pasted-compare.html');
    const logged: string[] = [];
    b.page.on('console', (m) => logged.push(m.text()));
    await b.page.waitForFunction(async () => {
      const el = document.querySelector('leaky-lab');
      if (el?.connection == null) return false;
      const s = await el.getState();
      return s.settings['runs'] === 'relu,leaky_relu:0.3,elu:1' && s.settings['data'] === 'xor';
    });
    for (let i = 0; i < 100 && logged.length === 0; i++) await b.page.waitForTimeout(100);
    // console.log of an array of numbers, as Chromium prints it: "[0, 0.125, 0]".
    assert.match(logged[0] ?? '(nothing logged)', /^\[[\d.e-]+, [\d.e-]+, [\d.e-]+\]$/);
    await closeWatched(b);
  });

  it('embeds the compare mode: its parts hide, the API drives its runs', async () => {
    const w = await open('/compare.html');
    const { page } = w;
    const ready = await page.evaluate(() => window.lab.ready);
    assert.ok(ready.keys.includes('runs') && !ready.keys.includes('alpha'));
    const f = embedFrame(page);
    const cmp = () => f.evaluate(() => window.__leakyLab!.compare!);
    await f.waitForFunction(() => (window.__leakyLab?.compare?.runs[0]?.step ?? 0) > 0);
    assert.equal(await f.locator('[data-part="more"]').isVisible(), false);
    assert.equal(await f.locator('[data-part="charts"]').isVisible(), true);
    // α of run 3 only: a live change, the same four runs go on.
    const state = await page.evaluate(() =>
      window.lab.set({ runs: 'relu,leaky_relu:0.01,leaky_relu:0.3,prelu:0.25' }),
    );
    assert.equal(state.settings['runs'], 'relu,leaky_relu:0.01,leaky_relu:0.3,prelu:0.25');
    await f.waitForFunction(() =>
      window.__leakyLab!.compare!.runs[2]!.live.some((c) => c.field === 'alpha' && c.value === 0.3),
    );
    assert.equal((await cmp()).runs[0]!.live.length, 0);
    const stats = await page.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 600));
      return window.lab.getStatistics();
    });
    assert.ok(stats !== null && stats.runs?.length === 4);
    assert.ok(stats.runs.every((r) => r !== null && Number.isFinite(r.trainLoss)));
    const refused = await page.evaluate(() =>
      window.lab.set({ runs: 'relu' }).then(
        () => 'applied',
        (e: Error) => e.message,
      ),
    );
    assert.match(refused, /runs must be 2 to 4 runs/);
    const paused = await page.evaluate(() => window.lab.pause());
    assert.equal(paused.playing, false);
    await f.waitForFunction(() => !window.__leakyLab!.compare!.playing);
    await closeWatched(w);
  });

  it('fits a 600 x 400 frame and a 390-wide one', async () => {
    const views = ['all', ...PLAYGROUND_PARTS.filter((p) => p.view === true).map((p) => p.name)];
    for (const [width, height] of [
      [600, 400],
      [390, 700],
    ] as const) {
      for (const view of views) {
        const w = await openWatched(browser, embedSrc(`view=${view}&hide=settings,more,invite`), {
          allowed: [site.url],
          viewport: { width, height },
        });
        await trains(w.page);
        const size = await w.page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          height: document.documentElement.scrollHeight,
        }));
        assert.ok(size.width <= width, `${view} at ${width}: ${size.width} px wide`);
        if (width === 600 && view === 'output')
          assert.ok(
            size.height <= height,
            `the boundary fits ${width} x ${height}: ${size.height} px`,
          );
        console.log(
          `# embed view=${view} in ${width} x ${height}: content ${size.width} x ${size.height}`,
        );
        await closeWatched(w);
      }
    }
  });
});

declare global {
  interface Window {
    lab: import('../../web/src/embed/api-types.ts').LeakyLabConnection;
    events: [string, unknown][];
    raw: { origin: string; data: unknown }[];
    seen: [string, unknown][];
  }
}
