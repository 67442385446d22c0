// The one store of the page's state, and the commands that change it. Controls, the link, a
// guided page and the embed API all call these commands; subscribers hear what each change
// means for the run (start again, apply live, only redraw, ...). No DOM, no worker: the mode
// that owns a run session turns these events into session calls.
import { CommandStore, type CommonEvent } from './command-store';
import { parseLink, writeLink } from './link';
import { applyPatch, check, type Refusal } from './patch';
import { defaultSettings, propertyOf, type Property } from './properties';
import type { LiveChange, LiveField, Settings } from './settings';

export type StoreEvent =
  /** A new run of `settings`, replaying `schedule` (live changes from a link). */
  | { type: 'restart'; schedule: readonly LiveChange[] }
  /** Apply to the running network, keeping its weights. */
  | { type: 'live'; field: LiveField; value: number }
  | CommonEvent;

export type Listener = (event: StoreEvent, store: Store) => void;

export type { Refusal };

const VIEW_FIELDS: readonly (keyof Settings)[] = ['showTest', 'discretize'];
const NO_RUN_FIELDS: readonly (keyof Settings)[] = ['alphaResets', ...VIEW_FIELDS, 'speed'];

export class Store extends CommandStore<Settings, StoreEvent> {
  private current: Settings;
  /** alpha and lr as the current run started. */
  private initial: { alpha: number; lr: number };
  private changes: LiveChange[] = [];
  /** Alpha chosen per kind during this visit, so switching kinds and back keeps it. */
  private readonly alphaByKind = new Map<string, number>();

  constructor(
    readonly props: readonly Property[],
    private readonly hasAlpha: (s: Settings) => boolean,
  ) {
    super();
    this.current = defaultSettings(props);
    this.initial = { alpha: this.current.alpha, lr: this.current.lr };
  }

  get settings(): Readonly<Settings> {
    return this.current;
  }

  /** Live changes applied to the current run so far. */
  get live(): readonly LiveChange[] {
    return this.changes;
  }

  /** The link of the current run: its starting settings and the live changes since. */
  link(): string {
    const start = { ...this.current, alpha: this.initial.alpha, lr: this.initial.lr };
    return writeLink(start, this.changes, this.props);
  }

  /** Loads a link: settings, live changes to replay, and notices about what was wrong. */
  load(hash: string, otherKeys: readonly string[] = []): void {
    const parsed = parseLink(hash, this.props, otherKeys);
    this.current = parsed.settings;
    this.alphaByKind.set(parsed.settings.kind, parsed.settings.alpha);
    this.emit({ type: 'notices', notices: parsed.notices });
    this.restart(parsed.live);
  }

  /**
   * Changes settings. Each value is checked against its row first; refused values change
   * nothing and come back in words. Returns the refusals (empty when all applied).
   */
  set(patch: Partial<Settings>): Refusal[] {
    // A value that is already set changes nothing: no new run, no live change.
    const { next, refusals, changed: fields } = applyPatch(this.props, this.current, patch);
    if (fields.length === 0) return refusals;
    if (fields.includes('hidden'))
      next.layerKinds = next.hidden.map((_, i) => next.layerKinds[i] ?? '');
    this.current = next;
    if (fields.every((f) => f === 'lr')) this.emit({ type: 'live', field: 'lr', value: next.lr });
    else if (fields.every((f) => VIEW_FIELDS.includes(f))) this.emit({ type: 'view' });
    else if (fields.every((f) => f === 'speed')) this.emit({ type: 'speed' });
    else if (fields.every((f) => NO_RUN_FIELDS.includes(f))) this.emit({ type: 'view' });
    else this.restart([]);
    return refusals;
  }

  setAlpha(alpha: number): Refusal[] {
    const refusals = this.check('alpha', alpha);
    if (refusals.length > 0 || alpha === this.current.alpha) return refusals;
    this.current = { ...this.current, alpha };
    this.alphaByKind.set(this.current.kind, alpha);
    if (!this.current.alphaResets && this.hasAlpha(this.current))
      this.emit({ type: 'live', field: 'alpha', value: alpha });
    else this.restart([]);
    return [];
  }

  setLearningRate(lr: number): Refusal[] {
    return this.set({ lr });
  }

  /** The network's activation; alpha becomes the one last used with that kind, or its default. */
  setKind(kind: string): Refusal[] {
    const refusals = this.check('kind', kind);
    if (refusals.length > 0 || kind === this.current.kind) return refusals;
    this.alphaByKind.set(this.current.kind, this.current.alpha);
    const s = { ...this.current, kind };
    const alphaRow = propertyOf(this.props, 'alpha');
    s.alpha = this.alphaByKind.get(kind) ?? (alphaRow.defaultOf(s) as number);
    s.lower = propertyOf(this.props, 'lower').defaultOf(s) as number;
    s.upper = propertyOf(this.props, 'upper').defaultOf(s) as number;
    this.current = s;
    this.restart([]);
    return [];
  }

  /** A fresh run of what the controls show now (live changes folded into its start). */
  reset(): void {
    this.restart([]);
  }

  /** The run applied a live change at `change.step` (the user's, or one replayed from a link). */
  applied(change: LiveChange): void {
    this.changes = [...this.changes, change];
    this.current = { ...this.current, [change.field]: change.value };
    if (change.field === 'alpha') this.alphaByKind.set(this.current.kind, change.value);
    this.emit({ type: 'view' });
  }

  private restart(schedule: readonly LiveChange[]): void {
    this.changes = [];
    this.initial = { alpha: this.current.alpha, lr: this.current.lr };
    this.emit({ type: 'restart', schedule });
  }

  private check(field: keyof Settings, value: number | string): Refusal[] {
    return check(this.props, this.current, field, value);
  }
}
