// docs/definitions.md against the core: every default it states in backticks equals the code's
// (the default config and the catalog), every name and config number the core knows is
// defined there, each kind's "reads" cell is what the core reads and refuses, and the limits
// it states are the catalog's. A default, a name, a field or a limit changed in code fails
// here until the docs follow.
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

type Catalog = typeof CATALOG;
type Range = Catalog['fields'][string];
/** The catalog with the parts only this file reads. */
const catalog = CATALOG as Omit<Catalog, 'activations' | 'weight_inits'> & {
  activations: (Catalog['activations'][number] & {
    default_lower: number;
    default_upper: number;
  })[];
  weight_inits: { name: string; draws_bias: boolean }[];
  init_grid_fields: Record<string, Range>;
  init_grid_max_work: number;
  unit_map_fields: Record<string, Range>;
  unit_map_max_values: number;
};

/** The text of the section "## title". */
function section(title: string): string {
  const start = docs.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `docs/definitions.md has no section "${title}"`);
  const end = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, end < 0 ? undefined : end);
}

/** The rows of the section's table headed `| first | ...`, by the name in their first cell. */
function tableOf(title: string, first: string): Map<string, Record<string, string>> {
  const lines = section(title).split('\n');
  const at = lines.findIndex((line) => line.startsWith(`| ${first} |`));
  assert.ok(at >= 0, `${title}: no table headed "${first}"`);
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
  const headers = cells(lines[at]);
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    const row = cells(line);
    const name = /^`(\w+)`$/.exec(row[0]);
    assert.ok(name && row.length === headers.length, `${title}: a row out of shape: ${line}`);
    rows.set(name[1], Object.fromEntries(headers.map((h, i) => [h, row[i]])));
  }
  return rows;
}

/** The names a cell lists in backticks; none for "—". */
function namesIn(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
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

/** A count as the prose writes it: 100,000, 4·10⁹, 2²². */
function count(text: string): number {
  const digits = (s: string) => Number([...s].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).join(''));
  const power = /^(?:([\d.]+)·)?(\d+)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (power) return Number(power[1] ?? 1) * Number(power[2]) ** digits(power[3]);
  return Number(text.replace(/,/g, ''));
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

/** The fields the core refuses in `config` (validateConfig's problems), by path. */
function refused(config: object): string[] {
  const problems = core.validateConfig(JSON.stringify({ version: 1, ...config }));
  return problems === '' ? [] : JSON.parse(problems).map((p: { field: string }) => p.field);
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
  const rows = tableOf('Activations', 'kind');
  for (const kind of catalog.activations) {
    const row = rows.get(kind.name);
    assert.ok(row !== undefined, `no row for ${kind.name}`);
    const alpha = /α = `([^`]+)`/.exec(row.default);
    assert.equal(alpha !== null, kind.alpha, `${kind.name}: an α default iff the kind has α`);
    if (alpha) assert.ok(same(parse(alpha[1]), kind.default_alpha), `${kind.name}: α`);
    const bounds = /l = `([^`]+)`, u = `([^`]+)`/.exec(row.default);
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
    ['Initializers', CATALOG.he_gains, (n) => `\`${n}\``],
    ['Optimizers and penalties', CATALOG.optimizers, (n) => `\`${n}\``],
    ['Losses', CATALOG.losses, (n) => `\`${n}\``],
    ['Datasets', CATALOG.datasets, (n) => `**${n}**`],
  ];
  for (const [title, table, spelled] of named) {
    const text = section(title);
    for (const { name } of table) assert.ok(text.includes(spelled(name)), `${title}: ${name}`);
  }
});

// Each field is given alone, with a value its kinds accept; a kind's "reads" cell must be
// exactly the fields the core takes from it, and every other field must come back as a
// problem naming it.
test('each activation reads the fields its row says, and the core refuses the others', () => {
  const values: Record<string, unknown> = {
    alpha: 0.1,
    lower: 0.1,
    upper: 0.2,
    prelu_per_unit: true,
  };
  const rows = tableOf('Activations', 'kind');
  for (const { name } of CATALOG.activations) {
    const reads = namesIn(rows.get(name)!.reads);
    for (const [field, value] of Object.entries(values)) {
      const layer = refused({
        network: { hidden: [{ units: 2, activation: name, [field]: value }] },
      });
      const network = refused({ network: { activation: name, [field]: value } });
      const expected = reads.includes(field) ? [] : [field];
      assert.deepEqual(
        layer,
        expected.map((f) => `network.hidden[0].${f}`),
        `${name}: ${field}`,
      );
      assert.deepEqual(
        network,
        expected.map((f) => `network.${f}`),
        `${name}: network.${field}`,
      );
    }
    assert.deepEqual(
      reads.filter((f) => !(f in values)),
      [],
      `${name} reads a field this test does not try`,
    );
  }
});

test('each optimizer reads the fields its row says, and the core refuses the others', () => {
  const values: Record<string, unknown> = {
    lr: 0.01,
    momentum: 0.5,
    nesterov: true,
    beta1: 0.8,
    beta2: 0.99,
    eps: 1e-7,
  };
  const rows = tableOf('Optimizers and penalties', 'optimizer');
  assert.equal(rows.size, CATALOG.optimizers.length, 'a row for a kind the core does not know');
  for (const o of CATALOG.optimizers) {
    const reads = namesIn(rows.get(o.name)!.reads);
    assert.deepEqual(
      reads,
      [
        'lr',
        ...(o.uses_momentum ? ['momentum', 'nesterov'] : []),
        ...(o.uses_moments ? ['beta1', 'beta2', 'eps'] : []),
      ].sort(),
      `${o.name}: the catalog's uses_momentum and uses_moments`,
    );
    for (const [field, value] of Object.entries(values)) {
      const expected = reads.includes(field) ? [] : [`optimizer.${field}`];
      assert.deepEqual(refused({ optimizer: { kind: o.name, [field]: value } }), expected);
    }
  }
});

test('each initializer states what it does with the biases, as the core does', () => {
  const weights = tableOf('Initializers', 'weights');
  const biases = tableOf('Initializers', 'bias');
  assert.equal(weights.size, catalog.weight_inits.length, 'a weights row the core does not know');
  assert.equal(biases.size, CATALOG.bias_inits.length, 'a bias row the core does not know');
  for (const b of CATALOG.bias_inits) {
    assert.deepEqual(namesIn(biases.get(b.name)!.reads), b.uses_value ? ['init.bias_value'] : []);
    // Read by constant only, and refused with the others, as the docs say.
    const expected = b.uses_value ? [] : ['init.bias_value'];
    assert.deepEqual(refused({ init: { bias: b.name, bias_value: 0.5 } }), expected, b.name);
  }
  for (const w of catalog.weight_inits) {
    const cell = weights.get(w.name)!.biases;
    const drawsBias = cell.includes('`init.bias` must be `zero`');
    assert.equal(drawsBias, w.draws_bias, `${w.name}: the catalog's draws_bias`);
    if (!drawsBias) assert.equal(cell, '`init.bias`', w.name);
    for (const b of CATALOG.bias_inits) {
      const expected = drawsBias && b.name !== 'zero' ? ['init.bias'] : [];
      assert.deepEqual(refused({ init: { weights: w.name, bias: b.name } }), expected, w.name);
    }
  }
});

test("the Config section's example of a refused field is the core's message", () => {
  const example = /so `(\{[^`]+\})` is refused with one problem, `([^`]+)`/.exec(
    section('Config').replace(/\s+/g, ' '),
  );
  assert.ok(example, 'the Config section has no example of a refused field');
  const problems: { field: string; value: string; message: string }[] = JSON.parse(
    core.validateConfig(example[1]),
  );
  assert.deepEqual(
    problems.map((p) => `${p.field} = ${p.value}: ${p.message}`),
    [example[2]],
  );
});

test("every limit the docs state is the catalog's", () => {
  const hidden = CATALOG.fields['network.hidden'];
  const tau = CATALOG.fields['training.dormant_tau'];
  const grid = catalog.init_grid_fields;
  const side = catalog.unit_map_fields.width;
  const stated: [string, RegExp, number[]][] = [
    ['Network', /(\d+) to (\d+) hidden layers/, [hidden.min, hidden.max]],
    ['Network', /A model file holds (\d+) to (\d+) layers/, [1, hidden.max + 1]],
    ['Statistics', /`training.dormant_tau`.*allowed \[(\d+), (\d+)\]/, [tau.min, tau.max]],
    [
      'Born dead at initialization',
      /`depths` \(each (\d+) to (\d+)\)/,
      [grid['depths[]'].min, grid['depths[]'].max],
    ],
    [
      'Born dead at initialization',
      /`widths` \(each (\d+) to ([\d,]+)\)/,
      [grid['widths[]'].min, grid['widths[]'].max],
    ],
    ['Born dead at initialization', /at most (\d+) of each/, [grid.depths.max]],
    ['Born dead at initialization', /at most (\d+) of each/, [grid.widths.max]],
    [
      'Born dead at initialization',
      /`seeds` from (\d+) to ([\d,]+)/,
      [grid.seeds.min, grid.seeds.max],
    ],
    [
      'Born dead at initialization',
      /at most (\S+)\s+\(`kGridMaxWork`\)/,
      [catalog.init_grid_max_work],
    ],
    ['Unit maps', /Each side (\d+) to (\d+) \(`kUnitMapSideRange`\)/, [side.min, side.max]],
    ['Unit maps', /at most (\S+) \(`kMaxUnitMapValues`\)/, [catalog.unit_map_max_values]],
  ];
  for (const [title, pattern, code] of stated) {
    const m = pattern.exec(section(title).replace(/\s+/g, ' '));
    assert.ok(m, `${title}: no ${pattern}`);
    assert.deepEqual(m.slice(1).map(count), code, `${title}: ${pattern}`);
  }
});
