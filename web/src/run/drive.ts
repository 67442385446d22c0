// The events every mode's store shares, as calls on what runs its training (one session, or a
// grid of them) and on the page: play, pause, step, speed, link notices.
import type { CommonEvent } from '../state/command-store';
import { pacingOf } from './pacing';
import type { Pacing } from './protocol';

export interface Runner {
  play(): void;
  pause(): void;
  step(steps: number): void;
  setPacing(pacing: Pacing): void;
}

/**
 * Applies `event` with the page's speed setting. Step runs one frame's worth of steps (one
 * evaluation's at 'fast'); play starts afresh (`restart`) when nothing is left that can play.
 */
export function drive(
  event: CommonEvent,
  runner: Runner,
  s: { speed: string; evalEvery: number },
  canPlay: boolean,
  restart: () => void,
  showNotices: (texts: string[]) => void,
): void {
  const pacing = pacingOf(s.speed);
  switch (event.type) {
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
    case 'notices':
      showNotices(event.notices.map((n) => n.text));
      break;
    case 'view':
      break;
  }
}
