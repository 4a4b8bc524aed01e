/** Document symbols: the script table with its hooks, then the other top-level functions. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Span } from '../analysis/model';
import { rangeOf } from '../analysis/parse';
import { toRange } from '../lsp-convert';

export function documentSymbols(doc: TextDocument, a: Analysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const hookSpans = new Set(a.hooks.map((h) => h.span[0]));
  const hooks: DocumentSymbol[] = a.hooks.map((h) => ({
    name: h.name, detail: 'hook', kind: SymbolKind.Event, range: toRange(doc, h.span), selectionRange: toRange(doc, h.nameSpan),
  }));
  if (a.script) {
    const table = rangeOf(a.script.table);
    const spans: Span[] = [table, ...a.hooks.map((h) => h.span)];
    if (a.script.nameSpan) spans.push(a.script.nameSpan);
    if (a.finalReturn) spans.push(a.finalReturn);
    const whole: Span = [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
    out.push({
      name: a.script.name ?? 'script', detail: 'flow script', kind: SymbolKind.Module,
      range: toRange(doc, whole), selectionRange: toRange(doc, a.script.nameSpan ?? [table[0], table[0] + 1]), children: hooks,
    });
  } else out.push(...hooks);
  for (const f of a.functions) {
    if (hookSpans.has(f.span[0])) continue;
    out.push({ name: f.name, kind: SymbolKind.Function, range: toRange(doc, f.span), selectionRange: toRange(doc, f.nameSpan) });
  }
  return out;
}
