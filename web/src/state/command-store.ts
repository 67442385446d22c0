// What every mode's store has in common: its subscribers, and the run commands whose meaning is
// the same in every mode (play, pause, one step, new seeds). A mode's store adds its settings
// and says what each of their changes means for its runs.

import type { LinkNotice } from './link';

/** The events of the shared commands. */
export type RunCommandEvent = { type: 'play' } | { type: 'pause' } | { type: 'step' };

/** The events every mode's store sends; each adds its own (new runs, live changes). */
export type CommonEvent =
  | RunCommandEvent
  /** Only the views change (show test data, discretize). */
  | { type: 'view' }
  /** Steps per frame. */
  | { type: 'speed' }
  /** What was wrong with a link that was loaded. */
  | { type: 'notices'; notices: readonly LinkNotice[] };

export abstract class CommandStore<
  S extends { seed: number; dataSeed: number },
  E extends { type: string },
> {
  private wantPlaying = true;
  private readonly listeners = new Set<(event: E, store: this) => void>();

  get playing(): boolean {
    return this.wantPlaying;
  }

  subscribe(listener: (event: E, store: this) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes settings; each mode's store checks them and says what they mean. */
  abstract set(patch: Partial<S>): unknown;

  play(): void {
    this.wantPlaying = true;
    this.emit({ type: 'play' } satisfies RunCommandEvent as unknown as E);
  }

  pause(): void {
    this.wantPlaying = false;
    this.emit({ type: 'pause' } satisfies RunCommandEvent as unknown as E);
  }

  /** One frame's worth of steps, paused afterwards. */
  step(): void {
    this.wantPlaying = false;
    this.emit({ type: 'step' } satisfies RunCommandEvent as unknown as E);
  }

  /** New starting weights and batch order: a new seed. */
  newSeed(): void {
    this.set({ seed: Math.floor(Math.random() * 1_000_000) } as Partial<S>);
  }

  newDataSeed(): void {
    this.set({ dataSeed: Math.floor(Math.random() * 1_000_000) } as Partial<S>);
  }

  protected emit(event: E): void {
    for (const l of this.listeners) l(event, this);
  }
}
