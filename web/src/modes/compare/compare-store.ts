// The state of a comparison and the commands that change it. Controls and the link call the
// commands; subscribers hear what a change means: every run starts again (same seeds, so the
// same data, batch order and, with ReLU's gain, the same weights), one run's α changes live,
// the learning rate changes live for all, or only the views change. No DOM, no worker.
import { CommandStore, type CommonEvent } from '../../state/command-store';
import { parseLink, readLive, writeLink } from '../../state/link';
import { applyPatch, check, type Refusal } from '../../state/patch';
import type { Property } from '../../state/properties';
import type { LiveChange, LiveField } from '../../state/settings';
import type { CompareSettings } from './compare-settings';
import { MAX_RUNS, MIN_RUNS, type RunKinds, type RunSpec } from './runs';

export type CompareEvent =
  /** New runs of the settings, each replaying its live changes (from a link). */
  | { type: 'restart'; schedules: readonly (readonly LiveChange[])[] }
  /** A live change of run `index` (null: every run), keeping the weights. */
  | { type: 'live'; index: number | null; field: LiveField; value: number }
  | CommonEvent;

export const COMPARE_MODE = 'compare';
/** Each run's live changes in a link: live1 ... live4. */
export const liveKey = (index: number): string => `live${index + 1}`;
export const COMPARE_LIVE_KEYS = Array.from({ length: MAX_RUNS }, (_, i) => liveKey(i));

const VIEW_FIELDS: readonly (keyof CompareSettings)[] = ['showTest', 'discretize', 'target'];

export class CompareStore extends CommandStore<CompareSettings, CompareEvent> {
  private current: CompareSettings;
  /** The runs and learning rate as the current runs started (live changes come on top). */
  private initial: { runs: RunSpec[]; lr: number };
  private changes: LiveChange[][] = [];
  /** α chosen per kind during this visit, so a run switched away and back keeps it. */
  private readonly alphaByKind = new Map<string, number>();

  constructor(
    readonly props: readonly Property<CompareSettings>[],
    private readonly kinds: RunKinds,
  ) {
    super();
    this.current = parseLink('', props).settings;
    this.initial = { runs: this.current.runs, lr: this.current.lr };
  }

  get settings(): Readonly<CompareSettings> {
    return this.current;
  }

  /** Each run's live changes so far. */
  get live(): readonly (readonly LiveChange[])[] {
    return this.changes;
  }

  /** The link of the current runs: the mode, their starting settings and each one's changes. */
  link(): string {
    const start = { ...this.current, runs: this.initial.runs, lr: this.initial.lr };
    const live = this.changes.map((c, i) => [liveKey(i), c] as const);
    return `mode=${COMPARE_MODE}&${writeLink(start, [], this.props, live)}`;
  }

  load(hash: string, otherKeys: readonly string[] = []): void {
    const parsed = parseLink(hash, this.props, [...otherKeys, ...COMPARE_LIVE_KEYS]);
    const notices = [...parsed.notices];
    if (parsed.live.length > 0)
      notices.push({
        key: 'live',
        value: '',
        text: `The link's “live” changes were not replayed: in a comparison each run has its own (${COMPARE_LIVE_KEYS.join(', ')}).`,
      });
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const schedules = parsed.settings.runs.map((_, i) => {
      const raw = params.get(liveKey(i));
      if (raw === null) return [];
      const read = readLive(liveKey(i), raw);
      if (read.notice !== null) notices.push(read.notice);
      return read.live;
    });
    this.current = parsed.settings;
    for (const r of this.current.runs) if (r.alpha !== null) this.alphaByKind.set(r.kind, r.alpha);
    this.emit({ type: 'notices', notices });
    this.restart(schedules);
  }

  /** Changes shared settings; refused values change nothing and come back in words. */
  set(patch: Partial<CompareSettings>): Refusal<CompareSettings>[] {
    const { next, refusals, changed } = applyPatch(this.props, this.current, patch);
    if (changed.length === 0) return refusals;
    this.current = next;
    if (changed.every((f) => f === 'lr'))
      this.emit({ type: 'live', index: null, field: 'lr', value: next.lr });
    else if (changed.every((f) => f === 'speed')) this.emit({ type: 'speed' });
    else if (changed.every((f) => VIEW_FIELDS.includes(f))) this.emit({ type: 'view' });
    else this.restart([]);
    return refusals;
  }

  /** Run `index` takes another activation (its α: the one last used with it, or the default). */
  setRunKind(index: number, kind: string): Refusal<CompareSettings>[] {
    const old = this.current.runs[index];
    if (old === undefined || old.kind === kind) return [];
    const run = this.kinds.make(kind, this.alphaByKind.get(kind) ?? null);
    if (run === null) return [{ field: 'runs', text: `no activation is called “${kind}”` }];
    return this.setRuns(this.current.runs.map((r, i) => (i === index ? run : r)));
  }

  /** Run `index`'s α, live: the run keeps its weights (a kind without α refuses). */
  setRunAlpha(index: number, alpha: number): Refusal<CompareSettings>[] {
    const run = this.current.runs[index];
    if (run === undefined) return [];
    const label = this.kinds.kind(run.kind)?.label ?? run.kind;
    if (run.alpha === null) return [{ field: 'runs', text: `${label} has no α` }];
    const made = this.kinds.make(run.kind, alpha);
    if (made === null) return check(this.props, this.current, 'runs', `${run.kind}:${alpha}`);
    if (alpha === run.alpha) return [];
    this.alphaByKind.set(run.kind, alpha);
    this.current = { ...this.current, runs: this.replaced(index, made) };
    this.emit({ type: 'live', index, field: 'alpha', value: alpha });
    return [];
  }

  /** One more run (at most four): the next kind not compared yet. */
  addRun(): void {
    if (this.current.runs.length >= MAX_RUNS) return;
    this.setRuns([...this.current.runs, this.kinds.next(this.current.runs)]);
  }

  /** One run fewer (at least two remain). */
  removeRun(index: number): void {
    if (this.current.runs.length <= MIN_RUNS) return;
    this.setRuns(this.current.runs.filter((_, i) => i !== index));
  }

  /** Every run again from step 0: the same seeds, so the same data and starting weights. */
  reset(): void {
    this.restart([]);
  }

  /** Run `index` applied a live change at `change.step`. */
  applied(index: number, change: LiveChange): void {
    const list = this.changes[index];
    if (list === undefined) return;
    list.push(change);
    if (change.field === 'lr') this.current = { ...this.current, lr: change.value };
    else {
      const run = this.current.runs[index];
      if (run !== undefined && run.alpha !== null)
        this.current = {
          ...this.current,
          runs: this.replaced(index, { ...run, alpha: change.value }),
        };
    }
    this.emit({ type: 'view' });
  }

  private replaced(index: number, run: RunSpec): RunSpec[] {
    return this.current.runs.map((r, i) => (i === index ? run : r));
  }

  /** Runs made by `kinds` (so valid): a new comparison. */
  private setRuns(runs: RunSpec[]): Refusal<CompareSettings>[] {
    for (const r of runs) if (r.alpha !== null) this.alphaByKind.set(r.kind, r.alpha);
    this.current = { ...this.current, runs };
    this.restart([]);
    return [];
  }

  private restart(schedules: readonly (readonly LiveChange[])[]): void {
    this.changes = this.current.runs.map(() => []);
    this.initial = { runs: this.current.runs, lr: this.current.lr };
    const all = this.current.runs.map((_, i) => schedules[i] ?? []);
    this.emit({ type: 'restart', schedules: all });
  }
}
