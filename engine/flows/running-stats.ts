/**
 * Min/max/mean/stddev of a series without keeping the series: what ntopng and nDPI
 * report for packet lengths and inter-arrival times.
 */
export class RunningStats {
  count = 0;
  min = 0;
  max = 0;
  sum = 0;
  sumOfSquares = 0;

  add(value: number): void {
    if (this.count === 0) {
      this.min = value;
      this.max = value;
    } else {
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
    }
    this.count++;
    this.sum += value;
    this.sumOfSquares += value * value;
  }

  get average(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** Population standard deviation (the series is the whole flow, not a sample of it). */
  get stddev(): number {
    if (this.count < 2) return 0;
    const mean = this.sum / this.count;
    const variance = this.sumOfSquares / this.count - mean * mean;
    return variance > 0 ? Math.sqrt(variance) : 0;
  }

  toJSON(): { min: number; max: number; avg: number; stddev: number } {
    return { min: this.min, max: this.max, avg: this.average, stddev: this.stddev };
  }
}
