// `leaky-lab sweep` beyond alpha and seeds: every activation kind, the second factors, the data
// it names, shards run under GNU parallel and joined by `leaky-lab merge` (equal to the
// unsharded sweep, byte for byte), and merge's refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonLines, tempFiles } from './support/cli-run.ts';
import { cliPath } from './support/paths.ts';

const { dir, file } = tempFiles('leaky-cli-sweep-');

function ok(r: ReturnType<typeof cli>) {
  assert.equal(r.status, 0, r.stderr);
  return r;
}

function refused(r: ReturnType<typeof cli>, message: RegExp) {
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, message);
  assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
}

const base = {
  version: 1,
  seed: 3,
  data: { kind: 'xor', points: 60 },
  network: { activation: 'leaky_relu', hidden: [5, 4] },
  training: { batch_size: 10, steps: 20, eval_every: 10 },
};
const basePath = file('base.json', base);
const kinds: string[] = JSON.parse(cli('catalog').stdout).activations.map(
  (a: { name: string }) => a.name,
);

for (const kind of kinds) {
  test(`sweep accepts a ${kind} config; alpha is crossed only where the kind reads one`, () => {
    const config = file(`${kind}.json`, { ...base, network: { activation: kind, hidden: [4] } });
    const r = ok(cli('sweep', '--config', config, '--alpha', '0,0.2', '--seeds', '2'));
    const lines = jsonLines(r.stdout);
    const readsAlpha = ['leaky_relu', 'prelu', 'elu'].includes(kind);
    assert.equal(lines.length, readsAlpha ? 4 : 2);
    for (const l of lines) {
      assert.equal(l.activation, kind);
      if (!readsAlpha) assert.equal(l.alpha, null);
      assert.equal(l.steps, 20);
    }
    if (readsAlpha) assert.deepEqual([...new Set(lines.map((l) => l.alpha))], [0, 0.2]);
  });
}

test('factors: activation x alpha, depth, width, init and lr; each line says its levels', () => {
  const r = ok(
    cli(
      'sweep',
      '--config',
      basePath,
      '--alpha',
      '0,0.1',
      '--activation',
      'relu,leaky_relu',
      '--seeds',
      '2',
    ),
  );
  const lines = jsonLines(r.stdout);
  // relu: once per seed; leaky_relu: per alpha and seed.
  assert.deepEqual(
    lines.map((l) => [l.activation, l.alpha, l.seed]),
    [
      ['relu', null, 3],
      ['relu', null, 4],
      ['leaky_relu', 0, 3],
      ['leaky_relu', 0, 4],
      ['leaky_relu', 0.1, 3],
      ['leaky_relu', 0.1, 4],
    ],
  );
  // A relu network is a leaky_relu one with alpha 0: the same numbers, bit for bit.
  assert.equal(lines[0].train_loss, lines[2].train_loss);
  assert.equal(lines[1].dead_fraction, lines[3].dead_fraction);
  assert.match(r.stdout, /\nalpha\s+activation\s+train loss/);
  assert.match(r.stdout, /\n-\s+relu\s+/);

  const d = jsonLines(
    ok(cli('sweep', '--config', basePath, '--alpha', '0.1', '--depth', '1,3', '--width', '2,6'))
      .stdout,
  );
  assert.deepEqual(
    d.map((l) => [l.depth, l.width]),
    [
      [1, 2],
      [1, 6],
      [3, 2],
      [3, 6],
    ],
  );
  const i = jsonLines(
    ok(
      cli(
        'sweep',
        '--config',
        basePath,
        '--alpha',
        '0.1',
        '--init',
        'he_normal,rai',
        '--lr',
        '0.01,0.1',
      ),
    ).stdout,
  );
  assert.deepEqual(
    i.map((l) => [l.init, l.lr]),
    [
      ['he_normal', 0.01],
      ['he_normal', 0.1],
      ['rai', 0.01],
      ['rai', 0.1],
    ],
  );
});

test('sweep without --alpha runs the default grid', () => {
  const grid = JSON.parse(cli('catalog').stdout).sweep.default_alphas;
  assert.deepEqual(grid, [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1]);
  const lines = jsonLines(ok(cli('sweep', '--config', basePath, '--steps', '0')).stdout);
  assert.deepEqual(
    lines.map((l) => l.alpha),
    grid,
  );
});

test('the lines name the data really used: generated, pinned, or the CSV file', () => {
  const generated = jsonLines(ok(cli('sweep', '--config', basePath, '--alpha', '0')).stdout)[0];
  assert.equal(generated.data, "xor (generated: 60 points, from each run's seed)");
  const pinned = file('pinned.json', { ...base, data: { ...base.data, seed: 9 } });
  assert.equal(
    jsonLines(ok(cli('sweep', '--config', pinned, '--alpha', '0')).stdout)[0].data,
    'xor (generated: 60 points, data seed 9)',
  );
  const rows = ['a,b,label'];
  for (let k = 0; k < 30; k++) rows.push(`${(k % 7) - 3},${(k % 5) - 2},${k % 2}`);
  const csv = file('points.csv', rows.join('\n'));
  const r = ok(cli('sweep', '--config', basePath, '--alpha', '0', '--data', csv));
  assert.match(
    jsonLines(r.stdout)[0].data,
    /^points\.csv \(CSV: \d+ training and \d+ test rows, binary_classification\)$/,
  );
  assert.match(r.stdout, /; data: points\.csv \(CSV/);
  assert.doesNotMatch(r.stdout, /xor/);
});

test('3 shards under GNU parallel, merged, give exactly the unsharded sweep', () => {
  const args = ['--config', basePath, '--alpha', '0,0.01,0.3', '--activation', 'relu,leaky_relu'];
  // relu once per seed, leaky_relu per alpha: 4 groups x 3 seeds.
  const whole = ok(cli('sweep', ...args, '--seeds', '3', '--jobs', '1'));
  const out = path.join(dir, 'shards');
  fs.mkdirSync(out);
  const p = spawnSync(
    'parallel',
    [
      '--halt',
      'now,fail=1',
      cliPath,
      'sweep',
      ...args,
      '--seeds',
      '3',
      '--jobs',
      '1',
      '--shard',
      '{}/3',
      '--out',
      `${out}/shard-{}.jsonl`,
      ':::',
      '1',
      '2',
      '3',
    ],
    { encoding: 'utf8' },
  );
  assert.equal(p.status, 0, p.stderr);
  const shards = [1, 2, 3].map((k) =>
    jsonLines(fs.readFileSync(`${out}/shard-${k}.jsonl`, 'utf8')),
  );
  assert.deepEqual(
    shards.map((s) => s.length),
    [4, 4, 4],
  );
  assert.ok(shards.every((s) => s.every((l) => l.run % 3 === shards.indexOf(s))));
  // Files in any order.
  const merged = ok(
    cli('merge', `${out}/shard-3.jsonl`, `${out}/shard-1.jsonl`, `${out}/shard-2.jsonl`),
  );
  assert.equal(merged.stdout, whole.stdout);
  // A shard's own table says it holds a part of the sweep.
  const one = ok(cli('sweep', ...args, '--seeds', '3', '--shard', '2/3'));
  assert.match(one.stdout, /: 4 of 12 runs/);
});

test('merge refuses missing runs, runs given twice, lines of another sweep and bad lines', () => {
  const args = ['--config', basePath, '--alpha', '0,0.1', '--seeds', '2'];
  const a = file('a.jsonl', '');
  const b = file('b.jsonl', '');
  ok(cli('sweep', ...args, '--shard', '1/2', '--out', a));
  ok(cli('sweep', ...args, '--shard', '2/2', '--out', b));
  refused(
    cli('merge', a),
    /^leaky-lab merge: 2 of sweep [0-9a-f]{16}'s 4 runs are missing \(the first: run 1\); merge every shard/,
  );
  refused(cli('merge', a, b, a), /line 1: run 0 again \(first at '.*a\.jsonl' line 1\)/);
  const other = file('other.jsonl', '');
  ok(cli('sweep', ...args, '--seeds', '3', '--shard', '2/2', '--out', other));
  refused(cli('merge', a, other), /a line of sweep [0-9a-f]{16} \(6 runs\), not of sweep/);
  refused(
    cli('merge', file('junk.jsonl', '{"sweep":1}\n')),
    /junk\.jsonl' line 1: sweep = 1: must be a string/,
  );
  refused(cli('merge', path.join(dir, 'nope.jsonl')), /cannot read/);
  refused(cli('merge'), /name the files of run lines/);
  refused(cli('merge', a, '--bogus'), /unknown option '--bogus'/);
  assert.match(cli('merge', '--help').stdout, /leaky-lab merge FILE/);
});

test('sweep refuses bad factors and shards, naming the option', () => {
  refused(
    cli('sweep', '--config', basePath, '--activation', 'relu,nope'),
    /--activation must be comma-separated names from/,
  );
  refused(
    cli('sweep', '--config', basePath, '--depth', '0,2'),
    /--depth\[0\] = 0: must be a whole number within \[1, 32\]/,
  );
  refused(
    cli('sweep', '--config', basePath, '--width', '2,x'),
    /--width must be comma-separated numbers/,
  );
  refused(cli('sweep', '--config', basePath, '--lr', '11'), /--lr\[0\] = 11: must be/);
  refused(
    cli('sweep', '--config', basePath, '--init', 'zeros'),
    /--init must be comma-separated names from/,
  );
  for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0', '1/20000'])
    refused(cli('sweep', '--config', basePath, '--shard', bad), /--shard must be K\/N/);
  refused(
    cli('sweep', '--config', basePath, '--alpha', '0', '--shard', '3/3'),
    /--shard 3\/3: 0 of the sweep's 1 runs/,
  );
});

test('the page core (wasm) and the native CLI give the same lines: bit for bit for relu and leaky, within 1e-4 otherwise', async () => {
  const { core } = await import('./support/kinds.ts');
  const sweepRun = (core as { sweepRun(r: string, run: number): string }).sweepRun;
  const config = {
    ...base,
    data: { ...base.data, seed: 4 },
    training: { batch_size: 10, steps: 200, eval_every: 50 },
  };
  const native = jsonLines(
    ok(
      cli(
        'sweep',
        '--config',
        file('agree.json', config),
        '--alpha',
        '0,0.1',
        '--activation',
        'relu,leaky_relu,gelu,elu',
        '--seeds',
        '2',
      ),
    ).stdout,
  );
  const request = JSON.stringify({
    config,
    alpha: [0, 0.1],
    factors: { activation: ['relu', 'leaky_relu', 'gelu', 'elu'] },
    seeds: 2,
  });
  assert.equal(native.length, 12);
  native.forEach((line, run) => {
    const page = JSON.parse(sweepRun(request, run));
    if (line.activation === 'relu' || line.activation === 'leaky_relu') {
      assert.deepEqual(page, line);
      return;
    }
    for (const k of ['train_loss', 'test_loss'])
      assert.ok(Math.abs(page[k] - line[k]) <= 1e-4 * Math.abs(line[k]), `run ${run} ${k}`);
    assert.equal(page.seed, line.seed);
    assert.equal(page.sweep, line.sweep);
  });
});
