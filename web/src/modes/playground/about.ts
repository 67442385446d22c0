// What the words on the page mean, said once and exactly as the core measures them.
import { h } from '../../dom';

export function aboutText(): HTMLElement {
  const p = (...children: (Node | string)[]): HTMLParagraphElement => h('p', {}, ...children);
  const b = (t: string): HTMLElement => h('b', {}, t);
  return h(
    'section',
    { class: 'card about', 'aria-labelledby': 'about-title' },
    h('h2', { id: 'about-title' }, 'What is α, and what is a dead unit?'),
    p(
      'Each hidden unit computes a number z from its inputs and passes it through an activation f. ',
      b('ReLU'),
      ' outputs 0 for every z ≤ 0, and its slope there is 0 too. ',
      b('Leaky ReLU'),
      ' keeps a small slope α on that side: f(z) = α·z and f′(z) = α for z ≤ 0 (at exactly 0 the slope is α, as in PyTorch). α = 0 is ReLU; α = 1 removes the non-linearity.',
    ),
    p(
      'A unit is ',
      b('inactive'),
      ' when z ≤ 0 on every training point. It is ',
      b('dead'),
      ' when, on top of that, f′(z) = 0 there (ReLU, or α = 0): no gradient reaches its own weights and bias, so it cannot pull itself back. A dead unit in layer 2 or deeper can still come back when the layers before it change its input; a first-layer unit on fixed data cannot. With α ≠ 0 an inactive unit is ',
      b('dormant'),
      ': a gradient scaled by α still reaches its weights, so it can revive by itself.',
    ),
    p(
      'The page measures all this every few steps (“Evaluate every” in Training), on the training set in evaluation mode, exactly as the command line does: a ',
      b('revival'),
      ' is a unit inactive at one measurement and active at the next. ',
      b('Born dead'),
      ' units were inactive at step 0. Every number comes from the C++ core, compiled to WebAssembly and running in a worker.',
    ),
  );
}
