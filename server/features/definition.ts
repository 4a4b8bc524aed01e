/** Go to definition: a local's declaration, and a required module's file next to the script. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Span } from '../analysis/model';
import { uriToPath } from '../document-analyses';
import { toRange } from '../lsp-convert';

const inside = (s: Span, offset: number): boolean => s[0] <= offset && offset <= s[1];

export function definition(doc: TextDocument, offset: number, a: Analysis): Location[] {
  for (const r of a.requires) {
    if (inside(r.span, offset)) return moduleFile(doc.uri, r.module);
  }
  for (const b of a.bindings) {
    if (inside(b.decl, offset) || b.reads.some((s) => inside(s, offset))) {
      const here: Location = { uri: doc.uri, range: toRange(doc, b.decl) };
      // On the declaration of `local m = require("m")`, jump on to the module itself.
      if (inside(b.decl, offset) && b.requires) {
        const file = moduleFile(doc.uri, b.requires);
        if (file.length > 0) return file;
      }
      return [here];
    }
  }
  return [];
}

/** `require("a.b")` next to the script: a/b.lua or a/b/init.lua. */
function moduleFile(uri: string, module: string): Location[] {
  if (!uri.startsWith('file:')) return [];
  const dir = dirname(uriToPath(uri));
  const rel = module.split('.').join('/');
  for (const candidate of [join(dir, `${rel}.lua`), join(dir, rel, 'init.lua')]) {
    if (existsSync(candidate)) return [{ uri: pathToFileURL(candidate).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
  return [];
}
