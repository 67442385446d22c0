// The sweep mode: a grid of alphas, optionally crossed with one other factor, over several
// seeds, each run trained to its step budget by a pool of headless workers (cores - 1) and
// summarized by the core, the same line `leaky-lab sweep` writes. Results are plotted against
// alpha on an asinh axis (0 is on it), mean ± standard error per group, every seed a dot; a dot
// opens its run in the playground. The table's statistics come from the core, in a worker. The
// settings live in the link, which runs the same sweep, with the same numbers, when opened.
import { SettingsPanel } from '../../controls/settings-panel';
import { selectField } from '../../controls/fields';
import { h } from '../../dom';
import { PoolCancelled, RunPool, planTasks, type PoolProgress } from '../../run/run-pool';
import { throttle } from '../../throttle';
import { createPoolWorker } from '../../run/worker-factory';
import {
  hasProblems,
  type SweepAnswer,
  type SweepLine,
  type SweepModule,
  type SweepPlanInfo,
  type SweepTable,
} from '../../run/sweep-api';
import { LinkSync } from '../../state/link-sync';
import { makeProperties } from '../../state/properties';
import { formatNumber, parseFiniteNumber } from '../../state/parse-number';
import type { Settings } from '../../state/settings';
import { formatCount, formatValue } from '../../text/format';
import { runColour } from '../../views/compare/run-colours';
import type { Notices } from '../../views/notices';
import { download } from '../../share/download';
import { runsCsv, runsJsonl } from '../../views/sweep/export';
import { SweepChart, type SweepDot, type SweepSeries } from '../../views/sweep/sweep-chart';
import { SweepTableView } from '../../views/sweep/sweep-table';
import type { Catalog } from '../../wasm/catalog';
import type { LoadedCore } from '../../wasm/load-core';
import '../../views/playground/playground.css';
import { parseSweepCatalog } from './sweep-catalog';
import { buildSweepRequest, playgroundLink } from './sweep-request';
import { levelProblem, NO_FACTOR, SWEEP_LIMITS, type SweepSettings } from './sweep-settings';
import { makeSweepProperties } from './sweep-settings';
import { SweepStore } from './sweep-store';
import './sweep.css';

const SHELL_KEYS = ['mode'];

/**
 * The progress bar and its text change at most this often: each change repaints the page, and
 * on a machine with few cores that work is taken from the pool's workers.
 */
const PROGRESS_EVERY_MS = 250;

/** The charts: the core's metric names, what they show, and when. */
const CHARTS: readonly { metric: string; title: string; y: string; when?: 'cls' | 'target' }[] = [
  { metric: 'test_loss', title: 'Final test loss', y: 'test loss' },
  { metric: 'test_accuracy', title: 'Final test accuracy', y: 'accuracy', when: 'cls' },
  { metric: 'dead_fraction', title: 'Dead units (no gradient)', y: 'fraction' },
  { metric: 'dormant_fraction', title: 'Dormant units (inactive, α ≠ 0)', y: 'fraction' },
  { metric: 'tau_dormant_fraction', title: 'τ-dormant units (Sokar et al.)', y: 'fraction' },
  { metric: 'revivals', title: 'Revivals (events)', y: 'revivals' },
  { metric: 'steps_to_target', title: 'Steps to the target loss', y: 'steps', when: 'target' },
];

export interface SweepModeHandle {
  dispose(): void;
}

function textList(
  label: string,
  help: string,
  onChange: (items: string[]) => string,
): { element: HTMLElement; setValue(v: readonly (string | number)[]): void } {
  const input = h('input', { type: 'text', class: 'sw-list', spellcheck: 'false' });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  input.addEventListener('change', () => {
    const problem = onChange(input.value.split(',').map((t) => t.trim()));
    error.textContent = problem;
    error.hidden = problem === '';
  });
  const id = `sw-${label.toLowerCase().replace(/\W+/g, '-')}`;
  input.id = id;
  return {
    element: h(
      'div',
      { class: 'field sw-field' },
      h('label', { for: id }, label),
      input,
      h('p', { class: 'hint' }, help),
      error,
    ),
    setValue: (v) => {
      input.value = v.map(String).join(', ');
    },
  };
}

function numberInput(
  label: string,
  help: string,
  onChange: (x: number) => string,
): { element: HTMLElement; setValue(v: number): void } {
  const list = textList(label, help, (items) => {
    const x = items.length === 1 ? parseFiniteNumber(items[0]!) : null;
    return x === null ? `${label} must be a number.` : onChange(x);
  });
  return { element: list.element, setValue: (v) => list.setValue([formatNumber(v)]) };
}

export function startSweep(
  core: LoadedCore,
  catalog: Catalog,
  host: HTMLElement,
  pageNotices: Notices,
): SweepModeHandle {
  const sweepCatalog = parseSweepCatalog(core.module.catalog());
  const props = makeSweepProperties(catalog, sweepCatalog);
  const store = new SweepStore(props);
  const sweepCore = core.module as unknown as SweepModule;
  const pool = new RunPool(() => createPoolWorker(core));

  // ---- the bar: run, cancel, progress ----
  const runButton = h('button', { type: 'button', class: 'play-button sw-run' }, 'Run sweep');
  const cancelButton = h('button', { type: 'button', class: 'run-button' }, 'Cancel');
  cancelButton.disabled = true;
  const progress = h('progress', { class: 'sw-progress' });
  progress.max = 1;
  progress.value = 0;
  progress.setAttribute('aria-label', 'Sweep progress');
  const status = h('p', { class: 'sw-status', 'aria-live': 'polite' }, '');
  const root = h('div', { class: 'sweep', 'data-state': 'idle' });

  // ---- the sweep's own settings ----
  const refusalText = (r: { text: string }[]) => r.map((x) => x.text).join(' ');
  const alphas = textList(
    'α values',
    `Comma-separated, up to ${SWEEP_LIMITS.alphas}; 0 is ReLU. Kinds without α run once per seed.`,
    // An empty or bad entry stays bad (Number('') would be 0, a silent ReLU).
    (items) => refusalText(store.set({ alphas: items.map((t) => parseFiniteNumber(t) ?? NaN) })),
  );
  const factor = selectField(
    'Crossed with',
    [
      { value: NO_FACTOR, label: 'nothing (α only)' },
      ...sweepCatalog.factors.map((f) => ({ value: f.name, label: f.label })),
    ],
    'A second factor, shown as separate series.',
    (v) => store.set({ factor: v }),
  );
  const levels = textList('Its values', 'Comma-separated names or numbers.', (items) => {
    const bad = items.map((t) => levelProblem(store.settings.factor, t, catalog)).find((p) => p);
    if (bad) return `Each value must be ${bad}.`;
    return refusalText(store.set({ levels: items }));
  });
  const seeds = numberInput('Seeds', sweepCatalog.pageSeeds.text, (x) =>
    refusalText(store.set({ seeds: x })),
  );
  const steps = numberInput('Steps per run', 'Each run trains this many steps.', (x) =>
    refusalText(store.set({ steps: x })),
  );
  const target = numberInput('Target loss', '0: none. Steps to reach it are plotted.', (x) =>
    refusalText(store.set({ target: x })),
  );
  const panel = new SettingsPanel(catalog, makeProperties(catalog), {
    set: (patch: Partial<Settings>) => {
      store.set(patch as Partial<SweepSettings>);
      return [];
    },
    newSeed: () => store.newSeed(),
    newDataSeed: () => store.newDataSeed(),
  });

  // ---- results ----
  const chartsHost = h('div', { class: 'sw-charts' });
  const runInfo = h('div', { class: 'sw-run-info', 'aria-live': 'polite' });
  const table = new SweepTableView();
  const exportJson = h('button', { type: 'button', class: 'small-button' }, 'Export JSON lines');
  const exportCsv = h('button', { type: 'button', class: 'small-button' }, 'Export CSV');
  exportJson.disabled = exportCsv.disabled = true;
  const dataNote = h('p', { class: 'sw-data hint' });

  root.append(
    h(
      'div',
      { class: 'run-bar sw-bar' },
      runButton,
      cancelButton,
      h('div', { class: 'sw-progress-box' }, progress, status),
    ),
    h(
      'section',
      { class: 'sw-card sw-grid-card', 'aria-label': 'The sweep' },
      h(
        'div',
        { class: 'sw-fields' },
        alphas.element,
        factor.element,
        levels.element,
        seeds.element,
        steps.element,
        target.element,
      ),
    ),
    h(
      'section',
      { class: 'sw-card', 'aria-label': 'Results against α' },
      h('h2', {}, 'Results against α'),
      h(
        'p',
        { class: 'hint' },
        'Lines: the mean over the seeds; bands: ±1 standard error of the mean; dots: each seed’s run (hover to see it, click to open it in the playground). Dashed: a network without α.',
      ),
      chartsHost,
      runInfo,
    ),
    h(
      'section',
      { class: 'sw-card', 'aria-label': 'Table' },
      h('h2', {}, 'Table'),
      dataNote,
      table.element,
      h('div', { class: 'sw-exports' }, exportJson, exportCsv),
    ),
    h(
      'section',
      { class: 'sw-card sw-settings', 'aria-label': 'The network every run starts from' },
      h('h2', {}, 'The network every run starts from'),
      panel.element,
    ),
  );
  host.replaceChildren(root);

  let charts: SweepChart[] = [];
  let lines: string[] = [];
  let parsed: SweepLine[] = [];
  let ranFor = '';
  /** Each sweep started; an answer for an older one is dropped. */
  let generation = 0;

  const sync = (): void => {
    const s = store.settings;
    alphas.setValue(s.alphas.map(formatNumber));
    factor.setValue(s.factor);
    levels.setValue(s.levels);
    levels.element.hidden = s.factor === NO_FACTOR;
    seeds.setValue(s.seeds);
    steps.setValue(s.steps);
    target.setValue(s.target);
    panel.setValue(s);
    const stale = ranFor !== '' && ranFor !== store.link();
    if (stale && root.dataset['state'] === 'done')
      status.textContent = 'The settings changed: Run sweep to update the results.';
  };

  const setState = (state: string): void => {
    root.dataset['state'] = state;
    root.dataset['workers'] = String(pool.workers);
    runButton.disabled = state === 'running';
    cancelButton.disabled = state !== 'running';
  };

  /** The hovered run stays named (with its link) after the pointer leaves the chart. */
  const showRun = (run: number | null): void => {
    const line = run === null ? undefined : parsed[run];
    if (line === undefined) return;
    const parts = [
      `run ${line.run}`,
      `seed ${line.seed}`,
      line.alpha === null ? 'no α' : `α ${formatValue(line.alpha)}`,
      ...(['activation', 'depth', 'width', 'init', 'lr'] as const)
        .filter((k) => line[k] !== undefined && store.settings.factor === k)
        .map((k) => `${k} ${line[k]}`),
      `test loss ${formatValue(line.test_loss)}`,
      ...(line.test_accuracy === undefined ? [] : [`accuracy ${formatValue(line.test_accuracy)}`]),
      `dead ${formatValue(line.dead_fraction)}`,
      `dormant ${formatValue(line.dormant_fraction)}`,
      `revivals ${line.revivals}`,
      ...(line.diverged ? [`diverged at step ${line.diverged_at}`] : []),
    ];
    const link = h(
      'a',
      { href: `#${playgroundLink(store.settings, line, catalog)}`, class: 'sw-open' },
      'Open in the playground',
    );
    runInfo.replaceChildren(h('span', {}, parts.join(' · '), ' '), link);
  };

  const draw = (t: SweepTable): void => {
    for (const c of charts) c.destroy();
    const xs = [...new Set(store.settings.alphas)].sort((a, b) => a - b);
    const varied = t.varied.filter((f) => f !== 'activation' || store.settings.factor === f);
    const groupKey = (levelsOf: Partial<Record<string, string | number>>) =>
      varied.map((f) => String(levelsOf[f] ?? '')).join('|');
    const groups: string[] = [];
    for (const r of t.rows)
      if (!groups.includes(groupKey(r.levels))) groups.push(groupKey(r.levels));
    const lineGroup = (l: SweepLine) =>
      groups.indexOf(groupKey(l as unknown as Record<string, string | number>));
    const fills: (() => Promise<void>)[] = [];
    charts = CHARTS.filter(
      (c) =>
        c.when === undefined ||
        (c.when === 'cls' && t.classification) ||
        (c.when === 'target' && t.target),
    ).map((c) => {
      const chart = new SweepChart({
        title: c.title,
        yLabel: c.y,
        onHover: showRun,
        onPick: (run) => {
          const line = parsed[run];
          if (line !== undefined) location.hash = playgroundLink(store.settings, line, catalog);
        },
      });
      const series: SweepSeries[] = groups.map((g, gi) => {
        const rows = t.rows.filter((r) => groupKey(r.levels) === g);
        const flat = rows.length === 1 && rows[0]!.alpha === null;
        const at = (x: number) => (flat ? rows[0] : rows.find((r) => r.alpha === x));
        const value = (x: number, k: -1 | 0 | 1) => {
          const m = at(x)?.metrics[c.metric];
          if (m === undefined || m.mean === null) return null;
          return m.mean + k * (m.se ?? 0);
        };
        return {
          label: varied.length === 0 ? 'mean' : g.replace(/\|/g, ', '),
          colour: runColour(gi),
          flat,
          mean: xs.map((x) => value(x, 0)),
          lo: xs.map((x) => value(x, -1)),
          hi: xs.map((x) => value(x, 1)),
        };
      });
      const dots: SweepDot[] = [];
      for (const l of parsed) {
        const v = (l as unknown as Record<string, unknown>)[c.metric];
        if (typeof v !== 'number' || (l.diverged && c.metric !== 'born_dead_fraction')) continue;
        dots.push({ x: l.alpha ?? xs[0]!, y: v, series: lineGroup(l), run: l.run });
      }
      fills.push(() => chart.setData(xs, series, dots));
      return chart;
    });
    const legend =
      groups.length > 1
        ? h(
            'ul',
            { class: 'pv-keys sw-legend' },
            ...groups.map((g, gi) =>
              h(
                'li',
                {},
                h('span', { class: 'sw-swatch', style: `background:${runColour(gi)}` }),
                g.replace(/\|/g, ', '),
              ),
            ),
          )
        : '';
    chartsHost.replaceChildren(...(legend ? [legend] : []), ...charts.map((c) => c.element));
    // One chart per animation frame, each at its laid-out size: the main thread stays free.
    const mine = generation;
    const drawings: Promise<void>[] = [];
    const next = (): void => {
      if (mine !== generation) return;
      const fill = fills.shift();
      if (fill !== undefined) drawings.push(fill());
      if (fills.length > 0) requestAnimationFrame(next);
      else
        void Promise.all(drawings).then(() => {
          // For the benchmark: every chart of this sweep is on the screen.
          if (mine === generation) root.dataset['drawn'] = 'true';
        });
    };
    requestAnimationFrame(next);
  };

  const run = async (): Promise<void> => {
    // A sweep still running is stopped; idle workers are kept (starting one costs the page).
    if (root.dataset['state'] === 'running') pool.cancel();
    const mine = ++generation;
    const request = JSON.stringify(buildSweepRequest(store.settings, catalog));
    const plan = JSON.parse(sweepCore.sweepPlan(request)) as SweepAnswer<SweepPlanInfo>;
    if (hasProblems(plan)) {
      setState('rejected');
      status.textContent = `The core refused this sweep: ${plan.problems.map((p) => `${p.field} = ${p.value}: ${p.message}`).join('; ')}`;
      return;
    }
    ranFor = store.link();
    delete root.dataset['drawn'];
    root.dataset['request'] = request; // what a test or a reader can rerun with the CLI
    lines = [];
    parsed = [];
    table.clear();
    runInfo.replaceChildren();
    exportJson.disabled = exportCsv.disabled = true;
    progress.max = plan.runs;
    progress.value = 0;
    dataNote.textContent = `Data: ${plan.data}. Sweep ${plan.id}, ${plan.runs} runs on ${pool.size} worker${pool.size === 1 ? '' : 's'}.`;
    status.textContent = `0 of ${plan.runs} runs`;
    setState('running');
    let finished = 0;
    const showProgress = throttle(PROGRESS_EVERY_MS, (e: PoolProgress) => {
      if (mine !== generation) return;
      root.dataset['workers'] = String(pool.workers);
      progress.value = e.done;
      const left =
        e.remainingMs === null ? '' : `, about ${Math.ceil(e.remainingMs / 1000)} s left`;
      status.textContent = `${formatCount(e.done)} of ${formatCount(e.total)} runs${left}`;
    });
    try {
      const answers = await pool.run(planTasks(request, plan.runs), (e) => {
        if (e.type !== 'progress') return;
        finished = e.done;
        showProgress.call(e);
      });
      showProgress.cancel();
      if (mine !== generation) return;
      progress.value = plan.runs;
      const refused = answers.find((a) => a.includes('"problems"'));
      if (refused !== undefined) {
        setState('rejected');
        const problems = (JSON.parse(refused) as { problems: { message: string }[] }).problems;
        status.textContent = `A run was refused: ${problems.map((p) => p.message).join('; ')}`;
        return;
      }
      lines = answers;
      parsed = answers.map((a) => JSON.parse(a) as SweepLine);
      const t = JSON.parse(await pool.table(lines)) as SweepAnswer<SweepTable>;
      if (mine !== generation) return;
      if (hasProblems(t)) throw new Error(t.problems.map((p) => p.message).join('; '));
      table.show(t);
      draw(t);
      exportJson.disabled = exportCsv.disabled = false;
      status.textContent = `${formatCount(plan.runs)} runs done.`;
      setState('done');
    } catch (err) {
      showProgress.cancel();
      if (mine !== generation) return;
      progress.value = finished;
      if (err instanceof PoolCancelled) {
        status.textContent = `Cancelled after ${formatCount(finished)} of ${formatCount(plan.runs)} runs: every worker was stopped.`;
        setState('cancelled');
        return;
      }
      status.textContent = `The sweep failed: ${err instanceof Error ? err.message : String(err)}`;
      setState('failed');
    }
  };

  runButton.addEventListener('click', () => void run());
  cancelButton.addEventListener('click', () => {
    pool.cancel();
    root.dataset['workers'] = String(pool.workers);
  });
  exportJson.addEventListener('click', () =>
    download('sweep-runs.jsonl', runsJsonl(lines), 'application/x-ndjson'),
  );
  exportCsv.addEventListener('click', () => download('sweep-runs.csv', runsCsv(lines), 'text/csv'));

  const links = new LinkSync(store, SHELL_KEYS);
  store.subscribe((e) => {
    if (e.type === 'loaded') {
      if (e.notices.length > 0) pageNotices.show(e.notices.map((n) => n.text));
      sync();
      links.write();
      // After the next paint: the page shows its settings before the sweep's workers compete
      // with its layout, and the first sweep's main-thread work is not piled onto the mode's.
      // (A tab opened in the background starts it when first shown.)
      const mine = ++generation;
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (mine === generation) void run();
        }, 0),
      );
      return;
    }
    sync();
    links.write();
  });
  links.readInitial();

  return {
    dispose: () => {
      generation += 1; // stops the drawing loop and drops answers still on their way
      pool.dispose();
      for (const c of charts) c.destroy();
      links.dispose();
    },
  };
}
