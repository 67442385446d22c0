// The playground: one run, one screen. Data flows one way: controls call the store's commands;
// the store says what a change means; this mode turns that into calls on its run session; the
// session's frames and evaluations go to the views. The link is written from the store.
import { AlphaControl } from '../../controls/alpha-control';
import { KindSelect } from '../../controls/kind-select';
import { RunButtons } from '../../controls/run-buttons';
import { SettingsPanel } from '../../controls/settings-panel';
import type { ModeOptions } from '../../app/modes';
import { part } from '../../app/parts';
import { h } from '../../dom';
import { Explorer } from '../../explorer';
import { explosion, explosionText } from '../../run/explosion';
import { drive } from '../../run/drive';
import { pacingOf } from '../../run/pacing';
import type { Evaluation, Frame } from '../../run/protocol';
import { RunSession } from '../../run/session';
import { createRunWorker } from '../../run/worker-factory';
import { makeProperties } from '../../state/properties';
import { buildRunConfig, usesAlpha } from '../../state/run-config';
import type { Settings } from '../../state/settings';
import { LinkSync } from '../../state/link-sync';
import { Store, type StoreEvent } from '../../state/store';
import { formatCount, formatValue } from '../../text/format';
import { watchRun } from '../../test-hook';
import { Notices } from '../../views/notices';
import { BoundaryView } from '../../views/playground/boundary-view';
import { ChartsView } from '../../views/playground/charts-view';
import { CurveView } from '../../views/playground/curve-view';
import { LayerTable } from '../../views/playground/layer-table';
import { NetworkView } from '../../views/playground/network-view';
import { RunStatus } from '../../views/run-status';
import type { ActivationKind } from '../../wasm/build-info';
import type { Catalog } from '../../wasm/catalog';
import type { LoadedCore } from '../../wasm/load-core';
import { aboutText } from './about';
import { FramePump } from './frame-pump';
import { Invite } from './invite';
import { playgroundLayout } from './layout';
import '../../views/playground/playground.css';
import './playground-layout.css';

/** The prediction grids asked of the worker: the heatmap, and each unit's small map. */
const HEATMAP = { width: 64, height: 64 };
const UNIT_MAPS = { width: 24, height: 24 };
/** Typed or dragged changes wait this long for the last one before a new run starts. */
const RESTART_DELAY_MS = 150;
/** Keys of the link that belong to the shell, not to the playground's settings. */
export const SHELL_KEYS = ['mode'];

export interface Playground {
  readonly store: Store;
  readonly session: RunSession;
  dispose(): void;
}

export function startPlayground(
  core: LoadedCore,
  catalog: Catalog,
  host: HTMLElement,
  pageNotices: Notices,
  options: ModeOptions = {},
): Playground {
  const layout = playgroundLayout();
  host.replaceChildren(layout.root);
  const props = makeProperties(catalog);
  const store = new Store(props, (s) => usesAlpha(s, catalog));
  if (options.startPaused === true) store.pause();
  const session = new RunSession({ createWorker: () => createRunWorker(core) });
  watchRun(session, core.variant);
  const runNotices = new Notices(layout.runNotices);
  const kindOf = (name: string): ActivationKind =>
    catalog.activations.find((k) => k.name === name) ?? catalog.activations[0]!;

  // ---- controls: they only call the store's commands ----
  const buttons = new RunButtons({
    play: () => store.play(),
    pause: () => store.pause(),
    step: () => store.step(),
    reset: () => store.reset(),
    speed: (speed) => store.set({ speed }),
  });
  const status = new RunStatus();
  layout.runBar.replaceChildren(buttons.element, status.element);
  const kindSelect = new KindSelect(catalog.activations, (k) => store.setKind(k));
  const alpha = new AlphaControl((a) => {
    const refused = store.setAlpha(a);
    alpha.showProblem(refused.map((r) => r.text).join(' '));
  });
  layout.alphaStrip.replaceChildren(
    h(
      'div',
      { class: 'alpha-strip' },
      part(kindSelect.element, 'kind'),
      part(alpha.element, 'alpha'),
    ),
  );
  const settings = new SettingsPanel(catalog, props, {
    set: (patch) => store.set(patch),
    newSeed: () => store.newSeed(),
    newDataSeed: () => store.newDataSeed(),
  });
  layout.settings.replaceChildren(settings.element);
  const explorer = new Explorer(core);
  layout.activation.replaceChildren(explorer.element);
  const invite = new Invite(layout.invite, (a) => {
    alpha.setValue(a);
    store.setAlpha(a);
  });
  layout.about.replaceChildren(aboutText());

  // ---- views: they only show ----
  const boundary = new BoundaryView(HEATMAP.width, HEATMAP.height, 330);
  const curve = new CurveView();
  layout.output.replaceChildren(boundary.element, curve.element);
  // Units a little smaller than elsewhere: the network shares its column with the loss.
  const network = new NetworkView({ maxBody: 300, maxRadius: 11 });
  layout.network.replaceChildren(network.element);
  const charts = new ChartsView({
    lossHost: layout.loss,
    deadHost: layout.dead,
    compactHeight: 110,
  });
  layout.charts.replaceChildren(charts.element);
  const table = new LayerTable();
  layout.layers.replaceChildren(table.element);

  let first: Evaluation | null = null;
  let lastEvaluation: Evaluation | null = null;
  let lastAlphaChangeStep = -Infinity;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let hasRun = false;

  const sync = (): void => {
    const s = store.settings;
    const kind = kindOf(s.kind);
    kindSelect.setValue(s.kind);
    alpha.setKind(kind);
    alpha.setValue(s.alpha);
    settings.setValue(s);
    buttons.setSpeed(s.speed);
    buttons.setPlaying(session.playing);
    explorer.render(kind, { alpha: s.alpha, lower: s.lower, upper: s.upper });
    boundary.setOptions({ showTest: s.showTest, discretize: s.discretize });
    curve.setOptions({ showTest: s.showTest, discretize: s.discretize });
  };

  const start = (schedule: StoreEvent & { type: 'restart' }): void => {
    clearTimeout(restartTimer);
    const s = store.settings;
    if (hasRun) charts.setGhost(charts.snapshot());
    hasRun = true;
    first = null;
    lastEvaluation = null;
    lastAlphaChangeStep = -Infinity;
    pump.clear();
    runNotices.show([]);
    invite.reset();
    table.reset();
    status.clear();
    session.start({
      config: buildRunConfig(s, catalog),
      pacing: pacingOf(s.speed),
      heatmap: HEATMAP,
      unitMaps: UNIT_MAPS,
      playing: store.playing,
      schedule: [...schedule.schedule],
    });
  };

  const onStore = (event: StoreEvent): void => {
    switch (event.type) {
      case 'restart':
        clearTimeout(restartTimer);
        if (!hasRun) start(event);
        else restartTimer = setTimeout(() => start(event), RESTART_DELAY_MS);
        break;
      case 'live':
        // A run that diverged or was rejected cannot take it: a changed setting starts afresh.
        if (session.live) session.set(event.field, event.value);
        else start({ type: 'restart', schedule: [] });
        break;
      default:
        drive(
          event,
          session,
          store.settings,
          session.live,
          () => start({ type: 'restart', schedule: [] }),
          (texts) => pageNotices.show(texts),
        );
    }
    sync();
    links.write();
  };
  store.subscribe(onStore);
  const links = new LinkSync(store, SHELL_KEYS);

  // ---- the session's events, to the views ----
  session.events.on('ready', (e) => {
    const twoD = e.layout.base_inputs === 2;
    boundary.element.hidden = !twoD;
    curve.element.hidden = twoD;
    layout.outputTitle.textContent = twoD ? 'Decision boundary' : 'Fitted curve';
    layout.outputNote.textContent = twoD
      ? ''
      : 'Line: the prediction; dots: training data. Point at a unit to shade where it does not fire.';
    layout.outputNote.hidden = twoD;
    if (twoD) boundary.setRun(e.layout, e.data);
    else curve.setRun(e.layout, e.data);
    network.setRun(e.layout);
    charts.setRun(e.layout);
    buttons.setEnabled(true);
  });
  network.onHoverUnit((maps) => {
    boundary.showUnitRegion(maps);
    curve.showUnitRegion(maps);
  });

  const draw = (f: Frame): void => {
    const now = performance.now();
    status.step(f.step);
    status.throughput(f.throughput, core.variant, f.playing);
    const last = f.evaluations[f.evaluations.length - 1];
    if (first === null && f.evaluations.length > 0) first = f.evaluations[0]!;
    if (last !== undefined) {
      lastEvaluation = last;
      status.update(last);
      table.update(last);
      invite.update(last, kindOf(store.settings.kind), store.settings.alpha);
      checkExplosion(last);
    }
    if (!boundary.element.hidden) boundary.update(f.heatmap);
    else curve.update(f.heatmap);
    if (lastEvaluation !== null)
      network.update(lastEvaluation, f.params, f.unitMaps, now, !f.playing);
    charts.update(f.evaluations, now, !f.playing);
    buttons.setPlaying(f.playing);
  };
  const pump = new FramePump(session, draw);

  const checkExplosion = (ev: Evaluation): void => {
    if (first === null) return;
    const e = explosion(first, ev);
    const recent = ev.step - lastAlphaChangeStep <= 10 * store.settings.evalEvery;
    runNotices.show(e === null ? [] : [explosionText(e, store.settings.lr, recent)]);
  };

  session.events.on('setResult', (e) => {
    if (e.problems.length > 0) {
      const text = e.problems.map((p) => p.message).join(' ');
      if (e.field === 'alpha')
        alpha.showProblem(`α = ${formatValue(e.value)} was not applied: ${text}`);
      else runNotices.show([`The learning rate ${formatValue(e.value)} was not applied: ${text}`]);
      return;
    }
    if (e.field === 'alpha') {
      lastAlphaChangeStep = e.step;
      invite.alphaChanged(e.step, e.value);
    }
    charts.mark({
      x: e.step,
      label: `${e.field === 'alpha' ? 'α' : 'lr'} = ${formatValue(e.value)}`,
    });
    store.applied({ step: e.step, field: e.field, value: e.value });
  });
  session.events.on('diverged', (e) => {
    buttons.setPlaying(false);
    runNotices.show(
      [
        `The run diverged at step ${formatCount(e.step)}: ${e.cause}. Training stopped, since the numbers are no longer finite. ${e.advice || 'Try a lower learning rate, for example a tenth of it.'} Change any setting and a new run starts; or press Reset.`,
      ],
      'error',
    );
  });
  session.events.on('problems', (e) => {
    buttons.setEnabled(false);
    runNotices.show(
      [
        'The core refused these settings, so nothing runs. Change them and a new run starts.',
        ...e.problems.map((p) => `${p.field} = ${p.value}: ${p.message}`),
      ],
      'error',
    );
  });
  session.events.on('fatal', (e) => {
    buttons.setPlaying(false);
    runNotices.show(
      [`The run could not continue: ${e.message}. Press Reset to try again.`],
      'error',
    );
  });
  session.events.on('status', () => buttons.setPlaying(session.playing));

  links.readInitial();
  return {
    store,
    session,
    dispose: () => {
      pump.dispose();
      session.dispose();
      explorer.dispose();
      links.dispose();
    },
  };
}

export type { Settings };
