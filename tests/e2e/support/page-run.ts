// Reading and driving the playground's run in a page, for the browser tests: the snapshot the
// page publishes (window.__leakyLab, a subscriber of the run session), and the same run in the
// Node build of the core for comparison.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Evaluation } from '../../../web/src/run/protocol.ts';
import type { TrainerModule } from '../../../web/src/run/trainer-api.ts';
import { ROOT } from './harness.ts';

export type RunSnapshot = NonNullable<NonNullable<Window['__leakyLab']>['run']>;

const require = createRequire(import.meta.url);
export const nodeCore: TrainerModule = await (
  require(join(ROOT, 'build/wasm/dist/leaky_node.cjs')) as () => Promise<TrainerModule>
)();

export async function run(page: Page): Promise<RunSnapshot> {
  return page.evaluate(() => window.__leakyLab!.run!);
}

/** Waits until the run has drawn an evaluation at least at `step` (or exactly, `exact`). */
export async function reached(page: Page, step: number, exact = false): Promise<RunSnapshot> {
  await page.waitForFunction(
    ({ step, exact }) => {
      const at = window.__leakyLab?.run?.evaluation?.step;
      return at !== undefined && (exact ? at === step : at >= step);
    },
    { step, exact },
    { timeout: 60_000 },
  );
  return run(page);
}

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Pause, Reset (a fresh run, paused at step 0), then `clicks` Steps of `perStep` steps. */
export async function stepTo(page: Page, perStep: number, clicks: number): Promise<RunSnapshot> {
  await page.waitForFunction(() => window.__leakyLab?.run?.status === 'running');
  if ((await run(page)).playing) await button(page, 'Pause').click();
  await page.getByLabel('Speed (training steps per frame)').selectOption(String(perStep));
  // The paused run may sit at step 0 too: wait for the new one (Reset starts it a moment later).
  const starts = (await run(page)).starts;
  await button(page, 'Reset').click();
  await page.waitForFunction((n) => (window.__leakyLab?.run?.starts ?? 0) > n, starts);
  await reached(page, 0, true);
  for (let i = 0; i < clicks; i++) {
    await button(page, 'Step').click();
    await reached(page, perStep * (i + 1), true);
  }
  const r = await run(page);
  assert.equal(r.playing, false);
  return r;
}

/** The core's evaluation for `config` after a plan of steps and live changes, in Node. */
export function nodeEvaluation(
  config: string,
  plan: (number | { alpha: number } | { lr: number })[],
): Evaluation {
  const t = new nodeCore.Trainer(config);
  try {
    assert.equal(t.problems(), '');
    for (const p of plan) {
      if (typeof p === 'number') t.step(p);
      else if ('alpha' in p) assert.equal(t.setAlpha(p.alpha), '');
      else assert.equal(t.setLearningRate(p.lr), '');
    }
    const json = t.evaluate(true);
    assert.notEqual(json, '', 'the Node run did not diverge');
    return JSON.parse(json) as Evaluation;
  } finally {
    t.delete();
  }
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
