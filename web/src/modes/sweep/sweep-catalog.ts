// The core's sweep vocabulary from its catalog (core/schema/catalog_json.cpp, "sweep"): the
// factors a sweep may cross with alpha, the metrics of its table, the default alphas and the
// page's seeds. The mode reads them here, so that no name or bound is written twice.
import type { Range } from '../../wasm/catalog';

export interface SweepCatalog {
  factors: { name: string; label: string }[];
  metrics: { name: string; label: string }[];
  defaultAlphas: number[];
  pageSeeds: Range;
  levels: Range;
}

function rangeOf(x: unknown, where: string): Range {
  const r = x as Record<string, unknown> | null;
  if (r === null || typeof r['min'] !== 'number' || typeof r['max'] !== 'number')
    throw new Error(`catalog().sweep.${where} is not a range`);
  return {
    min: r['min'],
    max: r['max'],
    minOpen: r['min_open'] === true,
    maxOpen: r['max_open'] === true,
    integer: r['integer'] === true,
    text: typeof r['text'] === 'string' ? r['text'] : `within [${r['min']}, ${r['max']}]`,
  };
}

function named(x: unknown, where: string): { name: string; label: string }[] {
  if (!Array.isArray(x) || x.length === 0) throw new Error(`catalog().sweep.${where} is empty`);
  return x.map((e: { name?: unknown; label?: unknown }) => ({
    name: String(e.name),
    label: typeof e.label === 'string' ? e.label : String(e.name),
  }));
}

export function parseSweepCatalog(catalogJson: string): SweepCatalog {
  const sweep = (JSON.parse(catalogJson) as Record<string, unknown>)['sweep'] as
    Record<string, unknown> | undefined;
  if (sweep === undefined) throw new Error('catalog() has no sweep block');
  const alphas = sweep['default_alphas'];
  if (!Array.isArray(alphas) || !alphas.every((a) => typeof a === 'number'))
    throw new Error('catalog().sweep.default_alphas is not a list of numbers');
  return {
    factors: named(sweep['factors'], 'factors'),
    metrics: named(sweep['metrics'], 'metrics'),
    defaultAlphas: alphas,
    pageSeeds: rangeOf(sweep['page_seeds'], 'page_seeds'),
    levels: rangeOf(sweep['levels'], 'levels'),
  };
}
