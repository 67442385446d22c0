// The embed's flags, read from the page's query (`?embed=1&hide=settings,kind&view=output&
// autoplay=click&origin=https://blog.example`); the settings stay in the hash, as in every
// link. Like the link, the query is hostile: each flag is checked and bounded, and whatever was
// not used comes back as a notice that names it.
import type { PartInfo } from '../app/parts';

export type Autoplay = 'visible' | 'click';

export interface EmbedOptions {
  /** Parts hidden: those named by `hide`, and every view but the one `view` names. */
  hidden: ReadonlySet<string>;
  /** The one view shown, or 'all'. */
  view: string;
  autoplay: Autoplay;
  /** Origins whose commands are obeyed (none: the API stays silent). */
  origins: readonly string[];
  notices: string[];
}

/** The query keys of an embed, in the order the Embed dialog writes them. */
export const EMBED_KEYS = ['embed', 'hide', 'view', 'autoplay', 'origin'] as const;
export const AUTOPLAY: readonly Autoplay[] = ['visible', 'click'];
export const EMBED_LIMITS = { origins: 8, originLength: 200, listLength: 40 } as const;

const shown = (v: string): string => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * An origin an embedding page can have: `https://host[:port]` or `http://...` exactly as
 * `location.origin` writes it, or `null` (a page opened from disk or in a sandbox).
 */
export function parseOrigin(text: string): string | null {
  if (text === 'null') return 'null';
  if (text.length > EMBED_LIMITS.originLength) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === text ? text : null;
  } catch {
    return null;
  }
}

const list = (raw: string | null): string[] =>
  raw === null
    ? []
    : raw
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');

/** The embed's options, or null when the page is not an embed (no `embed=1`). */
export function parseEmbedOptions(search: string, parts: readonly PartInfo[]): EmbedOptions | null {
  const q = new URLSearchParams(search);
  const flag = q.get('embed');
  if (flag === null || ['0', 'false', 'off', 'no'].includes(flag.trim().toLowerCase())) return null;
  const notices: string[] = [];
  const names = parts.map((p) => p.name);
  const views = parts.filter((p) => p.view === true).map((p) => p.name);

  const hidden = new Set<string>();
  const hide = list(q.get('hide'));
  for (const name of hide.slice(0, EMBED_LIMITS.listLength)) {
    if (names.includes(name)) hidden.add(name);
    else
      notices.push(
        `The embed's hide “${shown(name)}” is not a part of this page (parts: ${names.join(', ')}), so it was ignored.`,
      );
  }
  if (hide.length > EMBED_LIMITS.listLength)
    notices.push(
      `The embed's hide lists more than ${EMBED_LIMITS.listLength} parts; the rest were ignored.`,
    );

  let view = 'all';
  const rawView = q.get('view');
  if (rawView !== null && rawView !== 'all') {
    if (views.includes(rawView)) view = rawView;
    else
      notices.push(
        `The embed's view “${shown(rawView)}” is not one of all, ${views.join(', ')}; every view is shown.`,
      );
  }
  if (view !== 'all') for (const v of views) if (v !== view) hidden.add(v);

  let autoplay: Autoplay = 'visible';
  const rawAutoplay = q.get('autoplay');
  if (rawAutoplay !== null) {
    if ((AUTOPLAY as readonly string[]).includes(rawAutoplay)) autoplay = rawAutoplay as Autoplay;
    else
      notices.push(
        `The embed's autoplay “${shown(rawAutoplay)}” is not one of ${AUTOPLAY.join(', ')}; it trains while on screen.`,
      );
  }

  const origins: string[] = [];
  const rawOrigins = q.getAll('origin').flatMap((o) => list(o));
  for (const o of rawOrigins) {
    const origin = parseOrigin(o);
    if (origin === null)
      notices.push(
        `The embed's origin “${shown(o)}” is not an origin such as https://example.org (scheme, host and port only), so its commands are not obeyed.`,
      );
    else if (origins.length >= EMBED_LIMITS.origins)
      notices.push(
        `The embed obeys at most ${EMBED_LIMITS.origins} origins; “${shown(o)}” was not added.`,
      );
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { hidden, view, autoplay, origins, notices };
}

/** The query of an embed with these options (what the Embed dialog writes). */
export function writeEmbedQuery(options: {
  hide: readonly string[];
  view: string;
  autoplay: Autoplay;
  origins: readonly string[];
}): string {
  const q = new URLSearchParams({ embed: '1' });
  if (options.hide.length > 0) q.set('hide', options.hide.join(','));
  if (options.view !== 'all') q.set('view', options.view);
  if (options.autoplay !== 'visible') q.set('autoplay', options.autoplay);
  if (options.origins.length > 0) q.set('origin', options.origins.join(','));
  return q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
}
