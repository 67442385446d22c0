// When a set of charts fed from one history redraws. While a run plays, one chart per redraw,
// in turn, at most every `everyMs` for the whole set: a frame never pays for every uPlot redraw
// at once (they cost several ms each without a GPU). Paused or forced: all of them at once.
export class RedrawCycle {
  private dirty = false;
  private lastDraw = 0;
  private next = 0;
  /** Charts redrawn since the data last changed. */
  private stale = 0;

  constructor(
    private readonly count: () => number,
    private readonly drawOne: (index: number) => void,
    private readonly everyMs = 80,
  ) {}

  /** The history has new points. */
  changed(): void {
    this.dirty = true;
    this.stale = 0;
  }

  /** Redraws what is due at `now` (`force`: every chart now). */
  tick(now: number, force: boolean): void {
    const n = this.count();
    if (!this.dirty || n === 0) return;
    if (!force && now - this.lastDraw < this.everyMs / n) return;
    this.lastDraw = now;
    const k = force ? n : 1;
    for (let i = 0; i < k; i++) {
      this.drawOne(this.next % n);
      this.next = (this.next + 1) % n;
    }
    this.stale += k;
    if (this.stale >= n) {
      this.stale = 0;
      this.dirty = false;
    }
  }
}
