// The Import dialog: a model file (its weights start the next runs; the controls switch to its
// network) or a CSV dataset (the next runs train on it). The core checks each file and names
// the line and column of every problem; nothing runs on a file it refused.
import { h } from '../dom';
import type { CsvOptions } from '../run/protocol';
import { withCsvOptions } from '../run/csv-config';
import type { RunSession } from '../run/session';
import { buildRunConfig } from '../state/run-config';
import { PAGE_LIMITS } from '../state/settings';
import type { Store } from '../state/store';
import type { Notices } from '../views/notices';
import type { Catalog } from '../wasm/catalog';
import type { CoreModule } from '../wasm/core-api';
import { Dialog, field } from './dialog';
import {
  architecture,
  checkCsv,
  checkModel,
  modelSettings,
  sizeProblem,
  type Checked,
} from './imports';

export interface ImportTarget {
  store: Store;
  session: RunSession;
  core: CoreModule;
  catalog: Catalog;
  notices: Notices;
}

export class ImportDialog {
  private readonly dialog = new Dialog('Import', 'import-dialog');
  private readonly modelInput = h('input', { type: 'file', accept: '.json,application/json' });
  private readonly csvInput = h('input', { type: 'file', accept: '.csv,.txt,text/csv' });
  private readonly task = h(
    'select',
    {},
    h('option', { value: 'binary_classification' }, 'binary classification (two classes)'),
    h('option', { value: 'regression' }, 'regression (a number)'),
  );
  private readonly target = h('input', { type: 'number', value: '-1', step: '1' });
  private readonly header = h(
    'select',
    {},
    h('option', { value: 'detect' }, 'detect'),
    h('option', { value: 'yes' }, 'yes'),
    h('option', { value: 'no' }, 'no'),
  );
  private readonly modelReport = h('div', { class: 'import-report', role: 'status' });
  private readonly csvReport = h('div', { class: 'import-report', role: 'status' });
  private readonly inUse = h('div', { class: 'import-in-use' });
  /** The settings an imported model fits (it is set aside when they change). */
  private modelArchitecture: string | null = null;
  private readonly offStore: () => void;

  constructor(private readonly t: ImportTarget) {
    this.dialog.body.append(
      h('h3', {}, 'A model (JSON)'),
      h(
        'p',
        { class: 'muted' },
        'A model file from Export or from leaky-lab train --save-model: its weights start the next runs, and the network settings switch to its layers.',
      ),
      field('Model file', this.modelInput),
      this.modelReport,
      h('h3', {}, 'A dataset (CSV)'),
      h(
        'p',
        { class: 'muted' },
        `One row per line, numbers only, an optional header; one or two input columns and a target; at most ${PAGE_LIMITS.importRows} rows and ${PAGE_LIMITS.importBytes / 1024 / 1024} MB.`,
      ),
      h(
        'div',
        { class: 'import-csv-options' },
        field('Task', this.task),
        field('Target column (1 = first, −1 = last)', this.target),
        field('Header line', this.header),
      ),
      field('CSV file', this.csvInput),
      this.csvReport,
      this.inUse,
    );
    this.modelInput.addEventListener('change', () => void this.importModel());
    this.csvInput.addEventListener('change', () => void this.importCsv());
    this.offStore = t.store.subscribe((e, store) => {
      if (e.type !== 'restart' || t.session.imports.model === undefined) return;
      if (architecture(store.settings) === this.modelArchitecture) return;
      this.setImports({ model: undefined });
      t.notices.show([
        'The imported model was set aside: the network’s settings changed, so its weights no longer fit. Import it again to start from it.',
      ]);
    });
    this.showInUse();
  }

  open(): void {
    this.showInUse();
    this.dialog.open();
  }

  dispose(): void {
    this.offStore();
    this.dialog.element.remove();
  }

  private async read(input: HTMLInputElement, report: HTMLElement): Promise<string | null> {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return null;
    const tooBig = sizeProblem(file.name, file.size);
    if (tooBig !== null) {
      this.report(report, file.name, { ok: false, problems: [tooBig] });
      return null;
    }
    return file.text();
  }

  private report(host: HTMLElement, name: string, checked: Checked<unknown>, done = ''): void {
    host.replaceChildren(
      checked.ok
        ? h('p', { class: 'import-ok' }, `${name}: ${done}`)
        : h(
            'div',
            { class: 'notice is-error' },
            h('p', {}, `${name} was not imported:`),
            h('ul', {}, ...checked.problems.map((p) => h('li', {}, p))),
          ),
    );
  }

  /** The task of the data the next run trains on: an imported CSV's, or the dataset's. */
  private task_(): 'binary_classification' | 'regression' {
    const csv = this.t.session.imports.csv;
    if (csv !== undefined) return csv.options.task;
    return (
      this.t.catalog.datasets.find((d) => d.name === this.t.store.settings.dataset)?.task ??
      'binary_classification'
    );
  }

  private async importModel(): Promise<void> {
    const name = this.modelInput.files?.[0]?.name ?? 'the file';
    const text = await this.read(this.modelInput, this.modelReport);
    if (text === null) return;
    const checked = checkModel(this.t.core.checkModel(text), this.task_());
    if (!checked.ok) {
      this.report(this.modelReport, name, checked);
      return;
    }
    const { store } = this.t;
    const hasAlpha = (k: string): boolean =>
      this.t.catalog.activations.find((a) => a.name === k)?.alpha === true;
    this.setImports({ model: undefined });
    const refused = store.set(modelSettings(checked.value, hasAlpha));
    if (refused.length > 0) {
      this.report(this.modelReport, name, { ok: false, problems: refused.map((r) => r.text) });
      return;
    }
    this.modelArchitecture = architecture(store.settings);
    this.setImports({ model: text });
    store.reset();
    const layers = checked.value.layers.map((l) => l.units).join(' → ');
    this.report(
      this.modelReport,
      name,
      checked,
      `a network of ${checked.value.inputs} → ${layers || 'no hidden layer'} → ${checked.value.outputs}; the run starts from its weights.`,
    );
  }

  private async importCsv(): Promise<void> {
    const name = this.csvInput.files?.[0]?.name ?? 'the file';
    const text = await this.read(this.csvInput, this.csvReport);
    if (text === null) return;
    const target = Number(this.target.value);
    const options: CsvOptions = {
      task: this.task.value as CsvOptions['task'],
      target_column: Number.isInteger(target) ? target : -1,
      ...(this.header.value === 'detect' ? {} : { header: this.header.value === 'yes' }),
    };
    const config = withCsvOptions(buildRunConfig(this.t.store.settings, this.t.catalog), options);
    const checked = checkCsv(this.t.core.checkCsv(text, config));
    if (!checked.ok) {
      this.report(this.csvReport, name, checked);
      return;
    }
    this.setImports({ csv: { text, options } });
    this.t.store.reset();
    const c = checked.value;
    this.report(
      this.csvReport,
      name,
      checked,
      `${c.rows} rows (${c.train_rows} to train on, ${c.test_rows} to test), inputs ${c.input_names.join(', ')}, target “${c.target_name}”. The data settings do not apply while it is in use.`,
    );
  }

  private setImports(change: {
    csv?: { text: string; options: CsvOptions } | undefined;
    model?: string | undefined;
  }): void {
    const merged = { ...this.t.session.imports, ...change };
    this.t.session.setImports({
      ...(merged.csv === undefined ? {} : { csv: merged.csv }),
      ...(merged.model === undefined ? {} : { model: merged.model }),
    });
    this.showInUse();
  }

  private showInUse(): void {
    const { csv, model } = this.t.session.imports;
    const remove = (label: string, what: 'csv' | 'model'): HTMLButtonElement => {
      const b = h('button', { type: 'button', class: 'small-button' }, label);
      b.addEventListener('click', () => {
        this.setImports({ [what]: undefined });
        this.t.store.reset();
      });
      return b;
    };
    if (csv === undefined && model === undefined) {
      this.inUse.replaceChildren();
      return;
    }
    this.inUse.replaceChildren(
      h('h3', {}, 'In use'),
      ...(csv === undefined
        ? []
        : [h('p', {}, 'Imported data. ', remove('Use the generated data again', 'csv'))]),
      ...(model === undefined
        ? []
        : [h('p', {}, 'Imported weights. ', remove('Start from fresh weights again', 'model'))]),
    );
  }
}
