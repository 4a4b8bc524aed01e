import { humanBytes } from '../report/text-table';

/**
 * A one-line progress indicator on stderr for work that takes more than a second, only
 * when stderr is a terminal (never in pipes, CI logs or JSON output).
 */
export class TerminalProgress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly label: string,
    stream: NodeJS.WriteStream = process.stderr,
    private readonly out = stream,
  ) {
    this.enabled = Boolean(stream.isTTY) && process.env.FLOWSCRIPT_NO_PROGRESS !== '1';
  }

  update(done: number, total: number, packets: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const percent = total > 0 ? Math.min(100, (100 * done) / total) : 0;
    const seconds = (now - this.started) / 1000;
    const width = 24;
    const filled = Math.round((percent / 100) * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    const rate = Math.round(packets / seconds).toLocaleString('en-US');
    this.out.write(
      `\r${this.label} [${bar}] ${percent.toFixed(0).padStart(3)}%  ${humanBytes(done)}/${humanBytes(total)}  ${packets.toLocaleString('en-US')} packets  ${rate} pkt/s `,
    );
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}
