// `leaky-lab` against what a careless or hostile user hands it: every bad file, flag and
// output answered with one line on stderr naming what is wrong and a non-zero status;
// nothing crashes, aborts, or reports a success it did not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath } from './support/paths.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaky-cli-hostile-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], stdio: StdioOptions = 'pipe') {
  const r = spawnSync(cliPath, args, { encoding: 'utf8', stdio });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(
    p,
    typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content),
  );
  return p;
}

/** Status 2, nothing on stdout, one line on stderr matching `message`, no raw control byte. */
function refused(r: ReturnType<typeof cli>, message: RegExp) {
  assert.equal(r.signal, null, 'no crash');
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, message);
  assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.doesNotMatch(r.stderr.trimEnd(), /[\x00-\x1f\x7f]/, 'control characters are escaped');
}

const small = {
  version: 1,
  seed: 3,
  data: { kind: 'xor', points: 60 },
  network: { activation: 'leaky_relu', hidden: [6, 4] },
  training: { batch_size: 10, steps: 20, eval_every: 10 },
};
const smallPath = file('small.json', small);
const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

test('nested JSON: 64 levels are read (and judged as values); 65 and 100,000 are refused', () => {
  const at = cli(['train', '--config', file('at.json', `{"version":1,"seed":${nest(63)}}`)]);
  refused(at, /seed = \[\[\[.*: must be a whole number/);
  for (const depth of [64, 100000]) {
    const r = cli(['train', '--config', file(`deep${depth}.json`, `{"seed":${nest(depth)}}`)]);
    refused(r, /nested deeper than 64 levels \(at seed\[0\]\[0\].*\); 64 is the limit/);
  }
});

test('files that are not configs: empty, binary, a directory, too large, a BOM, CRLF', () => {
  refused(cli(['train', '--config', file('empty.json', '')]), /config: not valid JSON: line 1/);
  const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0xff, 0xfe, 0x1b]);
  refused(cli(['train', '--config', file('binary.json', binary)]), /not valid JSON/);
  refused(cli(['train', '--config', dir]), /--config: cannot read '.*': it is a directory/);
  refused(cli(['train', '--config', smallPath, '--data', dir]), /--data: .*it is a directory/);
  refused(cli(['train', '--config', smallPath, '--model', dir]), /--model: .*it is a directory/);
  refused(cli(['train', '--config', smallPath, '--out', dir]), /cannot write --out '.*': it is a/);
  const huge = file('huge.json', '{"version":1}' + ' '.repeat(2 << 20));
  refused(cli(['train', '--config', huge]), /is larger than the 1 MiB a config may have/);
  const bom = file('bom.json', '\ufeff' + JSON.stringify(small).replace(/,/g, ',\r\n'));
  assert.equal(cli(['train', '--config', bom]).status, 0);
});

test('values: duplicate keys, NaN strings, huge numbers, fields the kind does not read', () => {
  const cases: [object | string, RegExp][] = [
    ['{"version":1,"seed":1,"seed":2}', /config: "seed" is given twice/],
    [{ version: 1, optimizer: { lr: 'NaN' } }, /optimizer\.lr = "NaN": must be a number within/],
    ['{"version":1,"seed":1e999}', /line 1, column \d+: number overflow parsing '1e999'/],
    [{ version: 1, data: { points: 1e300 } }, /data\.points = 1e\+300: must be a whole number/],
    ['{"version":1,"seed":18446744073709551616}', /seed = 1\.8446744073709552e\+19: must be a/],
    [
      { version: 1, optimizer: { kind: 'sgd', momentum: 0.9 } },
      /optimizer\.momentum = 0\.9: has no effect: optimizer\.kind sgd does not read it/,
    ],
    [{ version: 1, network: { activation: 'relu', alpha: 0.1 } }, /network\.alpha.*no alpha/],
    [
      { version: 1, network: { hidden: [{ units: 2, activation: 'tanh', lower: 0.1 }] } },
      /network\.hidden\[0\]\.lower = 0\.1: has no effect/,
    ],
  ];
  cases.forEach(([config, message], i) =>
    refused(cli(['train', '--config', file(`value${i}.json`, config)]), message),
  );
});

test('control characters and invalid UTF-8 are escaped in every message', () => {
  const evil = file('evil\x1b[31m.json', '{"version":1,"optimizer":{"kind":"\xff"}}');
  const r = cli(['train', '--config', evil]);
  refused(r, /--config '.*evil\\x1b\[31m\.json'/);
  const bytes = file(
    'bytes.json',
    Buffer.from('{"version":1,"optimizer":{"kind":"\xff"}}', 'latin1'),
  );
  refused(cli(['train', '--config', bytes]), /ill-formed UTF-8 byte; last read: '"\\xff'/);
  refused(cli(['train', '--config', smallPath, '--steps', '\x07\x1b[2J']), /got '\\x07\\x1b\[2J'/);
  refused(
    cli(['train', '--config', smallPath, '--bogus\x9b']),
    /unknown option '--bogus\\xc2\\x9b'/,
  );
});

test('numbers in options are parsed strictly', () => {
  for (const bad of ['0x10', ' 5', '5 ', '1e', 'inf', 'nan', '', '1,5'])
    refused(
      cli(['train', '--config', smallPath, '--steps', bad]),
      /--steps must be a whole number/,
    );
  assert.equal(cli(['train', '--config', smallPath, '--steps', '1e1']).status, 0);
  refused(cli(['activation', '--kind', 'elu', '--alpha', '0x1', '--x', '1']), /--alpha must be a/);
  refused(cli(['activation', '--kind', 'relu', '--x', '0x10']), /--x must be comma-separated/);
  refused(cli(['sweep', '--config', smallPath, '--alpha', '0.1', '--seeds', '+0x2']), /--seeds/);
});

test('activation: --alpha, --lower, --upper and --seed refused where the kind ignores them', () => {
  refused(cli(['activation', '--kind', 'relu', '--alpha', '0.2', '--x', '1']), /relu has no alpha/);
  refused(
    cli(['activation', '--kind', 'leaky_relu', '--lower', '0.1', '--x', '1']),
    /--lower: leaky_relu has no lower and upper bounds/,
  );
  refused(
    cli(['activation', '--kind', 'rrelu', '--seed', '3', '--x', '1']),
    /--seed applies to rrelu's --training noise only/,
  );
});

test('a model from another config is refused before training', () => {
  const model = path.join(dir, 'model.json');
  assert.equal(cli(['train', '--config', smallPath, '--save-model', model]).status, 0);
  const wider = file('wider.json', { ...small, network: { ...small.network, hidden: [6, 4, 3] } });
  refused(
    cli(['train', '--config', wider, '--model', model]),
    /model\.layers = 2 hidden layers: 6, 4: the config's network\.hidden has 3: 6, 4, 3/,
  );
  const relu = file('relu.json', { ...small, network: { activation: 'relu', hidden: [6, 4] } });
  refused(cli(['train', '--config', relu, '--model', model]), /model\.layers\[0\] = 6 leaky_relu/);
  refused(cli(['train', '--config', smallPath, '--model', smallPath]), /--model '.*': format/);
});

test('runs too large for the memory budget are refused, naming the fields that drive them', () => {
  const hidden = Array(16).fill(1024);
  const big = file('big.json', {
    version: 1,
    data: { kind: 'spiral', points: 100000 },
    network: { hidden },
    training: { batch_size: 99000, steps: 1 },
  });
  refused(
    cli(['train', '--config', big]),
    /training\.batch_size, network\.hidden = 50000 rows x 16384 hidden units: the run would need about [\d.]+ GiB of memory, more than the memory budget of 2 GiB \(--memory-budget/,
  );
  refused(cli(['sweep', '--config', big, '--alpha', '0.1']), /more than the memory budget/);
  // A smaller budget refuses smaller runs; several runs at once share it.
  const mid = file('mid.json', { ...small, network: { hidden: [1024, 1024, 1024] } });
  assert.equal(cli(['train', '--config', mid, '--steps', '0']).status, 0);
  refused(cli(['train', '--config', mid, '--memory-budget', '16']), /memory budget of 16 MiB/);
  refused(
    cli([
      'sweep',
      '--config',
      mid,
      '--alpha',
      '0.1',
      '--seeds',
      '8',
      '--jobs',
      '8',
      '--memory-budget',
      '100',
    ]),
    /8 runs at once would need about .*; or fewer runs at once \(--jobs\)/,
  );
  refused(
    cli(['train', '--config', mid, '--memory-budget', '1']),
    /--memory-budget must be a whole number within \[16, 1048576\]/,
  );
  // Epochs that come to more steps than allowed.
  const epochs = file('epochs.json', {
    ...small,
    data: { kind: 'xor', points: 100000 },
    training: { batch_size: 1, epochs: 1000000 },
  });
  refused(
    cli(['train', '--config', epochs]),
    /training\.epochs = 1000000: .* are 50000000000 steps/,
  );
});

test('a sweep of too many runs is refused before it starts', () => {
  const alphas = Array.from({ length: 1000 }, (_, i) => i / 1000).join(',');
  refused(
    cli(['sweep', '--config', smallPath, '--alpha', alphas, '--seeds', '10000']),
    /the sweep's runs = 10000000: a sweep's runs \(combinations x alphas x seeds; one alpha for a network that reads none\) must be a whole number within \[1, 1000000\]/,
  );
  // A sweep within the bound, but more runs than one process keeps: split into shards.
  refused(
    cli(['sweep', '--config', smallPath, '--alpha', alphas, '--seeds', '200']),
    /--shard 1\/1: 200000 of the sweep's 200000 runs; one process's runs must be a whole number within \[1, 100000\] \(split it into more shards\)/,
  );
});

test('every write is checked: a full disk exits 2 naming the path and the reason', () => {
  const full = '/dev/full';
  refused(
    cli(['train', '--config', smallPath, '--out', full]),
    /cannot write --out '\/dev\/full': No space left/,
  );
  refused(
    cli(['train', '--config', smallPath, '--save-model', full], ['ignore', 'ignore', 'pipe']),
    /cannot write --save-model '\/dev\/full': No space/,
  );
  refused(
    cli(['sweep', '--config', smallPath, '--alpha', '0.1', '--out', full]),
    /cannot write --out/,
  );
  const toFull: StdioOptions = ['ignore', fs.openSync(full, 'w'), 'pipe'];
  refused(cli(['train', '--config', smallPath], toFull), /train: cannot write to stdout: No space/);
  refused(
    cli(['sweep', '--config', smallPath, '--alpha', '0.1'], toFull),
    /cannot write to stdout/,
  );
  refused(cli(['catalog'], toFull), /leaky-lab: cannot write to stdout: No space/);
  refused(cli(['activation', '--kind', 'relu', '--x', '1'], toFull), /cannot write to stdout/);
});

test('a run that diverges on an enormous input says so, not "lower the learning rate"', () => {
  const rows = ['a,b,y'];
  for (let i = 0; i < 40; i++) rows.push(`${i % 7},${i % 2 ? '3e38' : '-3e38'},${i % 3}`);
  const csv = file('enormous.csv', rows.join('\r\n'));
  const config = file('csv.json', {
    ...small,
    data: { csv: { task: 'regression' } },
    training: { batch_size: 20, steps: 20 },
  });
  const r = cli(['train', '--config', config, '--data', csv]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /diverged at step 0: .*before any update.*input b reaches 3e\+38/);
  assert.doesNotMatch(r.stderr, /lower learning rate/);
});

test('the budget, the limits and their options are in --help and the catalog', () => {
  assert.match(cli(['train', '--help']).stdout, /--memory-budget MiB .*default 2048/);
  assert.match(cli(['sweep', '--help']).stdout, /--memory-budget MiB/);
  const limits = JSON.parse(cli(['catalog']).stdout).limits;
  assert.equal(limits.json_depth, 64);
  assert.equal(limits.memory_budget_mib, 2048);
  assert.equal(limits.memory_budget_option, '--memory-budget');
  assert.equal(limits.browser_memory_budget_mib, 512);
  assert.equal(limits.sweep_runs.max, 1000000);
  assert.equal(limits.sweep_shard_runs.max, 100000);
  assert.equal(limits.config_bytes, 1 << 20);
});
