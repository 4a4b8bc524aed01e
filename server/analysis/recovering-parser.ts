/**
 * Every syntax error of a file, not only the first: luaparse stops at its first error, so the
 * further ones come from tree-sitter's Lua grammar, which recovers (shared/deps-notes.md §3:
 * blanking lines and re-parsing with luaparse cascaded into false errors).
 *
 * The WebAssembly files are found next to the bundle (scripts/build.mjs copies them into dist/)
 * or, when running from source, in node_modules.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Node as TsNode, Parser, Point, Tree } from 'web-tree-sitter';

// Loaded with require so that esbuild bundles web-tree-sitter's CommonJS build: its ES module
// build needs import.meta.url, which a CommonJS bundle does not have.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const treeSitter = require('web-tree-sitter') as typeof import('web-tree-sitter');

declare const __BUNDLED__: boolean;

export interface RecoveredError {
  message: string;
  start: number;
  end: number;
}

let parser: Parser | undefined;
let loading: Promise<Parser> | undefined;

function wasmPaths(): { runtime: string; grammar: string } {
  return typeof __BUNDLED__ !== 'undefined' && __BUNDLED__
    ? { runtime: join(__dirname, 'web-tree-sitter.wasm'), grammar: join(__dirname, 'tree-sitter-lua.wasm') }
    : {
      runtime: require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
      grammar: join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-lua/package.json')), 'tree-sitter-lua.wasm'),
    };
}

/** Loads the parser once; later calls return the same promise. */
export function loadRecoveringParser(): Promise<Parser> {
  loading ??= (async () => {
    const { runtime, grammar } = wasmPaths();
    for (const file of [runtime, grammar]) {
      if (!existsSync(file)) throw new Error(`tree-sitter file missing: ${file} (rebuild with npm run build)`);
    }
    await treeSitter.Parser.init({ locateFile: () => runtime });
    const language = await treeSitter.Language.load(grammar);
    const p = new treeSitter.Parser();
    p.setLanguage(language);
    parser = p;
    return p;
  })();
  return loading;
}

/** The last tree of each document, re-parsed incrementally (a full parse of 2,000 lines costs ~35 ms). */
const trees = new Map<string, { text: string; tree: Tree }>();

/**
 * Syntax errors found by tree-sitter, in text order, as character offsets. Undefined when the
 * parser is not loaded yet or when it could not localise anything (the whole file became one
 * ERROR node): callers then keep luaparse's single error. With a `key` (the document URI) the
 * tree is kept and the next call re-parses only around the change.
 */
export function recoveredErrors(text: string, key?: string): RecoveredError[] | undefined {
  if (!parser) return undefined;
  const previous = key ? trees.get(key) : undefined;
  let tree: Tree | null;
  if (previous) {
    previous.tree.edit(editBetween(previous.text, text));
    tree = parser.parse(text, previous.tree);
    previous.tree.delete();
    trees.delete(key!);
  } else tree = parser.parse(text);
  if (!tree) return undefined;
  if (key) trees.set(key, { text, tree });
  try {
    const root = tree.rootNode;
    if (root.type === 'ERROR') return undefined;
    const found: RecoveredError[] = [];
    collect(root, found);
    return found.sort((a, b) => a.start - b.start);
  } finally {
    if (!key) tree.delete();
  }
}

/** Drops the kept tree of a closed document. */
export function forgetTree(key: string): void {
  trees.get(key)?.tree.delete();
  trees.delete(key);
}

/** The single edit that turns `before` into `after` (common prefix and suffix kept); offsets in UTF-16 units, as web-tree-sitter counts them. */
function editBetween(before: string, after: string) {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  return {
    startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd,
    startPosition: pointAt(before, start), oldEndPosition: pointAt(before, oldEnd), newEndPosition: pointAt(after, newEnd),
  } as Parameters<Tree['edit']>[0];
}

function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}

function collect(node: TsNode, out: RecoveredError[]): void {
  if (node.isMissing) {
    out.push({ message: `'${node.type}' expected`, start: node.startIndex, end: node.endIndex });
    return;
  }
  if (node.isError) {
    const inner = node.children.filter((c): c is TsNode => !!c && (c.hasError || c.isError || c.isMissing));
    if (inner.length > 0) {
      for (const c of inner) collect(c, out);
      return;
    }
    const first = node.text.split('\n')[0].trim();
    out.push({ message: `unexpected ${first ? `'${first.slice(0, 30)}'` : 'symbol'}`, start: node.startIndex, end: node.endIndex });
    return;
  }
  if (!node.hasError) return;
  for (const c of node.children) if (c) collect(c, out);
}
