// What a question page is made of: its words, its settings (property rows, so each page's
// settings live in its link), an experiment that runs with one click, and a view that draws
// the result and says what it shows, from the run's numbers only.
import type { LabPool } from '../../run/lab-pool';
import type { Property } from '../../state/properties';
import type { Variant } from '../../wasm/choose-variant';
import type { Catalog } from '../../wasm/catalog';
import type { LoadedCore } from '../../wasm/load-core';

export interface Lab {
  core: LoadedCore;
  catalog: Catalog;
  /** Lab workers on the page's core. */
  pool: LabPool;
  /** Lab workers on either variant (the other is compiled on first use). */
  poolFor(variant: Variant): Promise<LabPool>;
  /** How far the experiment is (shown under the run button). */
  progress(done: number, total: number, what?: string): void;
  /** Stops every job of every pool; the experiment's promise rejects with Cancelled. */
  cancel(): void;
  /** Throws Cancelled when cancel() was called since `since` (a value of `generation`). */
  check(since: number): void;
  readonly generation: number;
}

/** A link to the same experiment (or its nearest) in another mode. */
export interface OpenLink {
  label: string;
  /** The hash, without '#'. */
  hash: string;
}

export interface Shown {
  /** The sentences that state the result, computed from it. */
  conclusion: string[];
  /** A plain summary for the browser tests (numbers the page drew). */
  numbers: unknown;
  dispose?(): void;
}

export interface Question<S = Record<string, unknown>, R = unknown> {
  /** The link's `q`. */
  id: string;
  /** Short, for the list of questions. */
  title: string;
  /** The question as a reader would ask it. */
  question: string;
  /** Two to five sentences of context (sources cited in the text). */
  context: string[];
  /** What to look at in the result. */
  look: string;
  /** Rough duration at the defaults, for the button's note. */
  duration: string;
  props(catalog: Catalog): readonly Property<S>[];
  /** Links that open the experiment's runs in the full modes. */
  links(s: S, catalog: Catalog): OpenLink[];
  run(s: S, lab: Lab): Promise<R>;
  show(result: R, s: S, host: HTMLElement, lab: Lab): Shown;
}

/** A question of any settings type, as the table holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyQuestion = Question<any, any>;
