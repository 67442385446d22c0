// <leaky-lab>: the embed as an element, for a page that loads one script (dist/leaky-lab.js).
// It holds an iframe of the embed page that sits beside the script: the page's code, CSP and
// storage stay apart from the host's, and it needs nothing of the host's CSP but frame-src.
//   attributes  the link's settings in kebab-case (alpha="0.2", data="xor", data-seed="3",
//               hidden="8,8"; the embed checks them like a link), and the embed's own: hide,
//               view, autoplay; loading="lazy" makes the frame only when the element comes
//               near the screen. Setting a setting's attribute later sends it as a command.
//   size        full width; its height follows the embed's content (the `resize` event).
//   methods     play(), pause(), step(), reset(), set(patch), getState(), getStatistics().
//   events      ready, state, step, statistics, resize, error (CustomEvent, data in detail).
// The frame obeys this page's commands: the element puts the page's origin in the frame's URL.
import type {
  EmbedState,
  EmbedStatistics,
  EventName,
  LeakyLabConnection,
  LeakyLabElement as ElementApi,
  SettingsPatch,
} from '../api-types';
import { embedUrl } from '../snippet';
import type { Autoplay } from '../embed-options';
import { connect } from './connect';

/** Attributes that are the element's own, not settings. */
const OWN = [
  'hide',
  'view',
  'autoplay',
  'loading',
  'title',
  'class',
  'id',
  'style',
  'slot',
  'tabindex',
];
const FLAGS = ['hide', 'view', 'autoplay'];
const EVENTS: EventName[] = ['ready', 'state', 'step', 'statistics', 'resize', 'error'];
/** The frame's height before the embed has said its own. */
const INITIAL_HEIGHT = 420;
/** How far ahead of the screen a lazy element makes its frame. */
const LAZY_MARGIN = '300px';

const camel = (name: string): string =>
  name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const isOwn = (name: string): boolean =>
  OWN.includes(name) || name.startsWith('aria-') || name.startsWith('on');

/** Defines <leaky-lab>, whose frame shows the page at `page` (the embed beside the script). */
export function defineElement(page: string): void {
  if (customElements.get('leaky-lab') !== undefined) return;

  class LeakyLab extends HTMLElement implements ElementApi {
    private frame: HTMLIFrameElement | null = null;
    private conn: LeakyLabConnection | null = null;
    private lazy: IntersectionObserver | null = null;
    private readonly watch = new MutationObserver((records) => this.changed(records));

    get connection(): LeakyLabConnection | null {
      return this.conn;
    }

    connectedCallback(): void {
      if (this.frame !== null || this.lazy !== null) return;
      if (this.getAttribute('loading') === 'lazy' && 'IntersectionObserver' in window) {
        this.lazy = new IntersectionObserver(
          (entries) => {
            if (entries.some((e) => e.isIntersecting)) this.load();
          },
          { rootMargin: LAZY_MARGIN },
        );
        this.lazy.observe(this);
        // Until then it keeps the frame's place, so the page does not jump.
        this.style.display = 'block';
        this.style.minHeight = `${INITIAL_HEIGHT}px`;
      } else this.load();
    }

    disconnectedCallback(): void {
      this.lazy?.disconnect();
      this.lazy = null;
      this.watch.disconnect();
      this.conn?.close();
      this.conn = null;
      this.frame?.remove();
      this.frame = null;
    }

    play = (): Promise<EmbedState> => this.when((c) => c.play());
    pause = (): Promise<EmbedState> => this.when((c) => c.pause());
    step = (): Promise<EmbedState> => this.when((c) => c.step());
    reset = (): Promise<EmbedState> => this.when((c) => c.reset());
    set = (patch: SettingsPatch): Promise<EmbedState> => this.when((c) => c.set(patch));
    getState = (): Promise<EmbedState> => this.when((c) => c.getState());
    getStatistics = (): Promise<EmbedStatistics | null> => this.when((c) => c.getStatistics());

    /** Runs `f` once the embed is ready (making the frame now if it is lazy and not yet made). */
    private when<T>(f: (c: LeakyLabConnection) => Promise<T>): Promise<T> {
      if (this.conn === null) this.load();
      const c = this.conn;
      return c === null
        ? Promise.reject(new Error('the element is not in a page'))
        : c.ready.then(() => f(c));
    }

    private url(): string {
      const settings: Record<string, string> = {};
      for (const a of Array.from(this.attributes))
        if (!isOwn(a.name)) settings[camel(a.name)] = a.value;
      const list = (name: string): string[] =>
        (this.getAttribute(name) ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== '');
      const autoplay = this.getAttribute('autoplay');
      return embedUrl({
        page,
        link: new URLSearchParams(settings).toString(),
        hide: list('hide'),
        view: this.getAttribute('view') ?? 'all',
        autoplay: autoplay === 'click' ? 'click' : ('visible' satisfies Autoplay),
        origins: [location.origin],
      });
    }

    private load(): void {
      if (this.frame !== null || !this.isConnected) return;
      this.lazy?.disconnect();
      this.lazy = null;
      this.style.minHeight = '';
      const frame = document.createElement('iframe');
      frame.title =
        this.getAttribute('title') ?? 'Leaky Lab: a neural network training in your browser';
      Object.assign(frame.style, {
        border: '0',
        display: 'block',
        width: '100%',
        height: `${INITIAL_HEIGHT}px`,
      });
      frame.src = this.url();
      this.frame = frame;
      // The frame lives in a shadow root: the host's styles do not reach it.
      (this.shadowRoot ?? this.attachShadow({ mode: 'open' })).replaceChildren(frame);
      this.style.display = 'block';
      this.conn = connect(frame);
      for (const name of EVENTS)
        this.conn.on(name, (detail) => this.dispatchEvent(new CustomEvent(name, { detail })));
      this.watch.observe(this, { attributes: true });
    }

    /** A setting's attribute changed: send it; a flag changed: the frame loads anew. */
    private changed(records: MutationRecord[]): void {
      const names = [...new Set(records.map((r) => r.attributeName ?? ''))];
      if (names.some((n) => FLAGS.includes(n))) {
        if (this.frame !== null) this.frame.src = this.url();
        return;
      }
      const patch: SettingsPatch = {};
      for (const n of names) {
        const v = this.getAttribute(n);
        if (!isOwn(n) && v !== null) patch[camel(n)] = v;
      }
      if (Object.keys(patch).length > 0)
        this.set(patch).catch((err: unknown) =>
          this.dispatchEvent(
            new CustomEvent('error', {
              detail: {
                code: 'refused',
                message: err instanceof Error ? err.message : String(err),
              },
            }),
          ),
        );
    }
  }

  customElements.define('leaky-lab', LeakyLab);
}
