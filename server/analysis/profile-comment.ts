/** The per-file profile override: a first-line comment such as `-- flowscript: profile=4.0`. */
import type { Span } from './model';

const PATTERN = /^--\s*flowscript:\s*profile\s*=\s*([^\s,;]*)/;

export function readProfileComment(text: string): { value: string; span: Span } | undefined {
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  const m = PATTERN.exec(firstLine);
  if (!m) return undefined;
  const start = m[0].length - m[1].length;
  return { value: m[1], span: [start, start + m[1].length] };
}
