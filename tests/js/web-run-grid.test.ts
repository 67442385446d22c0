// The compare mode's grid of runs, without a browser: four workers (the worker's body in this
// process, with the Node build of the core) started from the compare mode's own configs. They
// start from the same weights, every round shows every run at the same step whatever the
// commands do, and their losses part ways as they train.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCompareConfig } from '../../web/src/modes/compare/compare-config.ts';
import type { CompareSettings } from '../../web/src/modes/compare/compare-settings.ts';
import { runText } from '../../web/src/modes/compare/runs.ts';
import { weightsHash } from '../../web/src/run/param-hash.ts';
import type { Frame, Layout, StartRun } from '../../web/src/run/protocol.ts';
import { RunGrid } from '../../web/src/run/run-grid.ts';
import { defaultSettings } from '../../web/src/state/properties.ts';
import { catalog, compareKinds as kinds, compareProps as props } from './support/catalog.ts';
import { core } from './support/kinds.ts';
import { inProcessWorker } from './support/in-process-worker.ts';

/** The default comparison, smaller and quicker. */
function settings(patch: Partial<CompareSettings> = {}): CompareSettings {
  return {
    ...defaultSettings(props),
    dataset: 'moons',
    points: 200,
    hidden: [6, 6],
    evalEvery: 10,
    ...patch,
  };
}

function runs(s: CompareSettings, playing: boolean, steps = 20): StartRun[] {
  return s.runs.map((run) => ({
    config: buildCompareConfig(s, run, catalog),
    pacing: { kind: 'steps', steps },
    heatmap: { width: 4, height: 4 },
    unitMaps: null,
    playing,
    schedule: [],
  }));
}

interface Watch {
  grid: RunGrid;
  rounds: (Frame | null)[][];
  layouts: Layout[];
  /** Resolves once `done` holds after a round. */
  until(done: () => boolean): Promise<void>;
}

function watch(grid: RunGrid): Watch {
  const rounds: (Frame | null)[][] = [];
  const layouts: Layout[] = [];
  const waiters: { done: () => boolean; resolve: () => void }[] = [];
  grid.events.on('ready', (e) => (layouts[e.index] = e.layout));
  grid.events.on('round', (r) => {
    rounds.push(r.frames);
    // After the grid has sent the round's commands and acks.
    setTimeout(() => {
      for (const w of waiters.splice(0)) {
        if (w.done()) w.resolve();
        else waiters.push(w);
      }
    }, 0);
  });
  return {
    grid,
    rounds,
    layouts,
    until: (done) =>
      new Promise((resolve) => {
        if (done()) resolve();
        else waiters.push({ done, resolve });
      }),
  };
}

const newGrid = (): RunGrid =>
  new RunGrid({
    createWorker: () => inProcessWorker(core),
    nextFrame: (draw) => setTimeout(draw, 0),
  });

/** The steps of one round's frames (null where a run sent none). */
const stepsOf = (frames: (Frame | null)[]): (number | null)[] => frames.map((f) => f?.step ?? null);

function assertLockstep(rounds: (Frame | null)[][]): void {
  for (const frames of rounds) {
    const steps = stepsOf(frames).filter((s): s is number => s !== null);
    assert.ok(steps.length > 0, 'a round draws at least one frame');
    assert.ok(
      steps.every((s) => s === steps[0]),
      `every run of a round at the same step: ${stepsOf(frames).join(', ')}`,
    );
  }
}

describe('compare grid', () => {
  it('starts four runs from the same weights, keeps them in step, and their losses part', async () => {
    const s = settings();
    assert.deepEqual(s.runs.map(runText), [
      'relu',
      'leaky_relu:0.01',
      'leaky_relu:0.2',
      'prelu:0.25',
    ]);
    const w = watch(newGrid());
    w.grid.start(runs(s, true));
    await w.until(() => w.grid.steps().every((x) => x >= 200));
    w.grid.pause();
    const paused = w.rounds.length;
    await w.until(() => w.rounds.length > paused);
    assertLockstep(w.rounds);

    const first = w.rounds[0]!;
    const hashes = first.map((f, i) => weightsHash(w.layouts[i]!, f!.params));
    assert.equal(new Set(hashes).size, 1, `one starting draw for every run: ${hashes.join(' ')}`);
    // PReLU's slopes are the one difference in the starting parameters.
    assert.notDeepEqual([...first[3]!.params], [...first[2]!.params]);

    const last = w.rounds.at(-1)!;
    const losses = last.map((f) => f!.evaluations.at(-1)?.train_loss);
    assert.equal(new Set(losses).size, 4, `four different losses: ${losses.join(', ')}`);
    w.grid.dispose();
  });

  it('with each activation’s own gain, the starting weights differ', async () => {
    const s = settings({ gain: 'own' });
    const w = watch(newGrid());
    w.grid.start(runs(s, false));
    await w.until(() => w.rounds.length > 0);
    const hashes = w.rounds[0]!.map((f, i) => weightsHash(w.layouts[i]!, f!.params));
    assert.equal(new Set(hashes).size, 4, `four gains, four starts: ${hashes.join(' ')}`);
    w.grid.dispose();
  });

  it('pause, step, speed and live changes reach every run at the same step', async () => {
    const s = settings();
    const w = watch(newGrid());
    const results: { index: number; step: number }[] = [];
    w.grid.events.on('setResult', (e) => results.push({ index: e.index, step: e.step }));
    w.grid.start(runs(s, true, 7));
    await w.until(() => w.rounds.length >= 3);
    // Commands land mid-round: they wait for the boundary.
    w.grid.setPacing({ kind: 'steps', steps: 13 });
    w.grid.set(2, 'alpha', 0.3);
    await w.until(() => w.rounds.length >= 6);
    w.grid.pause();
    w.grid.step(5);
    w.grid.set(null, 'lr', 0.01);
    await w.until(() => !w.grid.busy);
    const settled = w.rounds.length;
    // Paused: nothing more comes.
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(w.rounds.length, settled, 'a paused grid draws nothing more');
    assertLockstep(w.rounds);
    assert.equal(new Set(w.grid.steps()).size, 1, `paused at one step: ${w.grid.steps()}`);
    const alpha = results.filter((r) => r.index === 2);
    assert.equal(alpha.length, 2, 'run 3 took the α change and the learning rate');
    assert.equal(results.length, 5, 'one α change and four learning-rate changes');
    const lr = results.filter((r) => r !== alpha[0]);
    assert.equal(new Set(lr.map((r) => r.step)).size, 1, 'every run took the rate at one step');
    w.grid.dispose();
  });

  it('does not wait for a run that diverged', async () => {
    const s = settings({ lr: 10, optimizer: 'sgd' });
    const w = watch(newGrid());
    const diverged: number[] = [];
    w.grid.events.on('diverged', (e) => diverged.push(e.index));
    const started = runs(s, true, 50);
    // Only the Leaky ReLU 0.2 run gets the rate that diverges.
    started.forEach((r, i) => {
      if (i !== 2) r.config = r.config.replace('"lr":10', '"lr":0.01');
    });
    w.grid.start(started);
    await w.until(() => diverged.length > 0 && w.grid.steps()[0]! >= 1000);
    assert.deepEqual(diverged, [2]);
    assertLockstep(w.rounds);
    w.grid.dispose();
  });
});
