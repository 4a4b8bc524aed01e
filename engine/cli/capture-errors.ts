import { basename } from 'node:path';
import type { CaptureIssue } from '../capture/packet';

/**
 * Prints capture problems to stderr as they are found: one line each, naming the file,
 * the byte offset and what was wrong, and at most `limit` of them (then a count).
 */
export class CaptureIssuePrinter {
  private printed = 0;
  private hidden = 0;

  constructor(
    private readonly file: string,
    private readonly limit = 20,
  ) {}

  print = (issue: CaptureIssue): void => {
    if (this.printed >= this.limit) {
      this.hidden++;
      return;
    }
    this.printed++;
    process.stderr.write(`${formatIssue(this.file, issue)}\n`);
  };

  finish(): void {
    if (this.hidden > 0) process.stderr.write(`${basename(this.file)}: ... and ${this.hidden} more problem(s)\n`);
  }
}

export function formatIssue(file: string, issue: CaptureIssue): string {
  const where = issue.packet !== undefined ? `byte ${issue.offset} (packet ${issue.packet})` : `byte ${issue.offset}`;
  return `${file}: ${where}: ${issue.message}`;
}
