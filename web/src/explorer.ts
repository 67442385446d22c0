// The activation explorer: f and f' of the network's activation for the current alpha,
// evaluated by the core on the main thread (1001 points, well under a millisecond).
import { h } from './dom';
import { formatNumber } from './state/parse-number';
import { formatValue } from './text/format';
import { publish } from './test-hook';
import { ActivationPlot } from './views/activation-plot';
import { ValueTable } from './views/value-table';
import { ActivationEvaluator } from './wasm/activation-evaluator';
import type { ActivationKind } from './wasm/build-info';
import type { CoreProblem } from './wasm/core-api';
import type { LoadedCore } from './wasm/load-core';
import { zGrid } from './z-grid';

export interface ActivationShown {
  alpha: number;
  lower: number;
  upper: number;
}

export class Explorer {
  private readonly evaluator: ActivationEvaluator;
  private readonly plot = new ActivationPlot();
  private readonly table = new ValueTable();
  private readonly title = h('p', { class: 'plot-title' });
  private readonly plotError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  readonly element: HTMLElement;

  constructor(private readonly core: LoadedCore) {
    this.evaluator = new ActivationEvaluator(core.module, zGrid());
    this.element = h(
      'div',
      { class: 'explorer' },
      this.title,
      this.plot.element,
      this.plotError,
      h(
        'details',
        { class: 'values-details' },
        h('summary', {}, 'Values at z = −2 … 2'),
        this.table.element,
      ),
    );
  }

  /** Evaluates `kind` with `s` in the core and plots it; returns the core's problems. */
  render(kind: ActivationKind, s: ActivationShown): CoreProblem[] {
    const result = this.evaluator.evaluate({
      kind: kind.name,
      alpha: s.alpha,
      lower: s.lower,
      upper: s.upper,
      training: false,
      seed: 1,
    });
    const base = { variant: this.core.variant, kind: kind.name, ...s };
    if (!result.ok) {
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
    this.plotError.hidden = true;
    const title = describe(kind, s);
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

  dispose(): void {
    this.evaluator.dispose();
  }
}

function describe(kind: ActivationKind, s: ActivationShown): string {
  if (kind.alpha) return `${kind.label}, α = ${formatNumber(s.alpha)}`;
  if (kind.lowerUpper)
    return `${kind.label}, evaluation mode: lower = ${formatValue(s.lower)}, upper = ${formatValue(s.upper)}`;
  return kind.label;
}
