// A bounded history of chart points: at most `max` kept points, evenly decimated.
// Every `stride`-th sample is kept; when the kept points exceed `max`, every other one is
// dropped and the stride doubles. The latest sample is always shown as a provisional tail.

export class DecimatedHistory {
  readonly columns: (number | null)[][];
  private stride = 1;
  private seen = 0;
  private tail = false;

  constructor(
    readonly width: number,
    readonly max = 2000,
  ) {
    if (max < 2) throw new Error('history max must be at least 2');
    this.columns = Array.from({ length: width }, () => []);
  }

  /** Points held now (kept points plus the tail). */
  get length(): number {
    return this.columns[0]?.length ?? 0;
  }

  get currentStride(): number {
    return this.stride;
  }

  /** The x (column 0) of the last point, or undefined when empty. */
  lastX(): number | undefined {
    const xs = this.columns[0];
    const x = xs === undefined || xs.length === 0 ? undefined : xs[xs.length - 1];
    return x === null ? undefined : x;
  }

  push(values: readonly (number | null)[]): void {
    if (values.length !== this.width) throw new Error(`expected ${this.width} values`);
    if (this.tail) for (const c of this.columns) c.pop();
    const keep = this.seen % this.stride === 0;
    this.seen += 1;
    this.columns.forEach((c, i) => c.push(values[i] ?? null));
    this.tail = !keep;
    if (keep && this.length > this.max) this.halve();
  }

  clear(): void {
    for (const c of this.columns) c.length = 0;
    this.stride = 1;
    this.seen = 0;
    this.tail = false;
  }

  private halve(): void {
    for (const c of this.columns) {
      let j = 0;
      for (let i = 0; i < c.length; i += 2) c[j++] = c[i] ?? null;
      c.length = j;
    }
    this.stride *= 2;
  }
}
