/**
 * The per-file profile override: `-- flowscript: profile=4.0` on the first line, or on any line
 * of the comment block that opens the file (where the extension also reads
 * `-- flowscript: capture=...`).
 */
import type { Span } from './model';

const PATTERN = /^(--+\s*flowscript:\s*profile\s*=\s*)([^\s,;]*)/;

export function readProfileComment(text: string): { value: string; span: Span } | undefined {
  let offset = 0;
  while (offset <= text.length) {
    const end = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
    const line = text.slice(offset, end).replace(/\r$/, '');
    const indent = /^\s*/.exec(line)![0].length;
    const trimmed = line.slice(indent);
    if (trimmed !== '') {
      if (!trimmed.startsWith('--')) return undefined;
      const m = PATTERN.exec(trimmed);
      if (m) {
        const start = offset + indent + m[1].length;
        return { value: m[2], span: [start, start + m[2].length] };
      }
    }
    if (end === text.length) return undefined;
    offset = end + 1;
  }
  return undefined;
}
