// The runs of a comparison: an activation kind and, for kinds that take one, its α. In a link
// they read `relu,leaky_relu:0.01,leaky_relu:0.2,prelu:0.25`. Pure: checked against the core's
// catalog (kinds, their α and its range), never trusted.
import { formatNumber, parseFiniteNumber } from '../../state/parse-number';
import type { Read } from '../../state/properties';
import type { ActivationKind } from '../../wasm/build-info';
import { inRange, type Range } from '../../wasm/catalog';

export interface RunSpec {
  kind: string;
  /** The kind's α (null for kinds without one). */
  alpha: number | null;
}

/** "relu", "leaky_relu:0.2": one entry of the link. */
export function runText(run: RunSpec): string {
  return run.alpha === null ? run.kind : `${run.kind}:${formatNumber(run.alpha)}`;
}

export const MIN_RUNS = 2;
export const MAX_RUNS = 4;

/** The four: ReLU, the two common Leaky ReLU slopes, and PReLU learning its own. */
export const DEFAULT_RUNS: readonly string[] = [
  'relu',
  'leaky_relu:0.01',
  'leaky_relu:0.2',
  'prelu',
];
/** What "Add a run" offers next, in turn: kinds not compared yet. */
const MORE_RUNS: readonly string[] = [...DEFAULT_RUNS, 'elu', 'gelu', 'leaky_relu:0.3', 'silu'];

export class RunKinds {
  constructor(
    private readonly kinds: readonly ActivationKind[],
    private readonly alphaRange: Range,
  ) {}

  kind(name: string): ActivationKind | undefined {
    return this.kinds.find((k) => k.name === name);
  }

  /** A run of `kind` with `alpha` (the kind's default when null); null if it cannot be one. */
  make(kind: string, alpha: number | null = null): RunSpec | null {
    const k = this.kind(kind);
    if (k === undefined) return null;
    if (!k.alpha) return { kind, alpha: null };
    const a = alpha ?? k.defaultAlpha;
    return inRange(this.alphaRange, a) ? { kind, alpha: a } : null;
  }

  /** "Leaky ReLU α = 0.2": the run's name in legends and tables. */
  label(run: RunSpec): string {
    const name = this.kind(run.kind)?.label ?? run.kind;
    return run.alpha === null ? name : `${name} α = ${formatNumber(run.alpha)}`;
  }

  /** Reads one entry; null when its kind is unknown or its α is not a usable number. */
  readOne(text: string): RunSpec | null {
    const [kind = '', alphaText, ...rest] = text.trim().split(':');
    if (rest.length > 0) return null;
    const k = this.kind(kind);
    if (k === undefined) return null;
    if (alphaText === undefined) return this.make(kind);
    if (!k.alpha) return null; // ReLU has no α: "relu:0.3" is a mistake worth naming
    const alpha = parseFiniteNumber(alphaText);
    return alpha === null ? null : this.make(kind, alpha);
  }

  /** A link's `runs`: usable entries kept (at most MAX_RUNS), at least MIN_RUNS or nothing. */
  read(raw: string): Read {
    const parts = raw.split(',').filter((p) => p.trim() !== '');
    const runs = parts.map((p) => this.readOne(p)).filter((r): r is RunSpec => r !== null);
    const kept = runs.slice(0, MAX_RUNS);
    if (kept.length < MIN_RUNS) return { kind: 'bad' };
    if (kept.length === parts.length) return { kind: 'ok', value: kept };
    return { kind: 'clamped', value: kept, used: kept.map((r) => runText(r)).join(',') };
  }

  /** The next run "Add a run" offers: the first of a list not compared yet. */
  next(runs: readonly RunSpec[]): RunSpec {
    const taken = new Set(runs.map((r) => runText(r)));
    for (const text of MORE_RUNS) {
      const run = this.readOne(text);
      if (run !== null && !taken.has(runText(run))) return run;
    }
    return this.readOne(DEFAULT_RUNS[0]!)!;
  }

  defaults(): RunSpec[] {
    return DEFAULT_RUNS.map((t) => this.readOne(t)).filter((r): r is RunSpec => r !== null);
  }
}
