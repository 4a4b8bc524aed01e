/**
 * Every sample script in samples/ must be clean: no diagnostic at all from the language server
 * (over stdio) nor from `flowscript check`, in the profile its first line names (default 2019.11).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { runCli } from '../support/run-cli';
import { LspClient } from './support/lsp-client';

const samples = resolve(__dirname, '..', '..', 'samples');
const scripts = readdirSync(samples).filter((f) => f.endsWith('.lua')).sort();

test('samples/ holds the documentation sample', () => {
  assert.ok(scripts.includes('suspicious_countries.lua'));
});

test('the language server finds nothing to say about any sample', async () => {
  const client = await LspClient.start();
  try {
    for (const name of scripts) {
      const uri = pathToFileURL(join(samples, name)).href;
      const diagnostics = await client.open(uri, readFileSync(join(samples, name), 'utf8'));
      assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}: ${d.message}`), [], name);
      // Opened as a flow script (by folder and by content), so the silence means something.
      const symbols = await client.symbols(uri);
      assert.equal(symbols[0]?.detail, 'flow script', name);
    }
  } finally {
    await client.stop();
  }
});

test('flowscript check passes every sample', () => {
  const result = runCli(['check', ...scripts.map((s) => join(samples, s))]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, new RegExp(`^${scripts.length} files? checked: 0 errors, 0 warnings, 0 hints$`, 'm'));
});
