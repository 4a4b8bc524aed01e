/**
 * Code actions: the quick fixes the rules attach to their findings ("did you mean", successor
 * functions, `return script`, hook skeletons), a "silence on this line" action for each finding,
 * and "add hook" actions on the script table.
 */
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { REAL_HOOK_NAMES } from '../../api/flow';
import { hookStatement } from '../analysis/hook-skeleton';
import type { Analysis, Span } from '../analysis/model';
import { diagnose } from '../diagnostics';
import { toDiagnostic, toTextEdit } from '../lsp-convert';

export function codeActions(doc: TextDocument, range: Range, a: Analysis): CodeAction[] {
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  const touches = (s: Span): boolean => s[0] <= end && start <= s[1];
  const actions: CodeAction[] = [];
  for (const f of diagnose(a)) {
    if (!touches(f.span)) continue;
    const diagnostic = toDiagnostic(doc, f);
    for (const fix of f.fixes ?? []) {
      actions.push({
        title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: !!fix.preferred,
        edit: { changes: { [doc.uri]: fix.edits.map((e) => toTextEdit(doc, e)) } },
      });
    }
    if (f.code !== 'syntax-error') {
      const line = doc.positionAt(f.span[0]).line;
      const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
      const indent = /^[ \t]*/.exec(lineText)![0];
      actions.push({
        title: `Silence ${f.code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
        edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}-- flowscript-disable-next-line ${f.code}\n` }] } },
      });
    }
  }
  const s = a.script;
  if (s?.name && s.returned && a.finalReturn && (s.hooksField || a.hooks.length > 0)) {
    const spans: Span[] = [a.finalReturn, ...a.hooks.map((h) => h.span)];
    if (s.nameSpan) spans.push(s.nameSpan);
    if (s.hooksField) spans.push(s.hooksField.keySpan);
    if (spans.some(touches)) {
      const declared = new Set(a.hooks.map((h) => h.name));
      const at = doc.positionAt(a.finalReturn[0]);
      for (const name of REAL_HOOK_NAMES) {
        if (declared.has(name)) continue;
        actions.push({
          title: `Add the ${name} hook`, kind: CodeActionKind.RefactorRewrite,
          edit: { changes: { [doc.uri]: [{ range: { start: at, end: at }, newText: `${hookStatement(s.name, name, a.profile)}\n` }] } },
        });
      }
    }
  }
  return actions;
}
