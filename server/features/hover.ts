/** Hover: the catalog's documentation for what is under the cursor. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { functionByName, globalsFor, hookByName, SCRIPT_FIELDS } from '../../api/flow';
import { riskById } from '../../api/ndpi';
import { rangeOf } from '../analysis/parse';
import type { Analysis, Span } from '../analysis/model';
import { toRange } from '../lsp-convert';
import { fieldMarkdown, functionMarkdown, hookMarkdown, keyMarkdown, memberMarkdown } from './describe';
import { membersOf } from './members';

const inside = (s: Span, offset: number): boolean => s[0] <= offset && offset <= s[1];

export function hover(doc: TextDocument, offset: number, a: Analysis): Hover | null {
  const md = (value: string, span: Span): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: toRange(doc, span) });
  for (const u of a.flowUses) {
    const risk = riskArgument(u, offset);
    if (risk) return md(risk.text, risk.span);
    if (!inside(u.nameSpan, offset)) continue;
    const found = functionByName(u.name, a.profile);
    if (!found) return md(`\`flow.${u.name}\`: not a flow function in any profile.`, u.nameSpan);
    return md(functionMarkdown(found.fn, a.profile), u.nameSpan);
  }
  for (const h of a.hooks) {
    if (!inside(h.nameSpan, offset)) continue;
    const hook = hookByName(h.name);
    return md(hook ? hookMarkdown(hook, a.profile) : `\`${h.name}\` is not a hook ntopng knows.`, h.nameSpan);
  }
  for (const r of a.resultKeyReads) if (inside(r.span, offset)) return md(keyMarkdown(r.getter, r.key), r.span);
  for (const f of a.script?.fields ?? []) {
    if (!inside(f.keySpan, offset)) continue;
    const field = SCRIPT_FIELDS.find((x) => x.parent === 'script' && x.name === f.name);
    if (field) return md(fieldMarkdown(field, a.profile), f.keySpan);
  }
  for (const c of a.chains) {
    const last = c.parts[c.parts.length - 1];
    if (!inside(last.span, offset)) continue;
    const path = c.parts.slice(0, -1).map((p) => p.name);
    const members = membersOf(c.module, path, a.profile, c.root === a.script?.name);
    const m = members?.find((x) => x.name === last.name);
    if (m) return md(`\`\`\`lua\n${m.detail}\n\`\`\`\n\n${m.doc}`, last.span);
  }
  for (const g of a.globalReads) {
    if (!inside(g.span, offset)) continue;
    const known = globalsFor(a.profile).find((x) => x.name === g.name);
    if (known) return md(memberMarkdown('_G', known).replace('_G.', ''), g.span);
  }
  return null;
}

/** The nDPI risk a literal id names in `flow.hasRisk(N)`, when the cursor is on N. */
function riskArgument(u: Analysis['flowUses'][number], offset: number): { text: string; span: Span } | undefined {
  const arg = u.name === 'hasRisk' ? u.args?.[u.method ? 1 : 0] : undefined;
  if (!arg || arg.type !== 'NumericLiteral') return undefined;
  const span = rangeOf(arg);
  if (!inside(span, offset)) return undefined;
  const risk = riskById(arg.value);
  const text = risk
    ? `nDPI risk ${risk.id}: **${risk.name}** (\`${risk.key}\`, severity ${risk.severity}, score ${risk.score})\n\n${risk.doc}`
    : `${arg.value} is not an nDPI 4.2 risk id (1..41): \`flow.hasRisk(${arg.value})\` is always false.`;
  return { text, span };
}
