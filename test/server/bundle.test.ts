/**
 * dist/server.js runs on its own, as it does inside the .vsix (no node_modules): copied with
 * its two WebAssembly files into an empty folder, it still reports several syntax errors at
 * once, which needs tree-sitter's files next to the bundle.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { LspClient } from './support/lsp-client';

test('the server bundle needs only its .wasm files next to it', async () => {
  const dist = resolve(__dirname, '..', '..', 'dist');
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-server-'));
  for (const f of ['server.js', 'web-tree-sitter.wasm', 'tree-sitter-lua.wasm']) copyFileSync(join(dist, f), join(dir, f));
  const client = await LspClient.start({ command: { file: join(dir, 'server.js'), args: ['--stdio'] } });
  const text = 'local script = { hooks = {} }\nlocal a = = 1\nlocal b = = 2\nreturn script\n';
  const diagnostics = await client.open('file:///tmp/samples/two_errors.lua', text);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['syntax-error', 1], ['syntax-error', 2]]);
  assert.equal(await client.stop(), 0);
  assert.doesNotMatch(client.stderr.join(''), /only the first syntax error/);
});
