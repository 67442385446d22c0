// The header's share tools: Embed, Export and Import, over what the running mode shares
// (ModeHandle.share; modes without it hide the menu): Embed takes the mode's link; Export and
// Import need one run (its store and session), so a mode of several runs offers Embed only.
// Also keeps the run's evaluations for the metrics export, from the first frame of each run.
import type { ModeEntry, ModeHandle } from '../app/modes';
import { h } from '../dom';
import type { Notices } from '../views/notices';
import type { LoadedCore } from '../wasm/load-core';
import { EmbedDialog } from './embed-dialog';
import { ExportDialog } from './export-dialog';
import { ImportDialog } from './import-dialog';
import { MetricsLog } from './metrics';
import './share.css';

/** The page's phone layout starts below this width (app/shell.css). */
const NARROW_PX = 760;

interface Attached {
  embed: EmbedDialog;
  export: ExportDialog | null;
  import: ImportDialog | null;
  off: (() => void)[];
}

export class ShareTools {
  /** One Share menu in the header (a disclosure: it takes little room on a phone). */
  readonly element: HTMLDetailsElement;
  private readonly buttons: Record<'embed' | 'export' | 'import', HTMLButtonElement>;
  private attached: Attached | null = null;
  private readonly metrics = new MetricsLog();
  private config = '';

  constructor(
    private readonly screen: HTMLElement,
    private readonly notices: Notices,
  ) {
    const button = (label: string, title: string): HTMLButtonElement =>
      h('button', { type: 'button', class: 'share-item', title, disabled: true }, label);
    this.buttons = {
      embed: button('Embed…', 'Put this in your own page: an iframe or an element'),
      export: button('Export…', 'Save pictures, metrics, the model, a PyTorch script'),
      import: button('Import…', 'Start from a model file, or train on a CSV file'),
    };
    this.element = h(
      'details',
      { class: 'share-tools' },
      h(
        'summary',
        { class: 'share-button', 'aria-label': 'Share: embed, export, import' },
        'Share',
      ),
      h(
        'div',
        { class: 'share-menu', role: 'group', 'aria-label': 'Share' },
        this.buttons.embed,
        this.buttons.export,
        this.buttons.import,
      ),
    );
    for (const key of ['embed', 'export', 'import'] as const)
      this.buttons[key].addEventListener('click', () => {
        this.element.open = false;
        this.attached?.[key]?.open();
      });
    // A click elsewhere closes the menu.
    document.addEventListener('click', (e) => {
      if (this.element.open && !this.element.contains(e.target as Node)) this.element.open = false;
    });
  }

  /**
   * Puts the menu in `wide` (the header) and, where the screen is narrow and the header has
   * no room for it, in `narrow` (the footer).
   */
  mount(wide: HTMLElement, narrow: HTMLElement): void {
    const phone = window.matchMedia?.(`(max-width: ${NARROW_PX}px)`);
    const place = (): void => {
      (phone?.matches === true ? narrow : wide).prepend(this.element);
    };
    phone?.addEventListener?.('change', place);
    place();
  }

  attach(entry: ModeEntry, handle: ModeHandle, core: LoadedCore): void {
    this.detach();
    this.element.hidden = handle.share === undefined;
    if (handle.share === undefined) return;
    const run = handle.share.run;
    this.metrics.reset();
    this.config = '';
    this.attached = {
      embed: new EmbedDialog(entry, handle.share.embed),
      export:
        run === undefined
          ? null
          : new ExportDialog({
              entry,
              store: run.store,
              session: run.session,
              screen: this.screen,
              metrics: this.metrics,
              config: () => this.config,
              version: core.info.version,
            }),
      import:
        run === undefined
          ? null
          : new ImportDialog({
              store: run.store,
              session: run.session,
              core: core.module,
              catalog: core.catalog,
              notices: this.notices,
            }),
      off:
        run === undefined
          ? []
          : [
              run.session.events.on('status', (e) => {
                if (e.status === 'starting') this.metrics.reset();
              }),
              run.session.events.on('ready', (e) => (this.config = e.config)),
              run.session.events.on('frame', (f) => this.metrics.add(f.evaluations)),
            ],
    };
    const offered = (['embed', 'export', 'import'] as const).filter(
      (key) => this.attached?.[key] !== null,
    );
    for (const key of ['embed', 'export', 'import'] as const) {
      this.buttons[key].hidden = !offered.includes(key);
      this.buttons[key].disabled = !offered.includes(key);
    }
    this.element
      .querySelector('summary')
      ?.setAttribute('aria-label', `Share: ${offered.join(', ')}`);
  }

  detach(): void {
    if (this.attached === null) return;
    for (const off of this.attached.off) off();
    this.attached.import?.dispose();
    this.attached = null;
    for (const b of Object.values(this.buttons)) b.disabled = true;
  }
}
