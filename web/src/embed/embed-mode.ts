// The page as an embed (`?embed=1`, see embed-options.ts), over whichever mode runs: hides the
// parts the flags name, trains only while on screen (and, with autoplay=click, only once asked),
// serves the postMessage API (api-server.ts) and tells the host its content's height.
import type { ModeHandle } from '../app/modes';
import { hideParts } from '../app/parts';
import { h } from '../dom';
import { EmbedApi } from './api-server';
import type { EmbedOptions } from './embed-options';

export class EmbedController {
  readonly api: EmbedApi;
  private handle: ModeHandle | null = null;
  /** Training was paused because the embed left the screen (and resumes when it returns). */
  private pausedOffScreen = false;
  private visible = false;
  /** autoplay=click: nothing trains until this is true. */
  private started: boolean;
  /** The first time on screen started training (later visits only resume a paused run). */
  private autoplayed = false;
  private offStore: (() => void) | null = null;
  private readonly observer: IntersectionObserver;
  private readonly resize: ResizeObserver;
  private readonly onMessage = (e: MessageEvent): void =>
    this.api.receive({ origin: e.origin, source: e.source, data: e.data });
  private poster: HTMLButtonElement | null = null;

  constructor(
    private readonly options: EmbedOptions,
    private readonly root: HTMLElement,
    version: () => string,
  ) {
    const framed = window.parent !== window;
    this.api = new EmbedApi({
      origins: options.origins,
      parent: framed ? window.parent : null,
      parentOrigin: location.ancestorOrigins?.[0] ?? null,
      post: (message, targetOrigin) => window.parent.postMessage(message, targetOrigin),
      version,
    });
    this.started = options.autoplay === 'visible';
    window.addEventListener('message', this.onMessage);
    // Inside a frame, an observer without a root measures against the top page's viewport: it
    // says whether the reader can see the embed at all.
    this.observer = new IntersectionObserver((entries) => {
      const e = entries[entries.length - 1];
      if (e !== undefined) this.setVisible(e.isIntersecting);
    });
    this.observer.observe(root);
    let lastHeight = -1;
    this.resize = new ResizeObserver(() => {
      const box = root.getBoundingClientRect();
      const height = box.bottom + window.scrollY;
      if (Math.abs(height - lastHeight) < 1) return;
      lastHeight = height;
      this.api.resized(height, box.width);
    });
    this.resize.observe(root);
    if (!this.started) this.showPoster();
  }

  /** The mode now running: hide its parts, drive its run. */
  attach(handle: ModeHandle, modeRoot: HTMLElement): void {
    this.handle = handle;
    hideParts(modeRoot, this.options.hidden);
    const view = this.options.view;
    if (view !== 'all')
      modeRoot.querySelector(`[data-part="${view}"]`)?.setAttribute('data-view-shown', '');
    if (handle.embed !== undefined) {
      this.api.attach(handle.embed);
      // Anything that starts training (the Play button, the API) counts as the reader's click.
      this.offStore = handle.embed.subscribe((e) => {
        if (e.type === 'play') this.start();
      });
    }
    this.pausedOffScreen = false;
    if (this.visible) this.setVisible(true);
  }

  /** The mode is being disposed. */
  detach(): void {
    this.offStore?.();
    this.offStore = null;
    this.api.release();
    this.handle = null;
  }

  dispose(): void {
    this.detach();
    this.observer.disconnect();
    this.resize.disconnect();
    window.removeEventListener('message', this.onMessage);
  }

  private start(): void {
    this.autoplayed = true;
    if (this.started) return;
    this.started = true;
    this.poster?.remove();
    this.poster = null;
  }

  private setVisible(visible: boolean): void {
    this.visible = visible;
    const target = this.handle?.embed;
    if (target === undefined) return;
    if (!visible) {
      if (target.wantsPlay()) {
        this.pausedOffScreen = true;
        target.pause();
      }
      return;
    }
    if (this.pausedOffScreen || (this.started && !this.autoplayed)) {
      this.pausedOffScreen = false;
      this.autoplayed = true;
      target.play();
    }
  }

  /** autoplay=click: a button over the embed that starts training. */
  private showPoster(): void {
    const button = h(
      'button',
      { type: 'button', class: 'embed-poster', 'aria-label': 'Start training' },
      h('span', { class: 'embed-poster-icon', 'aria-hidden': 'true' }, '▶'),
      'Train',
    );
    button.addEventListener('click', () => {
      this.start();
      this.handle?.embed?.play();
    });
    this.poster = button;
    this.root.append(button);
  }
}
