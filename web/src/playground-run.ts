// Drives one run at a time: starts a worker per run, forwards play/pause/step/live changes,
// draws each frame on the next animation frame and only then acks it (so the worker never
// runs ahead of the screen), and shows divergence and rejected configs as notices.
import { RunButtons } from './controls/run-buttons';
import type { Evaluation, FromWorker, Problem } from './run/protocol';
import { RunClient } from './run/run-client';
import { publishRun, type RunHook } from './test-hook';
import { Notices } from './views/notices';
import { PlaygroundViews, heatmapSize } from './views/playground/playground-views';
import { RunStatus } from './views/run-status';
import type { Variant } from './wasm/choose-variant';

type Frame = Extract<FromWorker, { type: 'frame' }>;

export interface RunEvents {
  /** The user pressed Reset. */
  reset(): void;
  stepsPerFrame(n: number): void;
  /** The core answered a live change ('set'); empty problems when applied. */
  setResult(field: 'alpha' | 'lr', value: number, problems: Problem[]): void;
}

export class PlaygroundRun {
  readonly buttons: RunButtons;
  readonly status = new RunStatus();
  private readonly client: RunClient;
  private readonly views: PlaygroundViews;
  private pending: Frame | null = null;
  private drawScheduled = false;
  private playing = false;
  private stepsPerFrame = 10;
  private hook: RunHook;

  constructor(
    private readonly variant: Variant,
    viewsRoot: HTMLElement,
    private readonly notices: Notices,
    private readonly events: RunEvents,
  ) {
    this.views = new PlaygroundViews(viewsRoot);
    this.client = new RunClient(variant, (msg) => this.receive(msg));
    this.buttons = new RunButtons({
      play: () => this.play(),
      pause: () => this.pause(),
      step: () => this.client.send({ type: 'step', steps: this.stepsPerFrame }),
      reset: () => events.reset(),
      stepsPerFrame: (n) => events.stepsPerFrame(n),
    });
    this.hook = this.emptyHook('starting', '');
  }

  /** A fresh run of `config` (any earlier run's worker is terminated). */
  start(config: string, stepsPerFrame: number, playing: boolean): void {
    this.pending = null;
    this.playing = playing;
    this.stepsPerFrame = stepsPerFrame;
    this.notices.show([]);
    this.views.reset();
    this.status.clear();
    this.buttons.setPlaying(playing);
    this.buttons.setEnabled(true);
    this.buttons.setStepsPerFrame(stepsPerFrame);
    this.hook = this.emptyHook('starting', config);
    this.publish();
    this.client.start({ config, stepsPerFrame, heatmap: heatmapSize(), playing });
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /** A run exists and can take live changes (not rejected, diverged or starting). */
  get isLive(): boolean {
    return this.hook.status === 'running';
  }

  /** A change that keeps the weights (alpha or the learning rate). */
  set(field: 'alpha' | 'lr', value: number): void {
    this.client.send({ type: 'set', field, value });
  }

  setStepsPerFrame(n: number): void {
    this.stepsPerFrame = n;
    this.buttons.setStepsPerFrame(n);
    this.client.send({ type: 'stepsPerFrame', value: n });
  }

  play(): void {
    if (this.hook.status !== 'running') return;
    this.playing = true;
    this.buttons.setPlaying(true);
    this.client.send({ type: 'play' });
    this.hook = { ...this.hook, playing: true };
    this.publish();
  }

  pause(): void {
    this.playing = false;
    this.buttons.setPlaying(false);
    this.client.send({ type: 'pause' });
    this.hook = { ...this.hook, playing: false };
    this.publish();
  }

  dispose(): void {
    this.client.stop();
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'ready':
        this.views.setRun(msg.layout, msg.data, msg.config);
        this.hook = { ...this.hook, status: 'running', config: msg.config };
        this.publish();
        break;
      case 'frame':
        this.pending = msg;
        if (!this.drawScheduled) {
          this.drawScheduled = true;
          requestAnimationFrame(() => this.draw());
        }
        break;
      case 'diverged':
        this.playing = false;
        this.buttons.setPlaying(false);
        this.buttons.setEnabled(false);
        this.notices.show(
          [
            `The run diverged at step ${msg.step.toLocaleString('en-US')}: ${msg.cause}. ` +
              'The weights are no longer numbers, so training stopped. Try a lower learning rate (for example a tenth of it), then Reset.',
          ],
          'error',
        );
        this.hook = { ...this.hook, status: 'diverged', playing: false, divergedAt: msg.step };
        this.publish();
        break;
      case 'problems':
        this.rejected(msg.problems);
        break;
      case 'set-result':
        this.events.setResult(msg.field, msg.value, msg.problems);
        break;
      case 'fatal':
        this.playing = false;
        this.buttons.setPlaying(false);
        this.buttons.setEnabled(false);
        this.notices.show([`The run could not continue: ${msg.message}`], 'error');
        this.hook = { ...this.hook, status: 'failed', playing: false, problems: [msg.message] };
        this.publish();
        break;
    }
  }

  private rejected(problems: Problem[]): void {
    this.playing = false;
    this.buttons.setPlaying(false);
    this.buttons.setEnabled(false);
    const lines = problems.map((p) => `${p.field} = ${p.value}: ${p.message}`);
    this.notices.show(
      ['The core rejected these settings, so nothing runs. Change them to start again.', ...lines],
      'error',
    );
    this.hook = { ...this.hook, status: 'rejected', playing: false, problems: lines };
    this.publish();
  }

  private draw(): void {
    this.drawScheduled = false;
    const frame = this.pending;
    this.pending = null;
    if (frame === null) return;
    this.views.update(frame);
    this.status.update(frame.evaluation, frame.step);
    this.hook = {
      ...this.hook,
      step: frame.step,
      playing: this.playing,
      frames: this.hook.frames + 1,
      evaluation: summary(frame.evaluation),
    };
    this.publish();
    this.client.send({ type: 'ack' });
  }

  private emptyHook(status: RunHook['status'], config: string): RunHook {
    return {
      variant: this.variant,
      status,
      step: 0,
      playing: this.playing,
      config,
      frames: 0,
      evaluation: null,
      divergedAt: null,
      problems: [],
    };
  }

  private publish(): void {
    publishRun(this.hook);
  }
}

function summary(ev: Evaluation): NonNullable<RunHook['evaluation']> {
  return {
    step: ev.step,
    trainLoss: ev.train_loss,
    testLoss: ev.test_loss,
    testAccuracy: ev.test_accuracy ?? null,
    dead: ev.layers.map((l) => l.dead),
    dormant: ev.layers.map((l) => l.dormant),
  };
}
