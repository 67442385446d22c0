// Play/pause, step, reset and steps per frame: how the run is driven.
import { h, uid } from '../dom';
import { STEPS_PER_FRAME } from '../state/run-settings';
import { HELP } from '../text/control-help';

export interface RunButtonsEvents {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  stepsPerFrame(n: number): void;
}

export class RunButtons {
  readonly element: HTMLDivElement;
  private readonly playButton: HTMLButtonElement;
  private readonly stepButton: HTMLButtonElement;
  private readonly resetButton: HTMLButtonElement;
  private readonly spf: HTMLSelectElement;
  private playing = false;

  constructor(events: RunButtonsEvents) {
    this.playButton = h('button', { type: 'button', class: 'play-button' });
    this.stepButton = h('button', { type: 'button', class: 'run-button' }, 'Step');
    this.resetButton = h('button', { type: 'button', class: 'run-button' }, 'Reset');
    const spfId = uid('spf');
    const helpId = uid('help');
    this.spf = h(
      'select',
      { id: spfId, 'aria-describedby': helpId },
      ...STEPS_PER_FRAME.map((n) => h('option', { value: String(n) }, String(n))),
    );
    this.playButton.addEventListener('click', () =>
      this.playing ? events.pause() : events.play(),
    );
    this.stepButton.addEventListener('click', () => events.step());
    this.resetButton.addEventListener('click', () => events.reset());
    this.spf.addEventListener('change', () => events.stepsPerFrame(Number(this.spf.value)));
    this.element = h(
      'div',
      { class: 'run-buttons', role: 'group', 'aria-label': 'Run' },
      this.playButton,
      this.stepButton,
      this.resetButton,
      h(
        'span',
        { class: 'spf-field' },
        h('label', { for: spfId }, 'Steps per frame'),
        this.spf,
        h('span', { id: helpId, class: 'visually-hidden' }, HELP.stepsPerFrame),
      ),
    );
    this.setPlaying(false);
  }

  setPlaying(playing: boolean): void {
    this.playing = playing;
    this.playButton.textContent = playing ? '❚❚ Pause' : '▶ Play';
    this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    this.stepButton.disabled = playing;
  }

  /** No run to drive (rejected config, diverged): only reset stays. */
  setEnabled(enabled: boolean): void {
    this.playButton.disabled = !enabled;
    this.stepButton.disabled = !enabled || this.playing;
  }

  setStepsPerFrame(n: number): void {
    this.spf.value = String(n);
  }
}
