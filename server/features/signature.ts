/** Signature help inside `flow.<name>(`: the profile's parameters, the active one highlighted. */
import { MarkupKind, type SignatureHelp } from 'vscode-languageserver';
import { functionByName, type Profile } from '../../api/flow';
import { functionMarkdown, paramText, signatureOf } from './describe';
import { enclosingOpen, tokensBefore } from './tokens';

export function signatureHelp(text: string, offset: number, profile: Profile): SignatureHelp | null {
  const toks = tokensBefore(text, offset);
  if (!toks) return null;
  const open = enclosingOpen(toks, '(');
  if (open < 3) return null;
  const [root, dot, name] = [toks[open - 3], toks[open - 2], toks[open - 1]];
  if (root.value !== 'flow' || root.type !== 'name' || dot.type !== 'punct' || (dot.value !== '.' && dot.value !== ':') || name.type !== 'name') return null;
  const found = functionByName(name.value, profile);
  if (!found) return null;
  const fn = found.fn;
  let active = 0;
  let depth = 0;
  for (const t of toks.slice(open + 1)) {
    if (t.type !== 'punct') continue;
    if (t.value === '(' || t.value === '{' || t.value === '[') depth++;
    else if (t.value === ')' || t.value === '}' || t.value === ']') depth--;
    else if (t.value === ',' && depth === 0) active++;
  }
  const label = signatureOf(fn);
  let at = label.indexOf('(') + 1;
  const parameters = fn.params.map((p) => {
    const text = paramText(p);
    const range: [number, number] = [at, at + text.length];
    at += text.length + 2;
    return { label: range, documentation: p.doc };
  });
  return {
    signatures: [{ label, documentation: { kind: MarkupKind.Markdown, value: functionMarkdown(fn, profile) }, parameters }],
    activeSignature: 0,
    activeParameter: Math.min(active, Math.max(0, fn.params.length - 1)),
  };
}
