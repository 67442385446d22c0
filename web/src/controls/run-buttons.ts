// Play/pause, step, reset and the speed: how the run is driven. It only asks: each button
// calls its command; the page shows what the run does.
import { h, uid } from '../dom';
import { SPEEDS } from '../state/settings';
import { HELP } from '../text/control-help';

export interface RunButtonsEvents {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  speed(speed: string): void;
}

const speedLabel = (s: string): string => (s === 'fast' ? 'fast' : `${s} / frame`);

export class RunButtons {
  readonly element: HTMLDivElement;
  private readonly playButton: HTMLButtonElement;
  private readonly stepButton: HTMLButtonElement;
  private readonly resetButton: HTMLButtonElement;
  private readonly speed: HTMLSelectElement;
  private playing = false;
  private enabled = true;

  /** `speeds`: the choices offered (a comparison has no 'fast': its runs share a pace). */
  constructor(events: RunButtonsEvents, speeds: readonly string[] = SPEEDS) {
    this.playButton = h('button', { type: 'button', class: 'play-button' });
    this.stepButton = h('button', { type: 'button', class: 'run-button' }, 'Step');
    this.resetButton = h('button', { type: 'button', class: 'run-button' }, 'Reset');
    const speedId = uid('speed');
    const helpId = uid('help');
    this.speed = h(
      'select',
      { id: speedId, 'aria-describedby': helpId },
      ...speeds.map((s) => h('option', { value: s }, speedLabel(s))),
    );
    this.playButton.addEventListener('click', () =>
      this.playing ? events.pause() : events.play(),
    );
    this.stepButton.addEventListener('click', () => events.step());
    this.resetButton.addEventListener('click', () => events.reset());
    this.speed.addEventListener('change', () => events.speed(this.speed.value));
    this.element = h(
      'div',
      { class: 'run-buttons', role: 'group', 'aria-label': 'Run' },
      this.playButton,
      this.stepButton,
      this.resetButton,
      h(
        'span',
        { class: 'speed-field' },
        h('label', { for: speedId }, 'Speed (training steps per frame)'),
        this.speed,
        h('span', { id: helpId, class: 'visually-hidden' }, HELP.speed),
      ),
    );
    this.setPlaying(false);
  }

  setPlaying(playing: boolean): void {
    this.playing = playing;
    this.playButton.textContent = playing ? '❚❚ Pause' : '▶ Play';
    this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    this.stepButton.disabled = playing || !this.enabled;
  }

  /** No run to drive (rejected config, diverged): only reset stays. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.playButton.disabled = !enabled;
    this.stepButton.disabled = !enabled || this.playing;
  }

  setSpeed(speed: string): void {
    this.speed.value = speed;
  }
}
