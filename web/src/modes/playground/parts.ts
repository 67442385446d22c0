// The playground's parts an embed can hide or show alone (app/parts.ts), in screen order.
import type { PartInfo } from '../../app/parts';

export const PLAYGROUND_PARTS: readonly PartInfo[] = [
  { name: 'run', label: 'Play, step, reset, speed and the counts' },
  { name: 'kind', label: 'Activation choice' },
  { name: 'alpha', label: 'α slider, value and presets' },
  { name: 'activation', label: 'Activation plot', view: true },
  { name: 'invite', label: 'Suggestions (what to try next)' },
  { name: 'settings', label: 'Settings (data, network, training)' },
  { name: 'network', label: 'Network', view: true },
  { name: 'loss', label: 'Loss chart', view: true },
  { name: 'output', label: 'Decision boundary or fitted curve', view: true },
  { name: 'dead', label: 'Dead and dormant chart', view: true },
  { name: 'more', label: 'Below the screen: more charts, per-layer table, explanations' },
];
