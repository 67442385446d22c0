// leaky-lab's JSON output and its errors (status 2, one line naming what is allowed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { KINDS } from './support/kinds.ts';
import { cliPath } from './support/paths.ts';

function cli(...args: string[]) {
  const r = spawnSync(cliPath, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('activation prints the documented JSON object', () => {
  const r = cli('activation', '--kind', 'leaky_relu', '--alpha', '0.2', '--x=-2,-0.5,0,1.5');
  assert.equal(r.status, 0);
  assert.deepEqual(JSON.parse(r.stdout), {
    kind: 'leaky_relu',
    alpha: 0.2,
    x: [-2, -0.5, 0, 1.5],
    f: [-0.4, -0.1, 0, 1.5],
    df: [0.2, 0.2, 0.2, 1],
  });
});

test("every table name is accepted; relu has no alpha; f'(0) follows the table", () => {
  for (const kind of KINDS) {
    const r = cli('activation', '--kind', kind, '--x', '-1,0,1');
    assert.equal(r.status, 0, `${kind}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    assert.equal(out.kind, kind);
    assert.equal(out.f.length, 3);
  }
  assert.equal(JSON.parse(cli('activation', '--kind', 'relu', '--x', '0').stdout).alpha, null);
  assert.deepEqual(JSON.parse(cli('activation', '--kind', 'relu', '--x', '0').stdout).df, [0]);
  assert.deepEqual(
    JSON.parse(cli('activation', '--kind', 'elu', '--alpha', '0.5', '--x', '0').stdout).df,
    [0.5],
  );
});

test('non-finite inputs and results are written as JSON strings', () => {
  const out = JSON.parse(cli('activation', '--kind', 'leaky_relu', '--x=nan,-inf,inf').stdout);
  assert.deepEqual(out.f, ['NaN', '-Infinity', 'Infinity']);
});

test('rrelu in training mode is reproducible from its seed', () => {
  const a = cli('activation', '--kind', 'rrelu', '--training', '--seed', '7', '--x=-1,-1,-1');
  const b = cli('activation', '--kind', 'rrelu', '--training', '--seed', '7', '--x=-1,-1,-1');
  assert.equal(a.status, 0);
  assert.equal(a.stdout, b.stdout);
  for (const s of JSON.parse(a.stdout).df) assert.ok(s >= 0.125 && s <= 1 / 3);
});

const errors: [string[], RegExp][] = [
  [
    ['activation', '--kind', 'leaky', '--x', '1'],
    /unknown kind 'leaky'; valid kinds: linear, relu, leaky_relu/,
  ],
  [
    ['activation', '--kind', 'leaky_relu', '--alpha', 'nan', '--x', '1'],
    /alpha must be a finite float32 number/,
  ],
  [
    ['activation', '--kind', 'leaky_relu', '--alpha', 'inf', '--x', '1'],
    /alpha must be a finite float32 number/,
  ],
  [
    ['activation', '--kind', 'leaky_relu', '--alpha', '0.2x', '--x', '1'],
    /--alpha must be a number/,
  ],
  [['activation', '--kind', 'relu', '--x', '1,,2'], /--x must be comma-separated numbers/],
  [['activation', '--kind', 'relu'], /--x is required/],
  [
    ['activation', '--kind', 'rrelu', '--lower', '0.5', '--upper', '0.1', '--x', '1'],
    /upper must be >= lower/,
  ],
  [['activation', '--kind', 'relu', '--x', '1', '--bogus'], /unknown option '--bogus'/],
  [['activation', '--kind'], /needs a value/],
  [['frobnicate'], /unknown command 'frobnicate'/],
];
for (const [args, message] of errors) {
  test(`error: ${args.join(' ')}`, () => {
    const r = cli(...args);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  });
}

test('--help documents every command', () => {
  const r = cli('--help');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /leaky-lab activation --kind K/);
  assert.match(r.stdout, /Exit status/);
  assert.equal(cli('activation', '--help').status, 0);
});
