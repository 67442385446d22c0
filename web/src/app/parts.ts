// Parts of a mode's screen that an embed can hide (`hide=settings,kind`) or pick as its one
// view (`view=network`), like the TensorFlow Playground's `*_hide` flags. A mode marks each
// part's element with part(); the mode's entry in modes.ts lists its parts for the Embed
// dialog. Hiding is a class of its own, so a mode that shows and hides its elements itself
// (the `hidden` attribute) never undoes it.
import './parts.css';

export interface PartInfo {
  /** The name in `hide=` and `view=` (lowercase letters and dashes). */
  name: string;
  /** For the Embed dialog. */
  label: string;
  /** A view an embed can show alone (the others: controls). */
  view?: boolean;
}

const HIDDEN_CLASS = 'is-hidden-part';

/** Marks `el` as the part `name`; returns it. */
export function part<T extends HTMLElement>(el: T, name: string): T {
  el.dataset['part'] = name;
  return el;
}

/** Hides exactly the parts named in `hidden` under `root` (shows the others). */
export function hideParts(root: HTMLElement, hidden: ReadonlySet<string>): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-part]'))
    el.classList.toggle(HIDDEN_CLASS, hidden.has(el.dataset['part'] ?? ''));
}
