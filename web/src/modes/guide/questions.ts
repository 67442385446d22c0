// The question pages, in the order the list shows them; each file holds one question's text,
// experiment and result view.
import type { AnyQuestion } from './question';
import { alphaQuestion } from './q-alpha';
import { bornDeadQuestion } from './q-born-dead';
import { costQuestion } from './q-cost';
import { initQuestion } from './q-init';
import { preluQuestion } from './q-prelu';
import { reviveQuestion } from './q-revive';
import { signedQuestion } from './q-signed';
import { sparsityQuestion } from './q-sparsity';

export const QUESTIONS: readonly AnyQuestion[] = [
  alphaQuestion,
  reviveQuestion,
  signedQuestion,
  sparsityQuestion,
  bornDeadQuestion,
  initQuestion,
  costQuestion,
  preluQuestion,
];
