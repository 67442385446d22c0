// Writes the generated part of the fuzz seed corpora (tests/fuzz/seeds/<harness>/gen-*), after a
// build: configs for every name and every numeric bound `leaky-lab catalog` lists, the
// defaults, models saved by `leaky-lab train --save-model`, and the large hand-made inputs
// (deep nesting, size limits) that libFuzzer's 4 KB inputs never reach. The hand-written seeds
// (README's example, the CSV files) sit beside them. Also writes libFuzzer's dictionaries
// (tests/fuzz/dict/<harness>.dict): the words each format is made of, and edge numbers.
// Run: node --import tsx tests/fuzz/make-seeds.ts
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, root, wasmDist } from '../js/support/paths.ts';

const seeds = path.join(root, 'tests/fuzz/seeds');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leaky-seeds-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]): string {
  const r = spawnSync(cliPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`leaky-lab ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// Replaces the generated seeds of one harness; one that tests/fuzz/known-failures holds under
// the same name stays there (it fails until the core is fixed; then it moves back).
function generated(harness: string, files: Record<string, string>) {
  const dir = path.join(seeds, harness);
  const known = path.join(root, 'tests/fuzz/known-failures', harness);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (f.startsWith('gen-')) fs.rmSync(path.join(dir, f));
  for (const [name, text] of Object.entries(files))
    if (!fs.existsSync(path.join(known, `gen-${name}`)))
      fs.writeFileSync(path.join(dir, `gen-${name}`), text);
}

const catalog = JSON.parse(cli('catalog'));
const json = (v: unknown) => JSON.stringify(v) + '\n';
const config = (over: Record<string, unknown>) => json({ version: 1, ...over });

// --- configs ---------------------------------------------------------------------------------
const configs: Record<string, string> = {};
const require = createRequire(import.meta.url);
const core = await require(path.join(wasmDist, 'leaky_node.cjs'))();
configs['default.json'] = core.defaultConfig() + '\n';

for (const a of catalog.activations) {
  const layer: Record<string, unknown> = { units: 2, activation: a.name };
  if (a.alpha) layer.alpha = a.default_alpha;
  if (a.lower_upper) Object.assign(layer, { lower: a.default_lower, upper: a.default_upper });
  if (a.name === 'prelu') layer.prelu_per_unit = true;
  configs[`activation-${a.name}.json`] = config({
    network: { activation: a.name, hidden: [3, layer] },
  });
}
for (const d of catalog.datasets)
  configs[`data-${d.name}.json`] = config({
    data: { kind: d.name, points: 50, noise: 0.1, features: { x_squared: true, sin: true } },
  });
for (const w of catalog.weight_inits)
  configs[`init-${w.name}.json`] = config({ init: { weights: w.name } });
for (const b of catalog.bias_inits)
  configs[`bias-${b.name}.json`] = config({
    init: { bias: b.name, ...(b.uses_value ? { bias_value: 0.1 } : {}) },
  });
for (const o of catalog.optimizers) {
  const extra = o.uses_momentum ? { momentum: 0.9, nesterov: true } : {};
  const moments = o.uses_moments ? { beta1: 0.9, beta2: 0.999, eps: 1e-8 } : {};
  configs[`optimizer-${o.name}.json`] = config({
    optimizer: { kind: o.name, lr: 0.01, ...extra, ...moments },
  });
}
for (const l of catalog.losses) configs[`loss-${l.name}.json`] = config({ loss: l.name });
configs['csv-options.json'] = config({
  data: { csv: { task: 'regression', target_column: 2, header: true } },
});

// Every numeric field at both ends of its range (an open end is itself refused).
function setPath(doc: Record<string, any>, field: string, value: number) {
  if (field === 'network.hidden') {
    doc.network = { hidden: Array(value).fill(1) };
    return;
  }
  const keys = field.split('.');
  let node = doc;
  for (const k of keys.slice(0, -1)) {
    if (k.endsWith('[]')) {
      const item = {};
      node[k.slice(0, -2)] = [item];
      node = item;
    } else node = node[k] ??= {};
  }
  node[keys[keys.length - 1]] = value;
}
for (const [field, range] of Object.entries<any>(catalog.fields))
  for (const end of ['min', 'max']) {
    const doc: Record<string, any> = { version: 1 };
    setPath(doc, field, range[end]);
    configs[`field-${field.replace('[]', '')}-${end}.json`] = json(doc);
  }

// Large, hand-made: nesting far deeper than any config, and lists and strings past every limit.
const deep = (n: number, open: string, close: string) => open.repeat(n) + close.repeat(n);
configs['large-deep-array.json'] = config({}).replace(
  '}',
  `,"network":{"hidden":${deep(20000, '[', ']')}}}`,
);
configs['large-deep-object.json'] = `{"version":1,"data":${deep(20000, '{"a":', '}').replace(
  /:}/,
  ':1}',
)}}\n`;
configs['large-many-layers.json'] = config({ network: { hidden: Array(20000).fill(1) } });
configs['large-widest.json'] = config({ network: { hidden: Array(16).fill(1024) } });
configs['large-long-string.json'] = config({ data: { kind: 'x'.repeat(50000) } });
configs['large-numbers.json'] =
  '{"version":1,"seed":1e400,"data":{"points":-1e400,"noise":1e-400},"network":{"alpha":3.5e38}}\n';
generated('config', configs);

// --- models ----------------------------------------------------------------------------------
const models: Record<string, string> = {};
function save(name: string, run: Record<string, unknown>, data?: string) {
  const configPath = path.join(tmp, 'config.json');
  const modelPath = path.join(tmp, 'model.json');
  fs.writeFileSync(configPath, config({ seed: 3, ...run }));
  const extra = data ? ['--data', data] : [];
  cli(
    'train',
    '--config',
    configPath,
    '--steps',
    '20',
    '--out',
    os.devNull,
    '--save-model',
    modelPath,
    ...extra,
  );
  models[name] = fs.readFileSync(modelPath, 'utf8');
}
const xor = { kind: 'xor', points: 40 };
for (const a of catalog.activations)
  save(`${a.name}.json`, { data: xor, network: { activation: a.name, hidden: [3, 2] } });
save('prelu-per-unit.json', {
  data: xor,
  network: { activation: 'prelu', prelu_per_unit: true, hidden: [3] },
});
save('mixed-layers.json', {
  data: xor,
  network: {
    hidden: [
      { units: 2, activation: 'elu', alpha: -0.5 },
      { units: 2, activation: 'rrelu', lower: 0, upper: 2 },
    ],
  },
});
save('mse-sine.json', { data: { kind: 'sine', points: 40 }, network: { hidden: [3] } });
save('softmax.json', { data: xor, loss: 'softmax_ce', network: { hidden: [3] } });
save('features.json', {
  data: { ...xor, features: { x_squared: true, x1x2: true, sin: true } },
  network: { hidden: [2] },
});
save('no-hidden.json', { data: xor, network: { hidden: [] } });
const csvPath = path.join(tmp, 'named.csv');
fs.writeFileSync(csvPath, '"a ""quoted"" name",é,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n');
save(
  'input-names.json',
  { data: { csv: { task: 'binary_classification' } }, network: { hidden: [2] } },
  csvPath,
);
// Large: every layer there may be, and the widest one.
save('large-deepest.json', { data: xor, network: { hidden: Array(16).fill(2) } });
save('large-widest.json', { data: xor, network: { hidden: [1024] } });
// Hand-made from a saved model: weights at the edge of float range (the forward pass
// overflows) and written in every form a float may take.
const small = JSON.parse(models['leaky_relu.json']);
small.layers[0].weights = small.layers[0].weights.map((_: number, i: number) =>
  i % 2 ? 3.4028234663852886e38 : -3.4028234663852886e38,
);
models['edge-huge-weights.json'] = json(small);
models['edge-number-forms.json'] = models['relu.json'].replace(
  /"bias":\[[^\]]*\]/,
  '"bias":[-0.0,1E-45,4.5e-46]',
);
models['large-deep-array.json'] = models['relu.json'].replace(
  '"layers":',
  `"extra":${deep(20000, '[', ']')},"layers":`,
);
generated('model', models);

// --- CSV -------------------------------------------------------------------------------------
const rows = (n: number, row: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n';
generated('csv', {
  'large-too-many-rows.csv': rows(100001, (i) => `${i % 7},${i % 2}`),
  'large-most-rows.csv': rows(100000, (i) => `${i % 10};${i % 2}`),
  'large-too-many-columns.csv': rows(3, (i) =>
    Array(1001)
      .fill(i % 2)
      .join(','),
  ),
  'large-many-problems.csv': 'x,y\n' + rows(100, (i) => (i % 2 ? 'a,b' : '1,nan')),
  'large-long-field.csv': `${'9'.repeat(50000)},1\n1,0\n`,
});

// --- dictionaries ------------------------------------------------------------------------------
// Numbers at the edges of float32, of the ranges and of the integers the core converts to.
const edgeNumbers = [
  '0',
  '-0',
  '-0.0',
  '1e-50',
  '1.4e-45',
  '1e-30',
  '0.99999999',
  '1.00000001',
  '3.4028234663852886e38',
  '3.4028235e+38',
  '3.5e38',
  '1e308',
  '1e400',
  '-1e400',
  '2147483648',
  '-2147483649',
  '4294967296',
  '9007199254740993',
  '1e9',
  '1e20',
  '1024',
  '1025',
  '16',
  '17',
  '100000',
  '100001',
  '4096',
  '4097',
];
// libFuzzer's dictionary format: one quoted word a line, only \\, \" and \xNN escapes.
function dictionary(harness: string, words: string[]) {
  const escape = (w: string) =>
    [...Buffer.from(w, 'utf8')]
      .map((b) =>
        b === 0x22 || b === 0x5c
          ? '\\' + String.fromCharCode(b)
          : b >= 0x20 && b < 0x7f
            ? String.fromCharCode(b)
            : '\\x' + b.toString(16).padStart(2, '0'),
      )
      .join('');
  const dir = path.join(root, 'tests/fuzz/dict');
  fs.mkdirSync(dir, { recursive: true });
  const lines = [...new Set(words)].map((w) => `"${escape(w)}"`);
  fs.writeFileSync(path.join(dir, `${harness}.dict`), lines.join('\n') + '\n');
}
// Every key of a JSON document, as `"key":`.
function keys(doc: unknown, out: string[] = []): string[] {
  if (Array.isArray(doc)) doc.forEach((d) => keys(d, out));
  else if (doc && typeof doc === 'object')
    for (const [k, v] of Object.entries(doc)) {
      out.push(`"${k}":`);
      keys(v, out);
    }
  return out;
}
const quoted = (names: string[]) => names.map((n) => `"${n}"`);
const jsonWords = [
  '{',
  '}',
  '[',
  ']',
  ',',
  'true',
  'false',
  'null',
  '"NaN"',
  '"Infinity"',
  '\\u0000',
];
const kindNames = catalog.activations.map((a: { name: string }) => a.name);
dictionary('config', [
  ...keys(JSON.parse(core.defaultConfig())),
  ...keys(JSON.parse(configs['activation-rrelu.json'])),
  ...keys(JSON.parse(configs['csv-options.json'])),
  ...keys(JSON.parse(configs['optimizer-adam.json'])),
  ...quoted(kindNames),
  ...quoted(catalog.datasets.map((d: { name: string }) => d.name)),
  ...quoted(catalog.weight_inits.map((w: { name: string }) => w.name)),
  ...quoted(catalog.bias_inits.map((b: { name: string }) => b.name)),
  ...quoted(catalog.optimizers.map((o: { name: string }) => o.name)),
  ...quoted(catalog.losses.map((l: { name: string }) => l.name)),
  ...quoted(['binary_classification', 'regression']),
  ...jsonWords,
  ...edgeNumbers,
]);
dictionary('model', [
  ...keys(JSON.parse(models['prelu-per-unit.json'])),
  ...keys(JSON.parse(models['mixed-layers.json'])),
  ...quoted(kindNames),
  ...quoted(catalog.losses.map((l: { name: string }) => l.name)),
  '"leaky-lab-model"',
  ...jsonWords,
  ...edgeNumbers,
]);
dictionary('csv', [
  ',',
  ';',
  '\t',
  '\r\n',
  '\n',
  '"',
  '""',
  ' ',
  '\ufeff',
  'nan',
  'inf',
  '-Infinity',
  'NaN',
  'e+',
  'e-',
  'E',
  '.',
  '+',
  '-',
  'x1,x2,label',
  '0,1',
  '-1',
  '1e39',
  ...edgeNumbers,
]);
