// Wires the page: load the core, read the link, build the controls, the activation plot and
// the run (a worker per run), and keep the link in step with every setting.
import { SettingsPanel } from './controls/settings-panel';
import { byId } from './dom';
import { Explorer } from './explorer';
import { PlaygroundRun } from './playground-run';
import type { Problem } from './run/protocol';
import { buildRunConfig, usesAlpha, type KindTraits } from './state/run-config';
import { DATASETS_1D, type RunSettings } from './state/run-settings';
import { describeRunNotice, parseRunHash, serializeRunHash } from './state/run-url';
import { defaultState, describeNotice, parseHash, serializeHash } from './state/url-state';
import { installTestHook } from './test-hook';
import { Notices } from './views/notices';
import { VariantBadge } from './views/variant-badge';
import type { ActivationKind } from './wasm/build-info';
import type { CoreProblem } from './wasm/core-api';
import { chooseVariant } from './wasm/choose-variant';
import { loadCore, type LoadedCore } from './wasm/load-core';
import { simdSupported } from './wasm/simd-probe';

export async function startApp(): Promise<void> {
  installTestHook();
  const badge = new VariantBadge(byId('variant'));
  const notices = new Notices(byId('notices'));
  const choice = chooseVariant(location.search, simdSupported());
  badge.loading(choice);

  let core: LoadedCore;
  try {
    core = await loadCore(choice.variant);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    badge.failed(message);
    notices.show(
      [`The WebAssembly core could not be loaded, so nothing can be plotted: ${message}`],
      'error',
    );
    return;
  }
  badge.show(core, choice);
  byId('core-version').textContent = `core ${core.info.version}, ${core.variant} build`;
  try {
    new Page(core, notices).start();
  } catch (err) {
    notices.show(
      [`The page failed to start: ${err instanceof Error ? err.message : String(err)}`],
      'error',
    );
  }
}

/** Fields a link may set that the core validates (through the activation plot). */
const LINK_FIELDS: readonly string[] = ['alpha', 'lower', 'upper'];
/** Changes of these are typed or dragged: wait this long for the last one before a new run. */
const RESTART_DELAY_MS = 150;

class Page {
  private settings!: RunSettings;
  private readonly kinds: readonly ActivationKind[];
  private readonly explorer: Explorer;
  private readonly panel: SettingsPanel;
  private readonly run: PlaygroundRun;
  /** Alpha chosen per kind during this visit, so switching kinds and back keeps it. */
  private readonly alphaByKind = new Map<string, number>();
  private writtenHash = '';
  private restartTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    core: LoadedCore,
    private readonly notices: Notices,
  ) {
    this.kinds = core.kinds;
    this.explorer = new Explorer(core);
    this.panel = new SettingsPanel(this.kinds, {
      change: (patch) => this.change(patch),
      kind: (kind) => this.setKind(kind),
      alpha: (alpha) => this.setAlpha(alpha),
      bounds: (lower, upper) => this.setBounds(lower, upper),
      newSeed: () => this.change({ seed: Math.floor(Math.random() * 1_000_000) }),
    });
    this.run = new PlaygroundRun(core.variant, byId('views'), new Notices(byId('run-notices')), {
      reset: () => this.restart(false),
      stepsPerFrame: (n) => {
        this.settings = { ...this.settings, stepsPerFrame: n };
        this.run.setStepsPerFrame(n);
        this.writeHash();
      },
      setResult: (field, value, problems) => this.setResult(field, value, problems),
    });
    byId('controls').replaceChildren(this.panel.element);
    byId('run-bar').replaceChildren(this.run.buttons.element, this.run.status.element);
  }

  start(): void {
    this.readHash(true);
    window.addEventListener('hashchange', () => {
      if (location.hash.replace(/^#/, '') !== this.writtenHash) this.readHash(false);
    });
    window.addEventListener('pagehide', (e) => {
      if (e.persisted) return;
      this.run.dispose();
      this.explorer.dispose();
    });
  }

  private kind(name = this.settings.kind): ActivationKind {
    return this.kinds.find((k) => k.name === name) ?? (this.kinds[0] as ActivationKind);
  }

  private readonly traits = (name: string): KindTraits => {
    const k = this.kind(name);
    return { alpha: k.alpha, lowerUpper: k.lowerUpper, defaultAlpha: k.defaultAlpha };
  };

  /** Reads the whole state from the link, shows what was wrong with it, starts a run. */
  private readHash(first: boolean): void {
    const activation = parseHash(location.hash, this.kinds);
    const run = parseRunHash(
      location.hash,
      this.kinds.map((k) => k.name),
    );
    const messages = [
      ...activation.notices.map(describeNotice),
      ...run.notices.map(describeRunNotice),
    ];
    this.settings = { ...run.settings, ...activation.state };
    // The core is the judge of activation values: what it rejects falls back, with a notice.
    const problems = this.renderActivation().filter((p) => LINK_FIELDS.includes(p.field));
    if (problems.length > 0) {
      const fallback = defaultState(this.kinds, this.settings.kind);
      const named = new Set(problems.map((p) => p.field));
      messages.push(...problems.map((p) => describeNotice(p)));
      const bounds = named.has('lower') || named.has('upper');
      this.settings = {
        ...this.settings,
        alpha: named.has('alpha') ? fallback.alpha : this.settings.alpha,
        lower: bounds ? fallback.lower : this.settings.lower,
        upper: bounds ? fallback.upper : this.settings.upper,
      };
      this.renderActivation();
    }
    this.alphaByKind.set(this.settings.kind, this.settings.alpha);
    this.notices.show(messages);
    this.syncControls();
    this.writeHash();
    this.restart(first ? true : this.run.isPlaying);
  }

  private syncControls(): void {
    const kind = this.kind();
    this.panel.setValue(this.settings);
    this.panel.alpha.setKind(kind);
    this.panel.alpha.setValue(this.settings.alpha);
    this.panel.bounds.element.hidden = !kind.lowerUpper;
    this.panel.bounds.setValue({ lower: this.settings.lower, upper: this.settings.upper });
  }

  /** Plots f and f' for the current kind and alpha; returns the core's problems. */
  private renderActivation(): CoreProblem[] {
    const s = this.settings;
    const problems = this.explorer.render(this.kind(), {
      alpha: s.alpha,
      lower: s.lower,
      upper: s.upper,
    });
    const byField = (field: string): string =>
      problems
        .filter((p) => p.field === field)
        .map((p) => p.message)
        .join(' ');
    this.panel.alpha.showProblem(byField('alpha'));
    this.panel.bounds.showProblem([byField('lower'), byField('upper')].filter(Boolean).join(' '));
    return problems;
  }

  /** A change that starts a new run, except the learning rate (live) and the toggle. */
  private change(patch: Partial<RunSettings>): void {
    const next = { ...this.settings, ...patch };
    if (DATASETS_1D.includes(next.dataset)) next.x1x2 = false;
    next.layerKinds = next.hidden.map((_, i) => next.layerKinds[i] ?? '');
    this.settings = next;
    this.panel.setValue(next);
    this.writeHash();
    const keys = Object.keys(patch);
    if (keys.every((k) => k === 'alphaResets')) return;
    if (keys.every((k) => k === 'lr') && this.run.isLive) {
      this.run.set('lr', next.lr);
      return;
    }
    if (keys.some((k) => k === 'hidden' || k === 'layerKinds'))
      this.panel.alpha.setKind(this.kind());
    this.scheduleRestart();
  }

  private setKind(name: string): void {
    const kind = this.kind(name);
    this.alphaByKind.set(this.settings.kind, this.settings.alpha);
    const fresh = defaultState(this.kinds, kind.name);
    this.settings = {
      ...this.settings,
      ...fresh,
      alpha: this.alphaByKind.get(kind.name) ?? fresh.alpha,
    };
    this.syncControls();
    this.renderActivation();
    this.writeHash();
    this.scheduleRestart();
  }

  private setAlpha(alpha: number): void {
    this.settings = { ...this.settings, alpha };
    this.alphaByKind.set(this.settings.kind, alpha);
    const problems = this.renderActivation();
    if (problems.length > 0) return; // shown beside the control; the run keeps its alpha
    this.writeHash();
    const live = this.run.isLive && !this.settings.alphaResets;
    if (live && usesAlpha(this.settings, this.traits)) this.run.set('alpha', alpha);
    else this.scheduleRestart();
  }

  private setBounds(lower: number, upper: number): void {
    this.settings = { ...this.settings, lower, upper };
    if (this.renderActivation().length > 0) return;
    this.writeHash();
    this.scheduleRestart();
  }

  private setResult(field: 'alpha' | 'lr', value: number, problems: Problem[]): void {
    if (problems.length === 0) return;
    const text = problems.map((p) => p.message).join(' ');
    if (field === 'alpha') this.panel.alpha.showProblem(`α = ${value} was not applied: ${text}`);
    else this.notices.show([`The learning rate ${value} was not applied: ${text}`], 'error');
  }

  private scheduleRestart(): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => this.restart(this.run.isPlaying), RESTART_DELAY_MS);
  }

  /** A fresh run of the current settings (the worker of the last one is terminated). */
  private restart(playing: boolean): void {
    clearTimeout(this.restartTimer);
    const config = buildRunConfig(this.settings, this.traits);
    this.run.start(config, this.settings.stepsPerFrame, playing);
  }

  private writeHash(): void {
    const hash = `${serializeHash(this.settings, this.kinds)}&${serializeRunHash(this.settings)}`;
    if (hash === this.writtenHash && location.hash.replace(/^#/, '') === hash) return;
    this.writtenHash = hash;
    const url = `${location.pathname}${location.search}#${hash}`;
    try {
      history.replaceState(history.state, '', url);
    } catch {
      // Some embedders forbid history changes; the page still works, links just won't update.
    }
  }
}
