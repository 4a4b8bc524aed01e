/**
 * Completion for flow scripts. The context comes from the text before the cursor (luaparse's
 * lexer, or a pattern inside strings), the facts from the catalog, and the script's names from
 * the last analysis that parsed, so that it works while the line being typed is broken.
 */
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { functionByName, HOOKS, L4_KEYS, REAL_HOOK_NAMES, scriptFields, type Profile } from '../../api/flow';
import { NDPI_PROTOCOLS } from '../../api/ndpi';
import { hookParams } from '../analysis/hook-skeleton';
import type { Analysis } from '../analysis/model';
import { fieldMarkdown, hookMarkdown, hookSignature, keyMarkdown } from './describe';
import { membersOf } from './members';
import { enclosingOpen, inLineComment, tokensBefore, type Tok } from './tokens';

export function complete(doc: TextDocument, offset: number, a: Analysis): CompletionItem[] {
  const text = doc.getText();
  if (!a.flowScriptReason) {
    // A new, still empty Lua file: offer to start a flow script, and nothing else.
    const rest = text.slice(0, offset).replace(/[A-Za-z_]\w*$/, '') + text.slice(offset);
    return rest.trim() === '' ? snippetItems(a.profile, a) : [];
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const linePrefix = text.slice(lineStart, offset);
  const profile = a.profile;

  const proto = /\b(l4_proto|l7_proto)\s*=\s*(["'])([^"']*)$/.exec(linePrefix);
  if (proto) return protoItems(doc, proto[1] as 'l4_proto' | 'l7_proto', offset - proto[3].length, offset, profile);
  const inKey = /(?:([A-Za-z_]\w*)|flow\s*[.:]\s*(\w+)\s*\(\s*\))\s*\[\s*(["'])([^"']*)$/.exec(linePrefix);
  if (inKey) return keyItems(doc, text, lineStart, inKey[1], inKey[2], offset - inKey[4].length, offset, '', profile);
  const openKey = /(?:([A-Za-z_]\w*)|flow\s*[.:]\s*(\w+)\s*\(\s*\))\s*\[\s*$/.exec(linePrefix);
  if (openKey) return keyItems(doc, text, lineStart, openKey[1], openKey[2], offset, offset, '"', profile);
  if (inLineComment(linePrefix) || /["']/.test(linePrefix.replace(/(["'])(?:\\.|(?!\1).)*\1/g, ''))) return [];

  const toks = tokensBefore(text, offset);
  if (!toks) return [];
  let i = toks.length;
  const last = toks[i - 1];
  if (last && (last.type === 'name' || last.type === 'keyword') && last.end === offset) i--;
  const prev = toks[i - 1];

  if (prev?.type === 'punct' && (prev.value === '.' || prev.value === ':')) return memberItems(toks, i, a);

  const open = enclosingOpen(toks.slice(0, i), '{');
  if (open >= 0 && prev && prev.type === 'punct' && ['{', ',', ';'].includes(prev.value)) {
    const owner = tableOwner(toks, open, a);
    if (owner === 'hooks') return hookFieldItems(profile);
    if (owner === 'gui' || owner === 'script') {
      return scriptFields(profile, owner).map((f) => ({
        label: f.name, kind: CompletionItemKind.Field, detail: f.parent === 'gui' ? `gui.${f.name}` : `script.${f.name}`,
        documentation: { kind: MarkupKind.Markdown, value: fieldMarkdown(f, profile) },
        insertText: `${f.name} = `,
      }));
    }
    return [];
  }
  if (linePrefix.trim() === (last && last.end === offset ? last.value : '')) return snippetItems(profile, a);
  return [];
}

function memberItems(toks: Tok[], i: number, a: Analysis): CompletionItem[] {
  const parts: string[] = [];
  let j = i - 1;
  while (j >= 1 && toks[j].type === 'punct' && (toks[j].value === '.' || toks[j].value === ':') && toks[j - 1].type === 'name') {
    parts.unshift(toks[j - 1].value);
    j -= 2;
  }
  if (parts.length === 0) return [];
  const isDeclaration = toks[j]?.type === 'keyword' && toks[j].value === 'function';
  const [root, ...path] = parts;
  if (path.length >= 1 && path[path.length - 1] === 'hooks') return hookItems(a.profile, isDeclaration);
  const binding = lastBinding(a, root);
  const module = binding ? binding.requires : requiredInText(a.text, root) ?? root;
  const isScript = root === (a.script?.name ?? 'script');
  const members = membersOf(module, path, a.profile, isScript) ?? [];
  return members.map((m) => ({
    label: m.name, kind: m.kind, detail: m.detail,
    documentation: { kind: MarkupKind.Markdown, value: m.doc },
  }));
}

/** `local <name> = require("m")` in the text, for files that have never parsed. */
function requiredInText(text: string, name: string): string | undefined {
  const m = new RegExp(`local\\s+${name.replace(/[$]/g, '\\$&')}\\s*=\\s*require\\s*\\(?\\s*["']([\\w.]+)["']`).exec(text);
  return m?.[1];
}

function lastBinding(a: Analysis, name: string) {
  for (let k = a.bindings.length - 1; k >= 0; k--) if (a.bindings[k].name === name) return a.bindings[k];
  return undefined;
}

/** What the table being written is: the script table, its gui, its hooks, or something else. */
function tableOwner(toks: Tok[], open: number, a: Analysis): 'hooks' | 'gui' | 'script' | undefined {
  const before = toks[open - 1];
  if (before?.type === 'keyword' && before.value === 'return') return 'script';
  if (before?.type !== 'punct' || before.value !== '=') return undefined;
  const name = toks[open - 2];
  if (name?.type !== 'name') return undefined;
  if (name.value === 'hooks') return 'hooks';
  if (name.value === 'gui') return 'gui';
  if (name.value === (a.script?.name ?? 'script') && enclosingOpen(toks.slice(0, open - 2), '{') < 0) return 'script';
  return undefined;
}

function hookItems(profile: Profile, declaration: boolean): CompletionItem[] {
  return HOOKS.map((h) => {
    const item: CompletionItem = {
      label: h.name, kind: CompletionItemKind.Event, detail: hookSignature(h, profile),
      documentation: { kind: MarkupKind.Markdown, value: hookMarkdown(h, profile) },
    };
    if (declaration) {
      item.insertText = `${h.name}(${hookParams(h.name, profile)})\n\t$0\nend`;
      item.insertTextFormat = InsertTextFormat.Snippet;
    }
    return item;
  });
}

function hookFieldItems(profile: Profile): CompletionItem[] {
  return HOOKS.map((h) => ({
    label: h.name, kind: CompletionItemKind.Event, detail: hookSignature(h, profile),
    documentation: { kind: MarkupKind.Markdown, value: hookMarkdown(h, profile) },
    insertText: `${h.name} = function(${hookParams(h.name, profile)})\n\t$0\nend,`,
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

function replaceEdit(doc: TextDocument, start: number, end: number, newText: string): TextEdit {
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText };
}

function protoItems(doc: TextDocument, field: 'l4_proto' | 'l7_proto', start: number, end: number, profile: Profile): CompletionItem[] {
  if (field === 'l4_proto') {
    return L4_KEYS[profile].map((k) => ({
      label: k.name, kind: CompletionItemKind.EnumMember, detail: `IP protocol ${k.id}`, textEdit: replaceEdit(doc, start, end, k.name),
    }));
  }
  return NDPI_PROTOCOLS.map((p) => ({
    label: p.name, kind: CompletionItemKind.EnumMember, detail: `nDPI protocol ${p.id}`, textEdit: replaceEdit(doc, start, end, p.name),
  }));
}

/** Keys of the table a getter returns, for `name["` (the local holding it) or `flow.getX()["`. */
function keyItems(
  doc: TextDocument, text: string, lineStart: number, name: string | undefined, directGetter: string | undefined,
  start: number, end: number, quote: string, profile: Profile,
): CompletionItem[] {
  const getter = directGetter ?? (name ? getterHeldBy(text.slice(0, lineStart + 1), name) : undefined);
  if (!getter) return [];
  const keys = functionByName(getter, profile)?.fn.returns.keys;
  if (!keys) return [];
  return keys.map((k) => ({
    label: k, kind: CompletionItemKind.Property, detail: `flow.${getter}()`,
    documentation: { kind: MarkupKind.Markdown, value: keyMarkdown(getter, k) },
    textEdit: replaceEdit(doc, start, end, quote ? `${quote}${k}${quote}` : k),
    filterText: quote ? `${quote}${k}` : k,
  }));
}

/** The getter whose result `name` holds, from the nearest `name = flow.getX(` before the cursor. */
function getterHeldBy(textBefore: string, name: string): string | undefined {
  const escaped = name.replace(/[$]/g, '\\$&');
  const re = new RegExp(`(?:^|[^\\w.])${escaped}\\s*=\\s*flow\\s*[.:]\\s*(\\w+)\\s*\\(`, 'g');
  let found: string | undefined;
  for (let m = re.exec(textBefore); m; m = re.exec(textBefore)) found = m[1];
  return found;
}

function snippetItems(profile: Profile, a: Analysis): CompletionItem[] {
  const hookChoice = `\${1|${REAL_HOOK_NAMES.join(',')}|}`;
  const params = hookParams('protocolDetected', profile);
  const items: CompletionItem[] = [];
  if (!a.script) {
    items.push({
      label: 'flowscript', kind: CompletionItemKind.Snippet, detail: 'New ntopng flow script',
      documentation: 'A script table with gui and one hook, returned at the end as ntopng expects.',
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: [
        'local script = {',
        '\thooks = {},',
        '',
        '\tgui = {',
        '\t\ti18n_title = "${2:Title}",',
        '\t\ti18n_description = "${3:What the script detects}",',
        '\t},',
        '}',
        '',
        `function script.hooks.${hookChoice}(${params})`,
        '\t$0',
        'end',
        '',
        'return script',
        '',
      ].join('\n'),
    });
  }
  const scriptName = a.script?.name ?? 'script';
  items.push({
    label: 'hook', kind: CompletionItemKind.Snippet, detail: `function ${scriptName}.hooks.<name>(${params})`,
    documentation: 'A hook function on the script table.',
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: `function ${scriptName}.hooks.${hookChoice}(${params})\n\t$0\nend`,
  });
  return items;
}
