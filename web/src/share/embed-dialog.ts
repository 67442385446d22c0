// The Embed dialog: pick the parts to hide, the one view to show, when training starts, the
// frame's size and the origin of the page that will drive it; copy an iframe, the <leaky-lab>
// element, or an example of the API. Every snippet holds the current run's (or comparison's)
// link.
import type { ModeEntry } from '../app/modes';
import { h } from '../dom';
import { AUTOPLAY, parseOrigin, type Autoplay } from '../embed/embed-options';
import {
  apiExample,
  elementSnippet,
  embedUrl,
  iframeSnippet,
  type EmbedChoice,
} from '../embed/snippet';
import type { EmbedSource } from '../embed/embed-source';
import { Dialog, field } from './dialog';

const SIZES = [
  { label: '600 × 400', width: 600, height: 400 },
  { label: '390 × 640 (phone)', width: 390, height: 640 },
  { label: '800 × 600', width: 800, height: 600 },
] as const;
const AUTOPLAY_LABELS: Record<Autoplay, string> = {
  visible: 'when scrolled into view',
  click: 'when the reader presses Train',
};
/** What a new embed hides and shows unless the author says otherwise. */
const DEFAULT_HIDE = ['settings', 'more', 'invite'];
const DEFAULT_VIEW = 'output';

function copyButton(source: HTMLTextAreaElement): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'small-button' }, 'Copy');
  b.addEventListener('click', () => {
    source.select();
    const done = (ok: boolean): void => {
      b.textContent = ok ? 'Copied' : 'Select and copy';
      setTimeout(() => (b.textContent = 'Copy'), 1500);
    };
    navigator.clipboard?.writeText(source.value).then(
      () => done(true),
      () => done(false),
    ) ?? done(false);
  });
  return b;
}

export class EmbedDialog {
  private readonly dialog: Dialog;
  private readonly hide = new Map<string, HTMLInputElement>();
  private readonly view: HTMLSelectElement;
  private readonly autoplay: HTMLSelectElement;
  private readonly size: HTMLSelectElement;
  private readonly origins: HTMLInputElement;
  private readonly originError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  private readonly outputs = {
    iframe: h('textarea', { readonly: true, rows: '4', 'aria-label': 'iframe snippet' }),
    element: h('textarea', { readonly: true, rows: '3', 'aria-label': 'Element snippet' }),
    api: h('textarea', { readonly: true, rows: '9', 'aria-label': 'API example' }),
  };
  private readonly preview = h('a', { target: '_blank', rel: 'noopener' }, 'Open the embed alone');
  private readonly warning = h('p', { class: 'notice is-warning', hidden: true });

  constructor(
    private readonly entry: ModeEntry,
    private readonly source: EmbedSource,
  ) {
    this.dialog = new Dialog(`Embed this ${source.noun}`, 'embed-dialog');
    const body = this.dialog.body;
    const views = entry.parts.filter((p) => p.view === true);
    this.view = h(
      'select',
      {},
      h('option', { value: 'all' }, 'All of them'),
      ...views.map((p) => h('option', { value: p.name }, p.label)),
    );
    this.view.value = views.some((p) => p.name === DEFAULT_VIEW) ? DEFAULT_VIEW : 'all';
    this.autoplay = h(
      'select',
      {},
      ...AUTOPLAY.map((a) => h('option', { value: a }, AUTOPLAY_LABELS[a])),
    );
    this.size = h('select', {}, ...SIZES.map((s, i) => h('option', { value: String(i) }, s.label)));
    this.origins = h('input', {
      type: 'text',
      placeholder: 'https://your-blog.example',
      spellcheck: 'false',
      autocomplete: 'off',
    });
    const hideBoxes = entry.parts.map((p) => {
      const box = h('input', { type: 'checkbox', value: p.name });
      box.checked = DEFAULT_HIDE.includes(p.name);
      this.hide.set(p.name, box);
      return h('label', { class: 'check' }, box, ` ${p.label}`);
    });
    body.append(
      this.warning,
      h(
        'div',
        { class: 'embed-options' },
        h('fieldset', { class: 'embed-hide' }, h('legend', {}, 'Hide'), ...hideBoxes),
        h(
          'div',
          { class: 'embed-fields' },
          field('View', this.view),
          field('Training starts', this.autoplay),
          field('Frame size (iframe)', this.size),
          field('Your page’s origin, for the postMessage API (optional)', this.origins),
          this.originError,
          h('p', { class: 'muted' }, this.preview),
        ),
      ),
      h('h3', {}, 'As an iframe'),
      this.outputs.iframe,
      copyButton(this.outputs.iframe),
      h('h3', {}, 'As an element (sizes itself to its content)'),
      this.outputs.element,
      copyButton(this.outputs.element),
      h('h3', {}, 'Driving it from your page'),
      this.outputs.api,
      copyButton(this.outputs.api),
    );
    body.addEventListener('input', () => this.render());
    body.addEventListener('change', () => this.render());
  }

  open(): void {
    this.render();
    this.dialog.open();
  }

  private choice(): EmbedChoice {
    const origins: string[] = [];
    const bad: string[] = [];
    for (const o of this.origins.value.split(/[\s,]+/).filter((x) => x !== '')) {
      const ok = parseOrigin(o);
      if (ok === null) bad.push(o);
      else origins.push(ok);
    }
    this.originError.textContent =
      bad.length === 0
        ? ''
        : `Not an origin: ${bad.join(', ')}. An origin is a scheme, a host and a port only, such as https://example.org.`;
    this.originError.hidden = bad.length === 0;
    const size = SIZES[Number(this.size.value)] ?? SIZES[0];
    return {
      page: location.href.split(/[?#]/)[0]!,
      link: this.source.link(),
      hide: this.entry.parts
        .filter((p) => this.hide.get(p.name)?.checked === true)
        .map((p) => p.name),
      view: this.view.value,
      autoplay: this.autoplay.value as Autoplay,
      origins,
      width: size.width,
      height: size.height,
    };
  }

  private render(): void {
    const c = this.choice();
    this.warning.hidden = location.protocol === 'http:' || location.protocol === 'https:';
    this.warning.textContent =
      'This page was opened from disk: an embed needs the site on a web server. The snippets use this address; replace it with the site’s.';
    this.outputs.iframe.value = iframeSnippet(c);
    this.outputs.element.value = elementSnippet(c, this.source.changedSettings());
    this.outputs.api.value = apiExample(c, this.source.example());
    this.preview.href = embedUrl(c);
  }
}
