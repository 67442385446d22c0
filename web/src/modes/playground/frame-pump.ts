// Frames from a session to the screen: the latest frame is drawn on the next animation frame,
// then acknowledged, so the worker never runs ahead of the screen. Evaluations of frames that
// arrive before a draw are kept (each is a point on the charts), only their heavy parts
// (heatmap, weights, maps) are replaced by the newer frame's.
import type { Frame } from '../../run/protocol';
import type { RunSession } from '../../run/session';

export class FramePump {
  private pending: Frame | null = null;
  private scheduled = false;
  private readonly off: () => void;

  constructor(
    private readonly session: RunSession,
    private readonly draw: (frame: Frame) => void,
  ) {
    this.off = session.events.on('frame', (f) => this.take(f));
  }

  /** Forgets a frame not yet drawn (a new run started). */
  clear(): void {
    this.pending = null;
  }

  dispose(): void {
    this.off();
    this.pending = null;
  }

  private take(frame: Frame): void {
    const evaluations = [...(this.pending?.evaluations ?? []), ...frame.evaluations];
    this.pending = { ...frame, evaluations };
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      const f = this.pending;
      this.pending = null;
      if (f === null) return;
      this.draw(f);
      this.session.ack();
    });
  }
}
