/**
 * The .vsix holds what the manifest points at: the grammar it contributes and every bundle the
 * extension loads, as `vsce ls` (the packager's own file list) reports them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

test('the contributed injection grammar exists, names its scope and targets Lua', () => {
  const grammars: Array<{ scopeName: string; path: string; injectTo: string[] }> = manifest.contributes.grammars;
  assert.equal(grammars.length, 1);
  const [g] = grammars;
  const grammar = JSON.parse(readFileSync(g.path, 'utf8'));
  assert.equal(grammar.scopeName, g.scopeName);
  assert.ok(grammar.injectionSelector.includes('source.lua'), grammar.injectionSelector);
  assert.deepEqual(g.injectTo, ['source.lua']);
});

test('vsce packages the grammar, the bundles the extension loads and the samples', () => {
  const vsce = join('node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['ls', '--no-dependencies'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = new Set(r.stdout.trim().split('\n'));
  const needed = [
    manifest.contributes.grammars[0].path.replace(/^\.\//, ''),
    manifest.main.replace(/^\.\//, ''),
    'dist/server.js', 'dist/run-worker.js', 'dist/lua-worker.js', 'dist/dpi.js',
    'dist/web-tree-sitter.wasm', 'dist/tree-sitter-lua.wasm',
    'samples/suspicious_countries.lua', 'samples/captures/mixed.pcap',
  ];
  for (const f of needed) assert.ok(files.has(f), `${f} is in the .vsix (vsce ls)`);
  assert.ok(![...files].some((f) => f.startsWith('node_modules/') || f.endsWith('.ts')), 'no sources or node_modules');
});
