// The settings of a sweep and the commands that change them. Controls and the link call them;
// subscribers hear that the settings changed (the results shown no longer match them) or that a
// link was loaded (run it). No DOM, no worker.
import { parseLink, writeLink, type LinkNotice } from '../../state/link';
import { applyPatch, type Refusal } from '../../state/patch';
import type { Property } from '../../state/properties';
import { defaultLevels, NO_FACTOR, SWEEP_MODE, type SweepSettings } from './sweep-settings';

export type SweepEvent = { type: 'changed' } | { type: 'loaded'; notices: readonly LinkNotice[] };

export class SweepStore {
  private current: SweepSettings;
  private readonly listeners = new Set<(e: SweepEvent) => void>();

  constructor(readonly props: readonly Property<SweepSettings>[]) {
    this.current = parseLink('', props).settings;
  }

  get settings(): Readonly<SweepSettings> {
    return this.current;
  }

  subscribe(listener: (e: SweepEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  link(): string {
    return `mode=${SWEEP_MODE}&${writeLink(this.current, [], this.props)}`;
  }

  load(hash: string, otherKeys: readonly string[] = []): void {
    const parsed = parseLink(hash, this.props, otherKeys);
    this.current = parsed.settings;
    this.emit({ type: 'loaded', notices: parsed.notices });
  }

  set(patch: Partial<SweepSettings>): Refusal<SweepSettings>[] {
    // A new factor starts from its own default values (the old ones mean something else).
    if (patch.factor !== undefined && patch.factor !== this.current.factor && !patch.levels)
      patch = {
        ...patch,
        levels: patch.factor === NO_FACTOR ? [] : defaultLevels(patch.factor, this.current),
      };
    if (patch.factor === NO_FACTOR) {
      const { levels: _, ...rest } = patch;
      this.current = { ...this.current, levels: [] };
      patch = rest;
    }
    const { next, refusals, changed } = applyPatch(this.props, this.current, patch);
    this.current = next;
    if (changed.length > 0 || patch.factor !== undefined) this.emit({ type: 'changed' });
    return refusals;
  }

  newSeed(): void {
    this.set({ seed: Math.floor(Math.random() * 1_000_000) });
  }

  newDataSeed(): void {
    this.set({ dataSeed: Math.floor(Math.random() * 1_000_000) });
  }

  private emit(e: SweepEvent): void {
    for (const l of this.listeners) l(e);
  }
}
