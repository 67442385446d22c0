// The compare mode: two to four runs side by side, one worker each, that differ only in their
// activation (and α): the same data, batch order and, unless each activation's own He gain is
// asked for, the same starting weights. Controls call the store's commands; the store says what
// a change means; this mode turns that into calls on the grid, which keeps the runs in
// lockstep; each round of frames goes to the views. The link is written from the store.
import type { ModeOptions } from '../../app/modes';
import { checkboxField, numberField } from '../../controls/fields';
import { RunButtons } from '../../controls/run-buttons';
import { SettingsPanel } from '../../controls/settings-panel';
import { h } from '../../dom';
import { weightsHash } from '../../run/param-hash';
import { drive } from '../../run/drive';
import { pacingOf } from '../../run/pacing';
import type { Frame, Layout } from '../../run/protocol';
import { RunGrid } from '../../run/run-grid';
import { createRunWorker } from '../../run/worker-factory';
import { LinkSync } from '../../state/link-sync';
import { makeProperties } from '../../state/properties';
import type { LiveChange, Settings } from '../../state/settings';
import { HELP } from '../../text/control-help';
import { formatCount, formatValue } from '../../text/format';
import { watchGrid } from '../../test-hook';
import { CompareCharts } from '../../views/compare/compare-charts';
import { runColour } from '../../views/compare/run-colours';
import { SummaryTable } from '../../views/compare/summary-table';
import type { Notices } from '../../views/notices';
import type { Catalog } from '../../wasm/catalog';
import type { LoadedCore } from '../../wasm/load-core';
import '../../views/playground/playground.css';
import { buildCompareConfig, runSettings } from './compare-config';
import { compareLayout } from './compare-layout';
import { COMPARE_SPEEDS, makeCompareProperties, runKinds } from './compare-settings';
import { CompareStore, type CompareEvent } from './compare-store';
import './compare.css';
import { aboutCompare } from './about';
import { RunCard, RUN_HEATMAP } from './run-card';
import { MAX_RUNS } from './runs';

/** Typed or clicked changes wait this long for the last one before new runs start. */
const RESTART_DELAY_MS = 150;
/** Keys of the link that belong to the shell. */
const SHELL_KEYS = ['mode'];
/** Chart heights: the one screen at 1280x800 holds three. */
const CHART_HEIGHT = 150;

export interface Compare {
  readonly store: CompareStore;
  readonly grid: RunGrid;
  dispose(): void;
}

export function startCompare(
  core: LoadedCore,
  catalog: Catalog,
  host: HTMLElement,
  pageNotices: Notices,
  options: ModeOptions = {},
): Compare {
  const layout = compareLayout();
  host.replaceChildren(layout.root);
  const kinds = runKinds(catalog);
  const store = new CompareStore(makeCompareProperties(catalog), kinds);
  if (options.startPaused === true) store.pause();
  const grid = new RunGrid({ createWorker: () => createRunWorker(core) });
  watchGrid(grid, core.variant);
  const task = (dataset: string): string | undefined =>
    catalog.datasets.find((d) => d.name === dataset)?.task;

  // ---- controls: they only call the store's commands ----
  const buttons = new RunButtons(
    {
      play: () => store.play(),
      pause: () => store.pause(),
      step: () => store.step(),
      reset: () => store.reset(),
      speed: (speed) => store.set({ speed }),
    },
    COMPARE_SPEEDS,
  );
  const stepText = h('strong', { class: 'cmp-step-value' }, '0');
  const gain = checkboxField('Each activation’s own He gain', HELP.gain, (own) =>
    store.set({ gain: own ? 'own' : 'relu' }),
  );
  gain.element.classList.add('cmp-gain');
  const startNote = h('p', { class: 'cmp-start', 'aria-live': 'polite' });
  const target = numberField(
    'Target loss',
    HELP.target,
    () => null,
    (v) =>
      target.showProblem(
        store
          .set({ target: v })
          .map((r) => r.text)
          .join(' '),
      ),
  );
  target.element.classList.add('cmp-target');
  const addRun = h('button', { type: 'button', class: 'small-button cmp-add' }, '+ Run');
  addRun.addEventListener('click', () => store.addRun());
  const newSeed = h('button', { type: 'button', class: 'small-button' }, 'New weights');
  newSeed.title = 'A new seed: new starting weights and batch order for every run';
  newSeed.addEventListener('click', () => store.newSeed());
  layout.bar.replaceChildren(
    buttons.element,
    h('div', { class: 'cmp-step' }, h('span', {}, 'Step'), stepText),
    h('div', { class: 'cmp-start-box' }, gain.element, startNote),
    target.element,
    h('div', { class: 'cmp-bar-buttons' }, addRun, newSeed),
  );
  const settings = new SettingsPanel(
    catalog,
    makeProperties(catalog),
    {
      // The panel checks typed numbers against the same rows before it asks.
      set: (patch) => {
        store.set(shared(patch));
        return [];
      },
      newSeed: () => store.newSeed(),
      newDataSeed: () => store.newDataSeed(),
    },
    { activationPerRun: true },
  );
  layout.settings.replaceChildren(settings.element);
  layout.about.replaceChildren(aboutCompare());

  /** The parts of a settings-panel change that a comparison has (no per-layer kinds). */
  const shared = (patch: Partial<Settings>): Parameters<typeof store.set>[0] =>
    Object.fromEntries(
      Object.entries(patch).filter(([k]) => store.props.some((p) => p.field === k)),
    );

  // ---- views: they only show ----
  const charts = new CompareCharts({ height: CHART_HEIGHT });
  layout.charts.replaceChildren(charts.element);
  const table = new SummaryTable();
  layout.summary.replaceChildren(table.element);
  let cards: RunCard[] = [];
  const layouts: (Layout | null)[] = [];
  let hashes: (string | null)[] = [];
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let started = false;

  const makeCards = (count: number): void => {
    if (cards.length === count) return;
    cards = Array.from({ length: count }, (_, i) => {
      const name = `Run ${i + 1}`;
      const card = new RunCard(name, runColour(i), catalog.activations, {
        kind: (k) => store.setRunKind(i, k),
        alpha: (a) =>
          card.control.showProblem(
            store
              .setRunAlpha(i, a)
              .map((r) => r.text)
              .join(' '),
          ),
        remove: () => store.removeRun(i),
      });
      return card;
    });
    layout.runs.replaceChildren(...cards.map((c) => c.element));
  };

  const sync = (): void => {
    const s = store.settings;
    s.runs.forEach((run, i) => {
      cards[i]?.control.setValue(run.kind, run.alpha, s.runs.length > 2);
      cards[i]?.setOptions({ showTest: s.showTest, discretize: s.discretize });
      table.relabel(i, kinds.label(run));
    });
    addRun.hidden = s.runs.length >= MAX_RUNS;
    gain.setValue(s.gain === 'own');
    target.setValue(s.target);
    table.setTarget(s.target);
    buttons.setSpeed(s.speed);
    buttons.setPlaying(grid.playing);
    settings.setValue(runSettings(s, s.runs[0]!, catalog));
    showStart();
  };

  /** Says whose gain is in force, and whether the runs really started from one draw. */
  const showStart = (): void => {
    const own = store.settings.gain === 'own';
    const gainText = own
      ? 'He gain: each activation’s own, √(2/(1 + α²)).'
      : 'He gain: ReLU’s √2 for every run.';
    const known = hashes.filter((x): x is string => x !== null);
    let start = '';
    if (known.length === store.settings.runs.length && known.length > 0)
      start =
        new Set(known).size === 1
          ? ` Starting weights: the same for every run (fingerprint ${known[0]}).`
          : ` Starting weights: ${new Set(known).size} different draws.`;
    startNote.textContent = gainText + start;
  };

  const start = (schedules: readonly (readonly LiveChange[])[]): void => {
    clearTimeout(restartTimer);
    started = true;
    const s = store.settings;
    makeCards(s.runs.length);
    const runs = s.runs.map((run, i) => ({ colour: runColour(i), label: kinds.label(run) }));
    charts.setRuns(runs, task(s.dataset) === 'binary_classification');
    table.setRuns(runs);
    layouts.length = 0;
    hashes = s.runs.map(() => null);
    stepText.textContent = '0';
    grid.start(
      s.runs.map((run, i) => ({
        config: buildCompareConfig(s, run, catalog),
        pacing: pacingOf(s.speed),
        heatmap: RUN_HEATMAP,
        unitMaps: null,
        playing: store.playing,
        schedule: [...(schedules[i] ?? [])],
      })),
    );
    sync();
  };

  const onStore = (event: CompareEvent): void => {
    switch (event.type) {
      case 'restart':
        clearTimeout(restartTimer);
        if (!started) start(event.schedules);
        else restartTimer = setTimeout(() => start(event.schedules), RESTART_DELAY_MS);
        break;
      case 'live':
        // Runs that stopped (diverged, refused) cannot take it: the changed setting starts
        // every run afresh when none is left running.
        if (allStopped()) start([]);
        else grid.set(event.index, event.field, event.value);
        break;
      default:
        drive(event, grid, store.settings, !allStopped(), () => start([]), showNotices);
    }
    sync();
    links.write();
  };
  const showNotices = (texts: string[]): void => pageNotices.show(texts);
  /** The first run still running (-1: none). */
  const firstLive = (): number =>
    Array.from({ length: grid.size }, (_, i) => grid.session(i)).findIndex((s) => s?.live);
  const allStopped = (): boolean => firstLive() < 0;
  store.subscribe(onStore);
  const links = new LinkSync(store, SHELL_KEYS);

  // ---- the grid's events, to the views ----
  grid.events.on('ready', (e) => {
    layouts[e.index] = e.layout;
    cards[e.index]?.setRun(e.layout, e.data);
  });
  grid.events.on('round', ({ frames }) => {
    const now = performance.now();
    const paused = !grid.playing;
    frames.forEach((f, i) => {
      if (f === null) return;
      cards[i]?.draw(f, now, paused);
      table.update(i, f.evaluations);
      checkStart(i, f);
    });
    const steps = frames.filter((f): f is Frame => f !== null).map((f) => f.step);
    if (steps.length > 0) stepText.textContent = formatCount(Math.max(...steps));
    charts.update(
      frames.map((f) => f?.evaluations ?? []),
      now,
      paused,
    );
    buttons.setPlaying(grid.playing);
  });
  const checkStart = (i: number, f: Frame): void => {
    const l = layouts[i];
    if (f.step !== 0 || l === null || l === undefined || hashes[i] !== null) return;
    hashes[i] = weightsHash(l, f.params);
    showStart();
  };
  grid.events.on('setResult', (e) => {
    if (e.problems.length > 0) {
      const text = e.problems.map((p) => p.message).join(' ');
      cards[e.index]?.control.showProblem(`${formatValue(e.value)} was not applied: ${text}`);
      return;
    }
    const label = e.field === 'alpha' ? `α ${formatValue(e.value)}` : `lr ${formatValue(e.value)}`;
    // A learning rate goes to every run: marked once, in the theme's marker colour.
    if (e.field === 'alpha') charts.mark(e.index, { x: e.step, label });
    else if (e.index === firstLive()) charts.mark(null, { x: e.step, label });
    store.applied(e.index, { step: e.step, field: e.field, value: e.value });
  });
  grid.events.on('diverged', (e) => {
    cards[e.index]?.showNote(
      `Diverged at step ${formatCount(e.step)}: ${e.cause}. The other runs go on; a lower learning rate or Reset starts all again.`,
    );
    table.stop(e.index, 'diverged');
  });
  grid.events.on('problems', (e) => {
    cards[e.index]?.showNote(
      `The core refused this run: ${e.problems.map((p) => `${p.field} = ${p.value}: ${p.message}`).join('; ')}`,
    );
    table.stop(e.index, 'refused');
  });
  grid.events.on('fatal', (e) => {
    cards[e.index]?.showNote(`This run could not continue: ${e.message}. Press Reset.`);
    table.stop(e.index, 'failed');
  });
  grid.events.on('status', () => buttons.setPlaying(grid.playing));

  links.readInitial();
  return {
    store,
    grid,
    dispose: () => {
      clearTimeout(restartTimer);
      grid.dispose();
      charts.destroy();
      links.dispose();
    },
  };
}
