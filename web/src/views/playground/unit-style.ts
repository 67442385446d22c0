// How a hidden unit's state is drawn and said. Each state has a shape cue, not colour alone:
// dead = dark fill with a cross, dormant = hollow with a dashed ring, near-dead = dotted outer
// ring, revived at this evaluation = a thick green ring, born dead = a small diamond. Pure.
import type { UnitStateName } from '../../run/protocol';

export interface UnitStyle {
  /** 'rate': filled by activation rate; 'dead': dark; 'hollow': white. */
  fill: 'rate' | 'dead' | 'hollow';
  outline: string;
  outlineWidth: number;
  /** Dash pattern of the outline ([] = solid). */
  dash: number[];
  cross: boolean;
  /** A dotted ring outside the unit (near-dead). */
  outerDots: boolean;
  /** A thick ring outside the unit (revived at this evaluation). */
  revivedRing: boolean;
  /** A small diamond at the top right (born dead). */
  bornMarker: boolean;
}

export const DEAD_FILL = '#26292e';
export const DORMANT_LINE = '#D55E00';
export const REVIVED_RING = '#009E73';
export const NEAR_DEAD_LINE = '#7a4f00';
export const OUTLINE = '#3a3f45';

export function unitStyle(state: UnitStateName, bornDead: boolean, revivedNow: boolean): UnitStyle {
  const base: UnitStyle = {
    fill: 'rate',
    outline: OUTLINE,
    outlineWidth: 1,
    dash: [],
    cross: false,
    outerDots: false,
    revivedRing: revivedNow,
    bornMarker: bornDead,
  };
  switch (state) {
    case 'dead':
      return { ...base, fill: 'dead', outline: DEAD_FILL, cross: true };
    case 'dormant':
      return { ...base, fill: 'hollow', outline: DORMANT_LINE, outlineWidth: 2, dash: [3, 2] };
    case 'near_dead':
      return { ...base, outerDots: true, outline: NEAR_DEAD_LINE };
    default:
      return base;
  }
}

/**
 * The state in words, for the card and screen readers. `firstLayer`: the unit sees the data
 * itself, which never changes, so nothing can bring a dead one back.
 */
export function stateWords(state: UnitStateName, firstLayer = false): string {
  switch (state) {
    case 'dead':
      return firstLayer
        ? 'dead: z ≤ 0 on every training point and no gradient reaches its weights; in the first layer, on fixed data, nothing can bring it back'
        : 'dead: z ≤ 0 on every training point and no gradient reaches its own weights; it can still come back if the layers before it change its input';
    case 'dormant':
      return 'dormant: z ≤ 0 on every training point, but a gradient scaled by α still reaches its weights, so it can revive';
    case 'near_dead':
      return 'near-dead: fires on very few samples';
    default:
      return 'active';
  }
}

/** Short state name for labels. */
export function stateName(state: UnitStateName): string {
  return state === 'near_dead' ? 'near-dead' : state;
}

/** Legend entries, in display order. */
export const STATE_LEGEND: readonly { key: string; label: string }[] = [
  { key: 'active', label: 'active (colour = firing rate)' },
  { key: 'near_dead', label: 'near-dead' },
  { key: 'dormant', label: 'dormant' },
  { key: 'dead', label: 'dead' },
  { key: 'revived', label: 'revived now' },
  { key: 'born', label: 'born dead' },
];
