// The Export dialog: each view as a PNG; the run's evaluations as CSV and JSON; the trained
// model as JSON (the core's model file, which `leaky-lab train --model` and the Import dialog
// read); a PyTorch script that continues the run. Files are made here, never fetched.
import type { ModeEntry } from '../app/modes';
import { h } from '../dom';
import type { RunSession } from '../run/session';
import type { Store } from '../state/store';
import { download } from './download';
import { Dialog } from './dialog';
import type { MetricsLog } from './metrics';
import { partPng } from './png';
import { pytorchScript } from './pytorch-script';

export interface ExportSources {
  entry: ModeEntry;
  store: Store;
  session: RunSession;
  /** Where the mode draws (its parts are looked up there). */
  screen: HTMLElement;
  metrics: MetricsLog;
  /** The config of the current run as the core understood it ('' before it started). */
  config(): string;
  version: string;
}

export class ExportDialog {
  private readonly dialog = new Dialog('Export', 'export-dialog');
  private readonly status = h('p', {
    class: 'export-status',
    role: 'status',
    'aria-live': 'polite',
  });

  constructor(private readonly s: ExportSources) {
    const button = (label: string, action: () => Promise<string>): HTMLButtonElement => {
      const b = h('button', { type: 'button', class: 'small-button' }, label);
      b.addEventListener('click', () => {
        this.status.textContent = 'Working…';
        action().then(
          (saved) => (this.status.textContent = `Saved ${saved}.`),
          (err: unknown) =>
            (this.status.textContent = `Not saved: ${err instanceof Error ? err.message : String(err)}.`),
        );
      });
      return b;
    };
    const views = s.entry.parts.filter((p) => p.view === true);
    this.dialog.body.append(
      h('h3', {}, 'Pictures (PNG)'),
      h(
        'div',
        { class: 'export-row' },
        ...views.map((p) => button(p.label, () => this.png(p.name))),
      ),
      h(
        'p',
        { class: 'muted' },
        'Charts come as PNG only: the chart library draws on a canvas and makes no SVG.',
      ),
      h('h3', {}, 'Numbers'),
      h(
        'div',
        { class: 'export-row' },
        button('Metrics (CSV)', async () =>
          this.save('leaky-lab-metrics.csv', s.metrics.csv(), 'text/csv'),
        ),
        button('Metrics (JSON)', async () =>
          this.save(
            'leaky-lab-metrics.json',
            s.metrics.json({ config: s.config(), link: s.store.link(), version: s.version }),
            'application/json',
          ),
        ),
        button('Model (JSON)', async () => {
          const run = await this.run();
          return this.save('leaky-lab-model.json', run.model, 'application/json');
        }),
        button('PyTorch script', async () => {
          const run = await this.run();
          const script = pytorchScript(run, { version: s.version, link: s.store.link() });
          return this.save('leaky_lab_continue.py', script, 'text/x-python');
        }),
      ),
      h(
        'p',
        { class: 'muted' },
        'The model file holds every weight; Import reads it back, and so does the command line (leaky-lab train --model). The PyTorch script rebuilds the network with these weights and data and continues training from this step, with the same batch order and optimizer state.',
      ),
      this.status,
    );
  }

  open(): void {
    this.status.textContent = '';
    this.dialog.open();
  }

  private async run() {
    const run = await this.s.session.exportRun();
    if (run === null) throw new Error('there is no run to export (the settings were refused)');
    return run;
  }

  private save(name: string, text: string, type: string): string {
    download(name, text, type);
    return name;
  }

  private async png(name: string): Promise<string> {
    const el = this.s.screen.querySelector<HTMLElement>(`[data-part="${name}"]`);
    if (el === null) throw new Error(`${name} is not on this page`);
    const file = `leaky-lab-${name}-step${this.s.session.currentStep}.png`;
    download(file, await partPng(el));
    return file;
  }
}
