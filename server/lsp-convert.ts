/** Findings (character offsets) to LSP diagnostics and edits (line/character positions). */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from './analysis/model';
import type { Finding, Severity, TextEditSpan } from './diagnostics';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'flowscript';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span[0]), end: doc.positionAt(span[1]) };
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const d: Diagnostic = { range: toRange(doc, f.span), severity: SEVERITY[f.severity], code: f.code, source: SOURCE, message: f.message };
  if (f.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

export function toTextEdit(doc: TextDocument, e: TextEditSpan): TextEdit {
  return { range: toRange(doc, e.span), newText: e.newText };
}
