// Steps to a target loss: the first evaluated step whose training loss is at or below the
// target (the core's training.target_loss, target_reached_at). Only new lowest losses are
// kept, so the answer for any target comes later without the whole history. Pure.
export class LossRecords {
  /** [step, loss] of each evaluation that set a new lowest loss, in step order. */
  private records: [number, number][] = [];

  clear(): void {
    this.records = [];
  }

  push(step: number, loss: number): void {
    if (!Number.isFinite(loss)) return;
    const last = this.records[this.records.length - 1];
    if (last === undefined || loss < last[1]) this.records.push([step, loss]);
  }

  /** The first step with a loss at or below `target`, or null (none yet, or no target). */
  firstAtOrBelow(target: number): number | null {
    if (!(target > 0)) return null;
    for (const [step, loss] of this.records) if (loss <= target) return step;
    return null;
  }
}
