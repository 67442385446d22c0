// docs/definitions.md against the core: every default it states in backticks equals the code's
// (the default config and the catalog), and every name and config number the core knows is
// defined there. A default changed in code, or a name or field added, fails here until the
// docs follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CATALOG, core } from './support/kinds.ts';
import { root } from './support/paths.ts';

const docs = fs.readFileSync(path.join(root, 'docs/definitions.md'), 'utf8');

/** The config the core writes for a run of `config`: every field its kinds read. */
function written(config: object): Record<string, unknown> {
  const run = new core.Trainer(JSON.stringify({ version: 1, ...config }));
  try {
    assert.equal(run.problems(), '', JSON.stringify(config));
    return JSON.parse(run.config());
  } finally {
    run.delete();
  }
}
// The default config leaves out the fields its kinds do not read (momentum under sgd, say):
// their defaults are the ones the core writes for the kinds that read them.
const defaults = [
  JSON.parse(core.defaultConfig()),
  ...CATALOG.optimizers.map((o) => written({ optimizer: { kind: o.name } })),
  ...CATALOG.bias_inits.map((b) => written({ init: { bias: b.name } })),
];

/** The text of the section "## title". */
function section(title: string): string {
  const start = docs.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `docs/definitions.md has no section "${title}"`);
  const end = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, end < 0 ? undefined : end);
}

/** A documented value: true/false, a JSON array, a number or fraction (1/3), else a name. */
function parse(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.startsWith('[')) return JSON.parse(text);
  const fraction = /^(-?[\d.]+)\/([\d.]+)$/.exec(text);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  const n = Number(text);
  return text !== '' && !Number.isNaN(n) ? n : text;
}

/** Equal as the core stores it: numbers as float32. */
function same(documented: unknown, code: unknown): boolean {
  if (typeof documented === 'number' && typeof code === 'number')
    return Math.fround(documented) === Math.fround(code);
  return JSON.stringify(documented) === JSON.stringify(code);
}

/** A config's value at a path; network.* are every hidden layer's settings. */
function valueAt(config: Record<string, unknown>, field: string): unknown {
  const layers = (config.network as { hidden: Record<string, unknown>[] }).hidden;
  if (field === 'network.hidden') return layers.map((l) => l.units);
  if (field === 'network.hidden[].units') return layers[0].units;
  if (field.startsWith('network.')) return layers[0][field.slice('network.'.length)];
  let value: unknown = config;
  for (const key of field.split('.'))
    value = value === undefined ? undefined : (value as Record<string, unknown>)[key];
  return value;
}

/** The code's default of a field: the first of `defaults` that has it. */
function codeDefault(field: string): unknown {
  return defaults.map((config) => valueAt(config, field)).find((v) => v !== undefined);
}

/** Every [field, default] the page states: Config table rows, and "`field`, default `v`". */
function statedDefaults(): [string, string][] {
  const rows = section('Config').matchAll(/^\| `([\w.[\]]+)` \| `([^`]+)` \|/gm);
  const prose = docs.matchAll(/`([\w.[\]]+)`,?\s+\(?default\s+`([^`]+)`/g);
  return [...rows, ...prose].map((m) => [m[1], m[2]]);
}

test('every default docs/definitions.md states is the code default', () => {
  const stated = statedDefaults();
  // The Config table alone has more than 30 checked rows: a parser that finds few is broken.
  assert.ok(stated.length > 30, `only ${stated.length} defaults found`);
  for (const [field, text] of stated) {
    const code = codeDefault(field);
    assert.notEqual(code, undefined, `docs state a default for ${field}, which the code lacks`);
    assert.ok(same(parse(text), code), `${field}: docs say ${text}, the code ${String(code)}`);
  }
});

test('every config number the catalog lists is in the Config table', () => {
  const config = section('Config');
  for (const field of Object.keys(CATALOG.fields))
    assert.ok(config.includes(`\`${field}\``), `${field} is not documented`);
});

test("every activation's row states the catalog's default parameters", () => {
  const rows = new Map(
    [...section('Activations').matchAll(/^\| `(\w+)` \|.*\| ([^|]*) \|$/gm)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  type Kind = (typeof CATALOG.activations)[number] & {
    default_lower: number;
    default_upper: number;
  };
  for (const kind of CATALOG.activations as Kind[]) {
    const cell = rows.get(kind.name);
    assert.ok(cell !== undefined, `no row for ${kind.name}`);
    const alpha = /α = `([^`]+)`/.exec(cell);
    assert.equal(alpha !== null, kind.alpha, `${kind.name}: an α default iff the kind has α`);
    if (alpha) assert.ok(same(parse(alpha[1]), kind.default_alpha), `${kind.name}: α`);
    const bounds = /l = `([^`]+)`, u = `([^`]+)`/.exec(cell);
    assert.equal(bounds !== null, kind.lower_upper, `${kind.name}: bounds iff the kind has them`);
    if (bounds) {
      assert.ok(same(parse(bounds[1]), kind.default_lower), `${kind.name}: lower`);
      assert.ok(same(parse(bounds[2]), kind.default_upper), `${kind.name}: upper`);
    }
  }
  assert.equal(rows.size, CATALOG.activations.length, 'a row for a kind the core does not know');
});

test('every name the core knows is defined in its section', () => {
  const named: [string, { name: string }[], (name: string) => string][] = [
    ['Initializers', CATALOG.weight_inits, (n) => `\`${n}\``],
    ['Initializers', CATALOG.bias_inits, (n) => `\`${n}\``],
    ['Optimizers and penalties', CATALOG.optimizers, (n) => `\`${n}\``],
    ['Losses', CATALOG.losses, (n) => `\`${n}\``],
    ['Datasets', CATALOG.datasets, (n) => `**${n}**`],
  ];
  for (const [title, table, spelled] of named) {
    const text = section(title);
    for (const { name } of table) assert.ok(text.includes(spelled(name)), `${title}: ${name}`);
  }
});
