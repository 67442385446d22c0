// `leaky-lab train` and `leaky-lab sweep`: their JSON lines, files, exit statuses and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonLines, tempFiles } from './support/cli-run.ts';

const { dir, file } = tempFiles('leaky-cli-train-');

const small = {
  version: 1,
  seed: 3,
  data: { kind: 'xor', points: 100 },
  network: { activation: 'leaky_relu', alpha: 0.1, hidden: [6, 4] },
  optimizer: { kind: 'adam', lr: 0.02 },
  training: { batch_size: 10, steps: 50, eval_every: 20 },
};
const smallPath = file('small.json', small);

const layerFields = [
  'units',
  'activation',
  'alpha',
  'inactive',
  'dead',
  'dormant',
  'near_dead',
  'born_dead',
  'revived',
  'inactive_fraction',
  'dead_fraction',
  'dormant_fraction',
  'near_dead_fraction',
  'sparsity',
  'sparsity_kind',
  'mean_abs_grad',
  'weight_norm',
  'histogram',
  'rate',
  'state',
  'born_dead_units',
  'revivals',
];

test('train: one JSON line at step 0, every eval_every steps and at the last step', () => {
  const r = cli('train', '--config', smallPath);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const lines = jsonLines(r.stdout);
  assert.equal(r.stdout.trim().split('\n').length, lines.length, 'only JSON lines');
  assert.deepEqual(
    lines.map((l) => l.step),
    [0, 20, 40, 50],
  );
  for (const l of lines) {
    for (const k of [
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
    ])
      assert.ok(k in l, `field ${k}`);
    assert.equal(l.layers.length, 2);
    for (const layer of l.layers) {
      for (const k of layerFields) assert.ok(k in layer, `layer field ${k}`);
      assert.equal(layer.activation, 'leaky_relu');
      assert.equal(layer.alpha, 0.1);
      assert.equal(layer.sparsity_kind, 'negative_side');
      assert.equal(layer.rate.length, layer.units);
      assert.equal(layer.state.length, layer.units);
      assert.equal(
        layer.histogram.reduce((a: number, b: number) => a + b, 0),
        50 * layer.units,
        'histogram counts every (training sample, unit) pair',
      );
      assert.ok(!('unit_histograms' in layer));
    }
  }
  assert.equal(lines[0].layers[0].units, 6);
  assert.equal(lines[3].epoch, 10); // 50 training rows, batches of 10
  assert.ok(lines[3].train_loss < lines[0].train_loss);
});

test('train: the same command gives the same bytes; --scalar stays close', () => {
  const a = cli('train', '--config', smallPath);
  const b = cli('train', '--config', smallPath);
  assert.equal(a.stdout, b.stdout);
  const s = jsonLines(cli('train', '--config', smallPath, '--scalar').stdout);
  const v = jsonLines(a.stdout);
  assert.equal(s.length, v.length);
  assert.equal(s[0].train_loss.toFixed(5), v[0].train_loss.toFixed(5));
  assert.ok(Math.abs(s.at(-1)!.train_loss - v.at(-1)!.train_loss) < 1e-3);
});

test('train: --steps and --eval-every override the config; --unit-histograms adds them', () => {
  const r = cli(
    'train',
    '--config',
    smallPath,
    '--steps',
    '7',
    '--eval-every',
    '3',
    '--unit-histograms',
  );
  assert.equal(r.status, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(
    lines.map((l) => l.step),
    [0, 3, 6, 7],
  );
  const layer = lines[0].layers[0];
  assert.equal(layer.unit_histograms.length, layer.units * layer.histogram.length);
  // training.epochs sets the length (5 epochs of 5 batches), unless --steps overrides it.
  const epochs = file('epochs.json', { ...small, training: { ...small.training, epochs: 5 } });
  assert.equal(jsonLines(cli('train', '--config', epochs).stdout).at(-1)!.step, 25);
  assert.equal(jsonLines(cli('train', '--config', epochs, '--steps', '7').stdout).at(-1)!.step, 7);
});

test('train: --out writes the lines to a file and nothing to stdout', () => {
  const out = path.join(dir, 'metrics.jsonl');
  const r = cli('train', '--config', smallPath, '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(fs.readFileSync(out, 'utf8'), cli('train', '--config', smallPath).stdout);
});

test('train: --save-model, then --model starts from those weights, reproducibly', () => {
  const model = path.join(dir, 'model.json');
  const first = cli('train', '--config', smallPath, '--save-model', model);
  assert.equal(first.status, 0, first.stderr);
  const saved = JSON.parse(fs.readFileSync(model, 'utf8'));
  assert.equal(saved.format, 'leaky-lab-model');
  assert.equal(saved.inputs, 2);
  assert.equal(saved.loss, 'bce');
  assert.deepEqual(
    saved.layers.map((l: any) => l.units),
    [6, 4, 1],
  );
  assert.equal(saved.layers[0].weights.length, 12);

  // At step 0 the imported network is the saved one: the same losses and accuracy.
  const last = jsonLines(first.stdout).at(-1)!;
  const start = jsonLines(
    cli('train', '--config', smallPath, '--model', model, '--steps', '0').stdout,
  );
  assert.equal(start.length, 1);
  for (const k of ['train_loss', 'test_loss', 'train_accuracy', 'test_accuracy'])
    assert.equal(start[0][k], last[k], k);
  assert.deepEqual(start[0].layers[0].rate, last.layers[0].rate);

  // Training on from it is deterministic, and saving again gives a loadable model.
  const again = path.join(dir, 'model2.json');
  const a = cli('train', '--config', smallPath, '--model', model, '--save-model', again);
  const b = cli('train', '--config', smallPath, '--model', model);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  assert.notEqual(fs.readFileSync(again, 'utf8'), fs.readFileSync(model, 'utf8'));
  assert.equal(cli('train', '--config', smallPath, '--model', again, '--steps', '0').status, 0);
});

test('train: a run that diverges exits with status 3 and a last {"diverged":true} line', () => {
  const config = file('diverge.json', {
    version: 1,
    data: { kind: 'line', points: 100, input_min: -100, input_max: 100 },
    network: { activation: 'relu', hidden: [8] },
    optimizer: { kind: 'sgd', lr: 10 },
    training: { batch_size: 10, steps: 100, eval_every: 1 },
  });
  const model = path.join(dir, 'never.json');
  const r = cli('train', '--config', config, '--save-model', model);
  assert.equal(r.status, 3);
  const lines = jsonLines(r.stdout);
  const last = lines.at(-1)!;
  assert.equal(last.diverged, true);
  assert.equal(typeof last.step, 'number');
  assert.ok(last.step >= 1 && last.step <= 100);
  assert.equal(typeof last.cause, 'string');
  assert.ok(last.cause.length > 0);
  // No evaluation before it holds a non-finite number (written as a string).
  for (const l of lines.slice(0, -1)) {
    assert.ok(l.step < last.step);
    assert.equal(typeof l.train_loss, 'number');
    assert.equal(typeof l.test_loss, 'number');
    for (const layer of l.layers) {
      assert.equal(typeof layer.mean_abs_grad, 'number');
      assert.equal(typeof layer.weight_norm, 'number');
    }
  }
  assert.match(r.stderr, /diverged at step \d+/);
  assert.match(r.stderr, /lower learning rate/);
  assert.ok(!fs.existsSync(model), 'no model saved from a diverged run');
  assert.match(r.stderr, /not saving --save-model/);
});

test('train --data: a CSV file replaces the generated data; its header names the inputs', () => {
  const rows = ['height,weight,label'];
  for (let i = 0; i < 40; i++) {
    const h = (i % 10) - 4.5;
    const w = Math.floor(i / 10) - 1.5;
    rows.push(`${h},${w},${h + w > 0 ? 1 : 0}`);
  }
  const csv = file('points.csv', rows.join('\n') + '\n');
  const config = file('csv-config.json', {
    ...small,
    data: { csv: { task: 'binary_classification' } },
  });
  const model = path.join(dir, 'csv-model.json');
  const r = cli('train', '--config', config, '--data', csv, '--steps', '20', '--save-model', model);
  assert.equal(r.status, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  assert.equal(lines.at(-1)!.step, 20);
  assert.ok('train_accuracy' in lines[0]);
  const saved = JSON.parse(fs.readFileSync(model, 'utf8'));
  assert.deepEqual(saved.input_names, ['height', 'weight']);
  assert.equal(saved.layers[0].weights.length, 2 * 6);

  const bad = file('bad.csv', 'a,b\n1,2\n3,x\n4,5\n');
  const e = cli('train', '--config', config, '--data', bad);
  assert.equal(e.status, 2);
  assert.match(e.stderr, /--data '.*bad\.csv': line 3, column 2/);
  assert.equal(e.stderr.trim().split('\n').length, 1);
});

const trainErrors: [string, string[], RegExp][] = [
  ['missing --config', [], /--config is required/],
  ['missing file', ['--config', path.join(dir, 'nope.json')], /cannot read '.*nope\.json'/],
  [
    'unknown field',
    ['--config', file('typo.json', { version: 1, training: { learning_rte: 0.1 } })],
    /training\.learning_rte/,
  ],
  [
    'bad value',
    ['--config', file('lr.json', { version: 1, optimizer: { lr: 0 } })],
    /optimizer\.lr = 0: must be a number within \(0, 10\]/,
  ],
  [
    'several problems, one line',
    ['--config', file('two.json', { version: 1, seed: -1, network: { hidden: [0] } })],
    /seed = -1.*network\.hidden\[0\]/,
  ],
  [
    'malformed JSON',
    ['--config', file('broken.json', '{\n "seed": 1,\n}')],
    /not valid JSON: line 3, column 1/,
  ],
  [
    '--steps not a whole number',
    ['--config', smallPath, '--steps', '1.5'],
    /--steps must be a whole number/,
  ],
  [
    '--eval-every 0',
    ['--config', smallPath, '--eval-every', '0'],
    /--eval-every must be a whole number/,
  ],
  ['unknown option', ['--config', smallPath, '--bogus'], /unknown option '--bogus'/],
  [
    '--model missing',
    ['--config', smallPath, '--model', path.join(dir, 'nomodel.json')],
    /cannot read/,
  ],
  [
    '--model invalid',
    ['--config', smallPath, '--model', file('badmodel.json', { format: 'x' })],
    /--model '.*badmodel\.json': format/,
  ],
  [
    '--model for other data',
    [
      '--config',
      file('sine.json', { version: 1, data: { kind: 'sine', points: 20 } }),
      '--model',
      file('m2.json', {
        format: 'leaky-lab-model',
        version: 1,
        inputs: 2,
        loss: 'mse',
        layers: [{ units: 1, activation: 'linear', weights: [1, 1], bias: [0] }],
      }),
    ],
    /model\.inputs/,
  ],
];
for (const [name, args, message] of trainErrors) {
  test(`train error: ${name}`, () => {
    const r = cli('train', ...args);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.match(r.stderr, /^leaky-lab train: /);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  });
}

// ---- sweep

const sweepConfig = file('sweep.json', {
  ...small,
  network: { activation: 'leaky_relu', hidden: [5] },
  training: { batch_size: 10, steps: 30, eval_every: 10 },
});

test('sweep: one JSON line per (alpha, seed), in order, then the summary table', () => {
  const r = cli(
    'sweep',
    '--config',
    sweepConfig,
    '--alpha',
    '0,0.01,0.3',
    '--seeds',
    '2',
    '--jobs',
    '2',
  );
  assert.equal(r.status, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(
    lines.map((l) => [l.alpha, l.seed]),
    [
      [0, 3],
      [0, 4],
      [0.01, 3],
      [0.01, 4],
      [0.3, 3],
      [0.3, 4],
    ],
  );
  for (const l of lines) {
    for (const k of [
      'steps',
      'train_loss',
      'test_loss',
      'train_accuracy',
      'test_accuracy',
      'dead_fraction',
      'dormant_fraction',
      'dormant_tau',
      'tau_dormant_fraction',
      'born_dead_fraction',
      'revivals',
      'sparsity',
      'sparsity_kind',
      'collapsed',
      'diverged',
      'target_loss',
      'steps_to_target',
      'sweep',
      'run',
      'runs',
      'data',
    ])
      assert.ok(k in l, `field ${k}`);
    assert.equal(l.steps, 30);
    assert.equal(l.diverged, false);
  }
  // The same seed with another alpha is another run; the same (alpha, seed) the same run.
  assert.notEqual(lines[0].train_loss, lines[2].train_loss);
  const table = r.stdout.split('\n').filter((l) => !l.startsWith('{'));
  const text = table.join('\n');
  assert.match(
    text,
    /Sweep [0-9a-f]{16}: 6 of 6 runs, 30 steps each, activation leaky_relu; data: xor \(generated: 100 points, from each run's seed\)/,
  );
  assert.match(
    text,
    /alpha\s+train loss\s+test loss\s+test accuracy\s+dead\s+dormant\s+tau-dormant\s+born dead\s+revivals\s+sparsity\s+collapsed\s+diverged\s+runs/,
  );
  const rows = table.filter((l) => /^(0|0\.01|0\.3)\s/.test(l));
  assert.equal(rows.length, 3);
  assert.match(rows[0], /0\/2\s+0\/2\s+2$/); // collapsed and diverged counts, runs
  assert.match(text, /mean ± standard error of the mean over the seeds/);
  assert.deepEqual(
    lines.map((l) => l.run),
    [0, 1, 2, 3, 4, 5],
  );
  assert.equal(new Set(lines.map((l) => l.sweep)).size, 1);
});

test('sweep: --jobs 1 and --jobs 2 give identical lines; a run equals the same train run', () => {
  const args = ['sweep', '--config', sweepConfig, '--alpha', '0.05,0.2', '--seeds', '3'];
  const one = cli(...args, '--jobs', '1');
  const two = cli(...args, '--jobs', '2');
  assert.equal(one.status, 0, one.stderr);
  assert.deepEqual(jsonLines(one.stdout), jsonLines(two.stdout));
  assert.equal(one.stdout, two.stdout);
  // The sweep's (0.2, seed 4) run is `train` with that alpha and seed.
  const config = file('one-run.json', {
    ...small,
    seed: 4,
    network: { activation: 'leaky_relu', alpha: 0.2, hidden: [5] },
    training: { batch_size: 10, steps: 30, eval_every: 10 },
  });
  const last = jsonLines(cli('train', '--config', config).stdout).at(-1)!;
  const run = jsonLines(one.stdout).find((l) => l.alpha === 0.2 && l.seed === 4)!;
  assert.equal(run.train_loss, last.train_loss);
  assert.equal(run.test_accuracy, last.test_accuracy);
});

test('sweep --steps 0 measures born-dead units and collapse at initialization', () => {
  // Biases of -100 put every pre-activation below zero at step 0: every unit is born
  // inactive; with alpha 0 they are dead (a collapse), with alpha 0.1 dormant.
  const config = file('born-dead.json', {
    ...small,
    network: { activation: 'leaky_relu', hidden: [4, 3] },
    init: { weights: 'he_normal', bias: 'constant', bias_value: -100 },
  });
  const r = cli('sweep', '--config', config, '--alpha', '0,0.1', '--seeds', '2', '--steps', '0');
  assert.equal(r.status, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  assert.equal(lines.length, 4);
  for (const l of lines) {
    assert.equal(l.steps, 0);
    assert.equal(l.born_dead_fraction, 1);
    assert.equal(l.collapsed, l.alpha === 0);
    assert.equal(l.dead_fraction, l.alpha === 0 ? 1 : 0);
    assert.equal(l.dormant_fraction, l.alpha === 0 ? 0 : 1);
  }
  assert.match(r.stdout, /0 steps each/);
  // With zero biases the same networks are not born dead.
  const alive = file('alive.json', {
    ...small,
    network: { activation: 'leaky_relu', hidden: [4] },
  });
  for (const l of jsonLines(
    cli('sweep', '--config', alive, '--alpha', '0', '--seeds', '3', '--steps', '0').stdout,
  ))
    assert.equal(l.collapsed, false);
});

test('sweep --out writes the lines to a file; the table still goes to stdout', () => {
  const out = path.join(dir, 'runs.jsonl');
  const r = cli('sweep', '--config', sweepConfig, '--alpha', '0.1', '--out', out, '--jobs', '1');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(jsonLines(r.stdout).length, 0);
  assert.match(r.stdout, /Sweep [0-9a-f]{16}: 1 of 1 runs/);
  assert.equal(jsonLines(fs.readFileSync(out, 'utf8')).length, 1);
});

test('sweep --target-loss reports the steps to reach it', () => {
  const r = cli(
    'sweep',
    '--config',
    sweepConfig,
    '--alpha',
    '0.1',
    '--seeds',
    '2',
    '--target-loss',
    '10',
  );
  assert.equal(r.status, 0, r.stderr);
  for (const l of jsonLines(r.stdout)) assert.equal(l.steps_to_target, 0); // met at step 0
  assert.match(r.stdout, /steps to target\s+collapsed\s+diverged\s+reached\s+runs\n/);
  assert.match(r.stdout, /\s0±0\s+0\/2\s+0\/2\s+2\/2\s+2\n/);
});

test('sweep: diverged runs are counted and left out of the means; the status stays 0', () => {
  const config = file('sweep-diverge.json', {
    version: 1,
    data: { kind: 'line', points: 100, input_min: -100, input_max: 100, seed: 1 },
    network: { activation: 'leaky_relu', hidden: [8] },
    optimizer: { kind: 'sgd', lr: 10 },
    training: { batch_size: 10, steps: 50, eval_every: 10 },
  });
  const r = cli('sweep', '--config', config, '--alpha', '0.01', '--seeds', '2');
  assert.equal(r.status, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  assert.equal(lines.length, 2);
  for (const l of lines) {
    assert.equal(l.diverged, true);
    assert.equal(typeof l.diverged_at, 'number');
    assert.equal(typeof l.cause, 'string');
    assert.equal(typeof l.train_loss, 'number', 'the last evaluation shown is finite');
  }
  // Losses, dead, dormant, tau-dormant: "-" (no run left); born dead: measured at step 0.
  assert.match(r.stdout, /\n0\.01\s+-\s+-\s+-\s+-\s+-\s+0\.000±0\.000\s+-\s+-\s+0\/2\s+2\/2/);
});

const sweepErrors: [string, string[], RegExp][] = [
  [
    'bad --alpha',
    ['--config', sweepConfig, '--alpha', '0,x'],
    /--alpha must be comma-separated numbers/,
  ],
  ['non-finite --alpha', ['--config', sweepConfig, '--alpha', '0,1e39'], /finite float32/],
  [
    '--seeds 0',
    ['--config', sweepConfig, '--alpha', '0', '--seeds', '0'],
    /--seeds must be a whole number/,
  ],
  [
    '--jobs 0',
    ['--config', sweepConfig, '--alpha', '0', '--jobs', '0'],
    /--jobs must be a whole number/,
  ],
  [
    '--target-loss -1',
    ['--config', sweepConfig, '--alpha', '0', '--target-loss', '-1'],
    /--target-loss must be a number > 0/,
  ],
  [
    'bad config',
    [
      '--config',
      file('sweep-bad.json', { version: 1, optimizer: { kind: 'rmsprop' } }),
      '--alpha',
      '0',
    ],
    /optimizer\.kind/,
  ],
  ['missing config', ['--alpha', '0'], /--config is required/],
  [
    '--model is not an option',
    ['--config', sweepConfig, '--alpha', '0', '--model', 'm.json'],
    /unknown option '--model'/,
  ],
];
for (const [name, args, message] of sweepErrors) {
  test(`sweep error: ${name}`, () => {
    const r = cli('sweep', ...args);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.match(r.stderr, /^leaky-lab sweep: /);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  });
}
