// The run commands every mode's store shares (play, pause, step, speed), as calls on what runs
// its training: one session, or a grid of them.
import { pacingOf } from './pacing';
import type { Pacing } from './protocol';

export interface Runner {
  play(): void;
  pause(): void;
  step(steps: number): void;
  setPacing(pacing: Pacing): void;
}

export type RunCommand = 'play' | 'pause' | 'step' | 'speed';

/**
 * Applies `command` with the page's speed setting. Step runs one frame's worth of steps (one
 * evaluation's at 'fast'); play starts afresh (`restart`) when nothing is left that can play.
 */
export function drive(
  command: RunCommand,
  runner: Runner,
  s: { speed: string; evalEvery: number },
  canPlay: boolean,
  restart: () => void,
): void {
  const pacing = pacingOf(s.speed);
  switch (command) {
    case 'play':
      if (canPlay) runner.play();
      else restart();
      break;
    case 'pause':
      runner.pause();
      break;
    case 'step':
      runner.step(pacing.kind === 'steps' ? pacing.steps : s.evalEvery);
      break;
    case 'speed':
      runner.setPacing(pacing);
      break;
  }
}
