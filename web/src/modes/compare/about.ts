// What a comparison holds equal, what it varies, and what its numbers mean.
import { h } from '../../dom';

export function aboutCompare(): HTMLElement {
  const p = (...children: (Node | string)[]): HTMLParagraphElement => h('p', {}, ...children);
  const b = (t: string): HTMLElement => h('b', {}, t);
  return h(
    'section',
    { class: 'cmp-card cmp-about-text', 'aria-labelledby': 'cmp-about-title' },
    h('h2', { id: 'cmp-about-title' }, 'What is compared, and what is held equal?'),
    p(
      'Every run trains the same network on the ',
      b('same data'),
      ', visits the training points in the ',
      b('same order'),
      ' and, unless “Each activation’s own He gain” is ticked, starts from the ',
      b('same weights'),
      ': one draw, with ReLU’s He gain √2 for every layer whatever the activation. Only the activation and its α differ (and PReLU’s slopes, which start at its α and are learned). So what differs later is the activation’s doing. Ticked, each activation takes its own gain √(2/(1 + α²)), as a framework would: a Leaky ReLU with α = 0.2 then starts from weights about 2% smaller.',
    ),
    p(
      'The runs advance in ',
      b('lockstep'),
      ': each frame, every run takes the same number of steps, and the page draws them together, so the curves and the table always compare the runs at the same step. Changing a run’s α applies to that run only and keeps its weights; it is marked on the charts in the run’s colour. Any other change, Reset included, starts every run again from step 0 with the same seeds; “New weights” draws new ones.',
    ),
    p(
      b('Dead'),
      ': inactive on every training point (z ≤ 0) with no gradient through f′, as ReLU units are. ',
      b('Dormant'),
      ': inactive, but α still lets a gradient through, so the unit can revive. ',
      b('Sparsity'),
      ': the share of outputs that are exactly 0 (ReLU) or on the negative side (leaky units). ',
      b('Steps to target'),
      ': the first evaluated step at which the training loss was at or below the target.',
    ),
  );
}
