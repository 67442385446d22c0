// The run's evaluations, kept for export as CSV (one row per evaluation, one column per number)
// and JSON (the core's own field names, core/schema/stats_json). Bounded: past MAX_ROWS rows
// every second row is dropped and only every second evaluation kept from then on, so a long
// run keeps its whole span at a coarser grain.
import type { Evaluation, LayerEvaluation } from '../run/protocol';

export const MAX_ROWS = 20_000;

/** Per-unit arrays are left out: they belong to one evaluation, not to a time series. */
const PER_UNIT: readonly (keyof LayerEvaluation)[] = [
  'rate',
  'state',
  'born_dead_units',
  'revivals',
  'unit_histograms',
];

const RUN_COLUMNS = [
  'step',
  'epoch',
  'train_loss',
  'test_loss',
  'train_accuracy',
  'test_accuracy',
  'penalty',
  'collapsed',
  'dead_fraction',
  'dormant_fraction',
] as const;

const LAYER_COLUMNS = [
  'dead',
  'dormant',
  'inactive',
  'near_dead',
  'born_dead',
  'revived',
  'dead_fraction',
  'dormant_fraction',
  'sparsity',
  'mean_abs_grad',
  'weight_norm',
] as const;

function light(ev: Evaluation): Evaluation {
  return {
    ...ev,
    layers: ev.layers.map((l) => {
      const copy = { ...l };
      for (const k of PER_UNIT) delete copy[k];
      return copy;
    }),
  };
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class MetricsLog {
  private rows: Evaluation[] = [];
  /** Only every `stride`-th evaluation is kept (1 until the log first fills). */
  private stride = 1;
  private seen = 0;

  get length(): number {
    return this.rows.length;
  }

  reset(): void {
    this.rows = [];
    this.stride = 1;
    this.seen = 0;
  }

  add(evaluations: readonly Evaluation[]): void {
    for (const ev of evaluations) {
      if (this.seen++ % this.stride !== 0) continue;
      this.rows.push(light(ev));
      if (this.rows.length >= MAX_ROWS) {
        this.rows = this.rows.filter((_, i) => i % 2 === 0);
        this.stride *= 2;
      }
    }
  }

  /** A header row, then one row per evaluation; layer columns are `layer<i>_<name>`, i from 1. */
  csv(): string {
    const layers = this.rows[0]?.layers.length ?? 0;
    const header: string[] = [...RUN_COLUMNS];
    for (let i = 1; i <= layers; i++) {
      for (const c of LAYER_COLUMNS) header.push(`layer${i}_${c}`);
      header.push(`layer${i}_alpha`);
    }
    const lines = [header.join(',')];
    for (const ev of this.rows) {
      const row: unknown[] = RUN_COLUMNS.map((c) => ev[c]);
      for (let i = 0; i < layers; i++) {
        const l = ev.layers[i];
        for (const c of LAYER_COLUMNS) row.push(l?.[c]);
        // One slope per layer; PReLU's per-unit slopes are in the JSON export.
        row.push(typeof l?.alpha === 'number' ? l.alpha : undefined);
      }
      lines.push(row.map(cell).join(','));
    }
    return `${lines.join('\n')}\n`;
  }

  /** The evaluations with what produced them (the config the core ran, the page's link). */
  json(meta: { config: string; link: string; version: string }): string {
    let config: unknown = null;
    try {
      config = JSON.parse(meta.config);
    } catch {
      config = null;
    }
    return JSON.stringify({
      format: 'leaky-lab-metrics',
      version: 1,
      core: meta.version,
      link: meta.link,
      config,
      every_nth_evaluation: this.stride,
      evaluations: this.rows,
    });
  }
}
