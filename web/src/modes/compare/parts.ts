// The compare mode's parts an embed can hide or show alone (app/parts.ts), in screen order.
import type { PartInfo } from '../../app/parts';

export const COMPARE_PARTS: readonly PartInfo[] = [
  { name: 'run', label: 'Play, step, reset, speed, gain, target and the run buttons' },
  { name: 'runs', label: 'The runs (activation, α, boundary or curve, network)', view: true },
  { name: 'summary', label: 'Summary table', view: true },
  { name: 'charts', label: 'Loss, accuracy and dead/dormant charts', view: true },
  { name: 'more', label: 'Below the screen: shared settings and explanations' },
];
