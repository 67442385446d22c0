// The page's link and a mode's store, kept in step: the store's link is written to the hash
// (with replaceState, so the back button is not flooded); a hash the page did not write (a
// pasted link, the back button) is loaded into the store.

/** What a mode's store offers the link: its link, and loading one. */
export interface Linked {
  link(): string;
  load(hash: string, otherKeys: readonly string[]): void;
}

export class LinkSync {
  private written = '';
  private readonly onHash = (): void => {
    if (location.hash.replace(/^#/, '') !== this.written)
      this.store.load(location.hash, this.otherKeys);
  };

  constructor(
    private readonly store: Linked,
    private readonly otherKeys: readonly string[],
  ) {
    window.addEventListener('hashchange', this.onHash);
  }

  readInitial(): void {
    this.store.load(location.hash, this.otherKeys);
  }

  write(): void {
    const hash = this.store.link();
    if (hash === this.written && location.hash.replace(/^#/, '') === hash) return;
    this.written = hash;
    try {
      history.replaceState(history.state, '', `${location.pathname}${location.search}#${hash}`);
    } catch {
      // Some embedders forbid history changes; the page still works, links just won't update.
    }
  }

  dispose(): void {
    window.removeEventListener('hashchange', this.onHash);
  }
}
