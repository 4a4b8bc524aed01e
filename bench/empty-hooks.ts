/**
 * Copies flow scripts with every hook's body removed: same filters, same hooks, so the engine makes
 * exactly the same calls, but the hooks do nothing. The run of these copies measures what the calls
 * themselves cost (scheduler, host, fengari), apart from what the scripts do in them.
 */
import * as luaparse from 'luaparse';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

type Node = luaparse.Node & { range?: [number, number] };

/** Writes the emptied copies into a fresh temporary folder; returns their paths (same file names). */
export function emptyHookCopies(scripts: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-empty-hooks-'));
  return scripts.map((file) => {
    const out = join(dir, basename(file));
    writeFileSync(out, emptyHooks(readFileSync(file, 'utf8')));
    return out;
  });
}

/** The source with the body of every hook function cut out (`function(now) end`). */
export function emptyHooks(source: string): string {
  const chunk = luaparse.parse(source, { luaVersion: '5.3', ranges: true }) as Node;
  const bodies: Array<[number, number]> = [];
  visit(chunk, (node, inHooksTable) => {
    if (node.type === 'FunctionDeclaration' && node.body.length && isHookName(node.identifier)) bodies.push(bodyRange(node));
    if (node.type === 'TableKeyString' && inHooksTable && node.value.type === 'FunctionDeclaration' && node.value.body.length) bodies.push(bodyRange(node.value));
  });
  let text = source;
  for (const [from, to] of bodies.sort((a, b) => b[0] - a[0])) text = text.slice(0, from) + '\n' + text.slice(to);
  return text;
}

/** `script.hooks.protocolDetected` and the like. */
function isHookName(id: luaparse.FunctionDeclaration['identifier']): boolean {
  return id?.type === 'MemberExpression' && id.base.type === 'MemberExpression' && id.base.identifier.name === 'hooks';
}

function bodyRange(fn: luaparse.FunctionDeclaration): [number, number] {
  const first = fn.body[0] as Node;
  const last = fn.body[fn.body.length - 1] as Node;
  return [first.range![0], last.range![1]];
}

/** Walks every node; the flag says whether the node is a field of a `hooks = { ... }` table. */
function visit(node: unknown, onNode: (n: luaparse.Node, inHooksTable: boolean) => void, inHooksTable = false): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) visit(child, onNode, inHooksTable);
    return;
  }
  const n = node as luaparse.Node;
  if (typeof n.type !== 'string') return;
  onNode(n, inHooksTable);
  const hooksTable = n.type === 'TableKeyString' && n.key.name === 'hooks' && n.value.type === 'TableConstructorExpression';
  for (const [key, child] of Object.entries(n)) {
    if (key === 'range' || key === 'loc') continue;
    visit(child, onNode, hooksTable ? true : n.type === 'TableKeyString' ? false : inHooksTable);
  }
}
