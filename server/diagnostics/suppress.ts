/**
 * Silencing comments: `-- flowscript-disable-next-line <code>[, <code>...]` above a line, or
 * `-- flowscript-disable-line <code>...` at its end. Without a code they silence every code.
 */
import type { Analysis } from '../analysis/model';
import { rangeOf } from '../analysis/parse';
import type { Finding } from './rule';

const PATTERN = /^\s*flowscript-disable-(next-line|line)\b(.*)$/;

/** Line number → silenced codes ('*' for all). */
function silencedLines(a: Analysis, lineAt: (offset: number) => number): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const c of a.comments) {
    const m = PATTERN.exec(c.value);
    if (!m) continue;
    const line = lineAt(rangeOf(c)[0]) + (m[1] === 'next-line' ? 1 : 0);
    const codes = m[2].split(/[\s,]+/).filter(Boolean);
    const set = out.get(line) ?? new Set<string>();
    if (codes.length === 0) set.add('*');
    for (const code of codes) set.add(code);
    out.set(line, set);
  }
  return out;
}

export function withoutSilenced(a: Analysis, findings: Finding[]): Finding[] {
  if (a.comments.length === 0) return findings;
  const starts: number[] = [0];
  for (let i = a.text.indexOf('\n'); i >= 0; i = a.text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const silenced = silencedLines(a, lineAt);
  if (silenced.size === 0) return findings;
  return findings.filter((f) => {
    const set = silenced.get(lineAt(f.span[0]));
    return !set || !(set.has('*') || set.has(f.code));
  });
}
