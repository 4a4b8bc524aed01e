/**
 * The shape every diagnostic rule shares (one module per rule, LuaLS style): a stable code that
 * users can silence and look up in docs/diagnostics.md, a default severity, and a check that
 * turns an Analysis into findings, each with optional quick fixes.
 */
import type { Analysis, Span } from '../analysis/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEditSpan {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEditSpan[];
  /** The obvious fix (an editor may apply it on a single key press). */
  preferred?: boolean;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes?: Fix[];
  /** Code that does nothing (faded by editors). */
  unnecessary?: boolean;
}

export interface Rule {
  code: string;
  severity: Severity;
  /** One line for docs/diagnostics.md and `flowscript check --list`. */
  summary: string;
  check(analysis: Analysis): Finding[];
}

/** "did you mean" fixes that replace `span` with each suggestion. */
export function replaceFixes(span: Span, suggestions: readonly string[], render: (s: string) => string = (s) => s): Fix[] {
  return suggestions.map((s, i) => ({ title: `Change to ${render(s)}`, edits: [{ span, newText: s }], ...(i === 0 ? { preferred: true } : {}) }));
}

export function didYouMean(suggestions: readonly string[], render: (s: string) => string = (s) => s): string {
  if (suggestions.length === 0) return '';
  return `; did you mean ${suggestions.map(render).join(' or ')}?`;
}
