/** Buffered stdout for commands that print many lines (one write per ~64 KB, not per line). */
export class LineWriter {
  private buffer = '';

  constructor(private readonly write: (text: string) => void = (t) => process.stdout.write(t)) {}

  line(text: string): void {
    this.buffer += text + '\n';
    if (this.buffer.length > 65536) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    this.write(this.buffer);
    this.buffer = '';
  }
}
