// What an embed of the running mode is made of (for the Embed dialog): its link, its settings
// as the element's attributes, what it is called, and an example of driving it. No DOM.
import { LIVE_KEY } from '../state/link';
import { defaultSettings, type Property } from '../state/properties';
import type { Store } from '../state/store';
import { PLAYGROUND_API_EXAMPLE, type ApiExample } from './snippet';

export interface EmbedSource {
  /** What is embedded, in the dialog's title: "run", "comparison". */
  readonly noun: string;
  /** The link (the hash without '#'). */
  link(): string;
  /** The link's settings that differ from their defaults, with the mode and live changes. */
  changedSettings(): Record<string, string>;
  /** The API example's command and statistic, for the current settings. */
  example(): ApiExample;
}

/**
 * A store's embed source: of its link, the keys in `before` (the mode), the settings that
 * differ from their defaults, and the keys in `after` (live changes), each where the link has it.
 */
export function embedSource<S>(
  store: { readonly props: readonly Property<S>[]; link(): string },
  keys: { before?: readonly string[]; after?: readonly string[] },
  noun: string,
  example: () => ApiExample,
): EmbedSource {
  return {
    noun,
    example,
    link: () => store.link(),
    changedSettings: () => {
      const defaults = defaultSettings(store.props);
      const link = new URLSearchParams(store.link());
      const out: Record<string, string> = {};
      const copy = (key: string): void => {
        const v = link.get(key);
        if (v !== null) out[key] = v;
      };
      for (const key of keys.before ?? []) copy(key);
      for (const p of store.props) {
        const v = link.get(p.key);
        if (v !== null && v !== p.write(defaults)) out[p.key] = v;
      }
      for (const key of keys.after ?? []) copy(key);
      return out;
    },
  };
}

/** The playground's: its settings and its live changes. */
export const playgroundEmbed = (store: Store): EmbedSource =>
  embedSource(store, { after: [LIVE_KEY] }, 'run', () => PLAYGROUND_API_EXAMPLE);
