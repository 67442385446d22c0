// What the Embed dialog writes: an iframe, or the <leaky-lab> element with its script, for the
// current run, with the chosen hidden parts, view and autoplay. Pure: text only, every value
// escaped for its attribute.
import { writeEmbedQuery, type Autoplay } from './embed-options';

export interface EmbedChoice {
  /** The site's page (no query, no hash), e.g. https://example.org/leaky-lab/ */
  page: string;
  /** The run's settings: the link's hash without '#'. */
  link: string;
  hide: readonly string[];
  view: string;
  autoplay: Autoplay;
  /** Origins whose commands the iframe obeys (the element adds its own page's origin). */
  origins: readonly string[];
  width: number;
  height: number;
}

export const ELEMENT_SCRIPT = 'leaky-lab.js';
const TITLE = 'Leaky Lab: a neural network training in your browser';

const attr = (v: string): string =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The embed's address: the page, the embed's flags as the query, the settings as the hash. */
export function embedUrl(
  c: Pick<EmbedChoice, 'page' | 'link' | 'hide' | 'view' | 'autoplay' | 'origins'>,
): string {
  return `${c.page}?${writeEmbedQuery(c)}${c.link === '' ? '' : `#${c.link}`}`;
}

export function iframeSnippet(c: EmbedChoice): string {
  return (
    `<iframe src="${attr(embedUrl(c))}" width="${c.width}" height="${c.height}" ` +
    `title="${TITLE}" loading="lazy" style="border:0;max-width:100%"></iframe>`
  );
}

/** `dataSeed` -> `data-seed`: HTML lowercases attribute names, so the element takes dashes. */
export const attributeName = (key: string): string =>
  key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The element and its script; `settings` are the link's settings that differ from their
 * defaults (the element's attributes), `live` the live changes to replay.
 */
export function elementSnippet(c: EmbedChoice, settings: Readonly<Record<string, string>>): string {
  const script = new URL(ELEMENT_SCRIPT, c.page).href;
  const attrs: string[] = Object.entries(settings).map(
    ([k, v]) => `${attributeName(k)}="${attr(v)}"`,
  );
  if (c.hide.length > 0) attrs.push(`hide="${attr(c.hide.join(','))}"`);
  if (c.view !== 'all') attrs.push(`view="${attr(c.view)}"`);
  if (c.autoplay !== 'visible') attrs.push(`autoplay="${c.autoplay}"`);
  attrs.push('loading="lazy"');
  return `<script src="${attr(script)}" defer></script>\n<leaky-lab ${attrs.join(' ')}></leaky-lab>`;
}

/** What the API example does: a command that suits the mode, and a number it logs. */
export interface ApiExample {
  /** The `set` command's patch, as JavaScript. */
  set: string;
  /** What to log of a `statistics` event's detail, as a JavaScript expression on `e.detail`. */
  log: string;
}

export const PLAYGROUND_API_EXAMPLE: ApiExample = {
  set: '{ alpha: 0.3 }',
  log: 'e.detail.deadFraction',
};

/** How the host page drives the embed (the host helper in leaky-lab.js). */
export function apiExample(c: EmbedChoice, example: ApiExample): string {
  const script = new URL(ELEMENT_SCRIPT, c.page).href;
  return [
    `<script src="${attr(script)}"></script>`,
    '<script>',
    "  // The element: its methods send commands; its events are the embed's.",
    "  const lab = document.querySelector('leaky-lab');",
    `  lab.addEventListener('ready', () => lab.set(${example.set}));`,
    `  lab.addEventListener('statistics', (e) => console.log(${example.log}));`,
    '  // Or an iframe (its src must name your page in origin=...):',
    "  // const frame = LeakyLab.connect(document.querySelector('iframe'));",
    '  // frame.ready.then(() => frame.play());',
    '</script>',
  ].join('\n');
}
