/**
 * Groups hits into arrays before they cross the thread boundary: one postMessage per hit
 * would cost more than the hit itself on a busy capture. A batch leaves when it is full, or
 * after `delayMs` so that a slow trickle of hits still shows up promptly.
 */
import type { Hit } from '../hits';

export class HitBatcher {
  private batch: Hit[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (hits: Hit[]) => void,
    private readonly size = 500,
    private readonly delayMs = 50,
  ) {}

  add(hit: Hit): void {
    this.batch.push(hit);
    if (this.batch.length >= this.size) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.batch.length === 0) return;
    const out = this.batch;
    this.batch = [];
    this.send(out);
  }
}
