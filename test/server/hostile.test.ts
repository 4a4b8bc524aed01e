/**
 * Hostile or odd text never takes the server down: each case gets a clear syntax error (or a
 * correct result), and the same server still answers afterwards.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from './support/lsp-client';

const uri = (n: string) => `file:///tmp/samples/hostile_${n}.lua`;

test('odd input gives clear diagnostics and the server keeps working', async () => {
  const client = await LspClient.start();
  const cases: [string, string, string[]][] = [
    ['empty', '', ['script-not-returned']],
    ['deep', `local x = ${'('.repeat(5000)}1${')'.repeat(5000)}\n`, ['syntax-error']],
    ['bytes', '\uFFFD\u0000 garbage', ['syntax-error']],
    ['bang', 'local script = { hooks = {} }\nlocal y = 1\n!\nreturn script\n', ['syntax-error']],
    ['stray', 'local script = { hooks = {} }\nlocal x = @\nreturn script\n', ['syntax-error']],
    ['unterminated', 'local s = "open\nreturn s\n', ['syntax-error']],
    ['crlf', 'local script = {\r\n  hooks = { protocolDetectd = function(now) end }\r\n}\r\nreturn script\r\n', ['unknown-hook']],
  ];
  for (const [name, text, codes] of cases) {
    const diagnostics = await client.open(uri(name), text);
    assert.deepEqual(diagnostics.map((d) => d.code), codes, name);
  }
  const crlf = await client.open(uri('crlf2'), 'local script = {\r\n  hooks = { protocolDetectd = function(now) end }\r\n}\r\nreturn script\r\n');
  assert.deepEqual(crlf[0].range, { start: { line: 1, character: 12 }, end: { line: 1, character: 27 } });
  const stray = await client.open(uri('stray2'), 'local script = { hooks = {} }\nlocal x = @\nreturn script\n');
  assert.match(String(stray[0].message), /unexpected symbol '@'/);
  assert.deepEqual(stray[0].range.start, { line: 1, character: 10 });
  assert.deepEqual(await client.open(uri('fine'), 'local script = { hooks = { flowEnd = function(now) end } }\nreturn script\n'), []);
  assert.equal(await client.stop(), 0);
});
