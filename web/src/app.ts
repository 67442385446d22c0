// Wires the page: load the core, read the link, build the controls, evaluate, plot.
import { AlphaControl } from './controls/alpha-control';
import { BoundsControl, type Bounds } from './controls/bounds-control';
import { KindSelect } from './controls/kind-select';
import { byId } from './dom';
import {
  defaultState,
  describeNotice,
  parseHash,
  serializeHash,
  type PageState,
} from './state/url-state';
import { formatNumber } from './state/parse-number';
import { formatValue } from './text/format';
import { installTestHook, publish } from './test-hook';
import { ActivationPlot } from './views/activation-plot';
import { Notices } from './views/notices';
import { ValueTable } from './views/value-table';
import { VariantBadge } from './views/variant-badge';
import { ActivationEvaluator } from './wasm/activation-evaluator';
import type { ActivationKind } from './wasm/build-info';
import type { CoreProblem } from './wasm/core-api';
import { chooseVariant } from './wasm/choose-variant';
import { loadCore, type LoadedCore } from './wasm/load-core';
import { simdSupported } from './wasm/simd-probe';
import { zGrid } from './z-grid';

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

/** Fields a link may set that the core validates. */
const LINK_FIELDS: readonly string[] = ['alpha', 'lower', 'upper'];

class Page {
  private state: PageState;
  private readonly kinds: readonly ActivationKind[];
  private readonly evaluator: ActivationEvaluator;
  private readonly kindSelect: KindSelect;
  private readonly alpha: AlphaControl;
  private readonly bounds: BoundsControl;
  private readonly plot: ActivationPlot;
  private readonly table: ValueTable;
  private readonly title: HTMLElement;
  private readonly plotError: HTMLElement;
  /** Alpha chosen per kind during this visit, so switching kinds and back keeps it. */
  private readonly alphaByKind = new Map<string, number>();
  private writtenHash = '';

  constructor(
    private readonly core: LoadedCore,
    private readonly notices: Notices,
  ) {
    this.kinds = core.kinds;
    this.state = defaultState(this.kinds);
    this.evaluator = new ActivationEvaluator(core.module, zGrid());
    this.kindSelect = new KindSelect(this.kinds, (kind) => this.setKind(kind));
    this.alpha = new AlphaControl((alpha) => this.update({ alpha }));
    this.bounds = new BoundsControl((b: Bounds) => this.update(b));
    this.plot = new ActivationPlot();
    this.table = new ValueTable();
    this.title = byId('plot-title');
    this.plotError = byId('plot-error');
    byId('controls').replaceChildren(
      this.kindSelect.element,
      this.alpha.element,
      this.bounds.element,
    );
    byId('plot').replaceChildren(this.plot.element);
    byId('values').replaceChildren(this.table.element);
  }

  start(): void {
    this.readHash();
    window.addEventListener('hashchange', () => {
      if (location.hash.replace(/^#/, '') !== this.writtenHash) this.readHash();
    });
    window.addEventListener('pagehide', (e) => {
      if (!e.persisted) this.evaluator.dispose();
    });
  }

  private kind(name = this.state.kind): ActivationKind {
    return this.kinds.find((k) => k.name === name) ?? (this.kinds[0] as ActivationKind);
  }

  private readHash(): void {
    const { state, notices } = parseHash(location.hash, this.kinds);
    const messages = notices.map(describeNotice);
    this.apply(state);
    // The core is the judge of values: what it rejects falls back to the default, with a notice.
    const problems = this.render().filter((p) => LINK_FIELDS.includes(p.field));
    if (problems.length > 0) {
      const fallback = defaultState(this.kinds, state.kind);
      const named = new Set(problems.map((p) => p.field));
      messages.push(...problems.map((p) => describeNotice(p)));
      this.apply({
        ...state,
        alpha: named.has('alpha') ? fallback.alpha : state.alpha,
        lower: named.has('lower') || named.has('upper') ? fallback.lower : state.lower,
        upper: named.has('lower') || named.has('upper') ? fallback.upper : state.upper,
      });
      this.render();
    }
    this.notices.show(messages);
  }

  private apply(state: PageState): void {
    this.state = state;
    this.alphaByKind.set(state.kind, state.alpha);
    this.syncControls();
  }

  private setKind(name: string): void {
    const kind = this.kind(name);
    this.alphaByKind.set(this.state.kind, this.state.alpha);
    const fresh = defaultState(this.kinds, kind.name);
    this.state = { ...fresh, alpha: this.alphaByKind.get(kind.name) ?? fresh.alpha };
    this.syncControls();
    this.render();
  }

  private update(change: Partial<PageState>): void {
    this.state = { ...this.state, ...change };
    this.alphaByKind.set(this.state.kind, this.state.alpha);
    this.render();
  }

  private syncControls(): void {
    const kind = this.kind();
    this.kindSelect.setValue(kind.name);
    this.alpha.setKind(kind);
    this.alpha.setValue(this.state.alpha);
    this.bounds.element.hidden = !kind.lowerUpper;
    this.bounds.setValue({ lower: this.state.lower, upper: this.state.upper });
  }

  /** Evaluates the current state in the core and shows it; returns the core's problems. */
  private render(): CoreProblem[] {
    const kind = this.kind();
    const s = this.state;
    const result = this.evaluator.evaluate({
      kind: kind.name,
      alpha: s.alpha,
      lower: s.lower,
      upper: s.upper,
      training: false,
      seed: 1,
    });
    this.writeHash();
    const base = {
      variant: this.core.variant,
      kind: kind.name,
      alpha: s.alpha,
      lower: s.lower,
      upper: s.upper,
    };
    if (!result.ok) {
      const byField = (field: string): string =>
        result.problems
          .filter((p) => p.field === field)
          .map((p) => p.message)
          .join(' ');
      this.alpha.showProblem(byField('alpha'));
      this.bounds.showProblem([byField('lower'), byField('upper')].filter(Boolean).join(' '));
      const other = result.problems.filter((p) => !['alpha', 'lower', 'upper'].includes(p.field));
      this.plotError.textContent =
        'The core rejected these settings, so the plot still shows the last valid ones. ' +
        other.map((p) => `${p.field}: ${p.message}`).join(' ');
      this.plotError.hidden = false;
      const last = window.__leakyLab;
      const problems = result.problems.map((p) => `${p.field}: ${p.message}`);
      if (last !== undefined) publish({ ...last, problems }, false);
      else publish({ ...base, ready: false, z: [], f: [], df: [], problems }, false);
      return result.problems;
    }
    this.alpha.showProblem('');
    this.bounds.showProblem('');
    this.plotError.hidden = true;
    const title = this.describe(kind);
    this.title.textContent = title;
    this.plot.update(
      result.z,
      result.f,
      result.df,
      `Plot of f(z) and f′(z) for ${title}, z from −5 to 5`,
    );
    this.table.update(result.z, result.f, result.df);
    publish(
      {
        ...base,
        ready: true,
        z: Array.from(result.z),
        f: Array.from(result.f),
        df: Array.from(result.df),
        problems: [],
      },
      true,
    );
    return [];
  }

  private describe(kind: ActivationKind): string {
    if (kind.alpha) return `${kind.label}, α = ${formatNumber(this.state.alpha)}`;
    if (kind.lowerUpper)
      return `${kind.label}, evaluation mode: lower = ${formatValue(this.state.lower)}, upper = ${formatValue(this.state.upper)}`;
    return kind.label;
  }

  private writeHash(): void {
    const hash = serializeHash(this.state, this.kinds);
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
