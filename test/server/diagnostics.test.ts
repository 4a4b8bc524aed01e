/**
 * Every fixture in test/fixtures/server/diagnostics/ is opened in the built server over stdio;
 * the diagnostics it publishes must be exactly the ones marked in the fixture (code and range).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from './support/lsp-client';
import { describeDiagnostic, readMarkers } from './support/markers';

const dir = resolve(__dirname, '..', 'fixtures', 'server', 'diagnostics');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.lua')).sort();
let client: LspClient;

before(async () => {
  client = await LspClient.start();
});
after(async () => {
  assert.equal(await client.stop(), 0);
});

test('there are fixtures for every rule', () => {
  const codes = new Set(fixtures.flatMap((f) => readMarkers(readFileSync(join(dir, f), 'utf8')).expected.map((e) => e.code)));
  for (const code of [
    'syntax-error', 'invalid-profile', 'script-not-returned', 'missing-hooks', 'empty-hooks', 'unknown-hook', 'hook-outside-hooks',
    'hook-never-called', 'unknown-flow-function', 'unavailable-in-profile', 'wrong-argument-count', 'wrong-argument-type',
    'expensive-in-hook', 'unknown-result-key', 'invalid-l4-proto', 'invalid-l7-proto', 'unknown-status-type', 'unknown-severity', 'undefined-global',
    'unused-local',
  ]) assert.ok(codes.has(code), `no fixture marks ${code}`);
});

for (const fixture of fixtures) {
  test(`diagnostics of ${fixture}`, async () => {
    const { text, expected } = readMarkers(readFileSync(join(dir, fixture), 'utf8'));
    const uri = pathToFileURL(join(dir, fixture)).href;
    const diagnostics = await client.open(uri, text);
    await client.close(uri);
    assert.deepEqual(
      diagnostics.map(describeDiagnostic).sort(),
      expected.map(describeDiagnostic).sort(),
      diagnostics.map((d) => `${describeDiagnostic(d)}: ${d.message}`).join('\n'),
    );
    for (const d of diagnostics) {
      assert.equal(d.source, 'flowscript');
      assert.ok(typeof d.message === 'string' && d.message.length > 10, String(d.message));
    }
  });
}
