/**
 * "Flow Script: New Flow Script" opens NEW_SCRIPT_TEMPLATE as an untitled document: the language
 * server must have nothing to say about it in any profile (and it must be taken for a flow script,
 * or its silence would mean nothing). The editor side is in test/e2e/vscode-extension.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROFILES } from '../../api/flow';
import { NEW_SCRIPT_TEMPLATE } from '../../client/commands/new-script-template';
import { LspClient } from './support/lsp-client';

test('the new-script template is a flow script with no diagnostic in any profile', async () => {
  const client = await LspClient.start();
  try {
    for (const profile of PROFILES) {
      const uri = `untitled:Untitled-${profile}`;
      const text = profile === PROFILES[0] ? NEW_SCRIPT_TEMPLATE : `-- flowscript: profile=${profile}\n${NEW_SCRIPT_TEMPLATE}`;
      const diagnostics = await client.open(uri, text);
      assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}: ${d.message}`), [], profile);
      const symbols = await client.symbols(uri);
      assert.equal(symbols[0]?.detail, 'flow script', profile);
    }
  } finally {
    await client.stop();
  }
});
