/**
 * A second real editor: Debian's Neovim 0.7 (headless) starts the built server with its own LSP
 * client (`vim.lsp.start_client`), and gets the same diagnostics and completions as VS Code.
 * Needs the `neovim` package (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { positionOf, SERVER_JS } from './support/lsp-client';

const SCRIPT = `local script = {
   hooks = {
      protocolDetectd = function(now)
         print(flow.getInfo())
      end,
   },
}

return script
`;

test('Neovim 0.7 gets diagnostics and completions from the server', () => {
  const home = mkdtempSync(join(tmpdir(), 'flowscript-nvim-'));
  const xdg: { [name: string]: string } = {};
  for (const name of ['CONFIG', 'DATA', 'CACHE', 'STATE']) {
    xdg[`XDG_${name}_HOME`] = join(home, name.toLowerCase());
    mkdirSync(xdg[`XDG_${name}_HOME`]);
  }
  const file = join(home, 'check.lua');
  writeFileSync(file, SCRIPT);
  const out = join(home, 'result.json');
  const at = positionOf(SCRIPT, 'flow.');
  const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${resolve(__dirname, 'support', 'neovim-client.lua')}`], {
    env: {
      ...process.env, ...xdg, HOME: home,
      FLOWSCRIPT_NODE: process.execPath, FLOWSCRIPT_SERVER: SERVER_JS, FLOWSCRIPT_FILE: file, FLOWSCRIPT_OUT: out,
      FLOWSCRIPT_LINE: String(at.line), FLOWSCRIPT_CHARACTER: String(at.character),
    },
    encoding: 'utf8',
    // A guard against a hung editor, not a speed check.
    timeout: 60_000,
  });
  assert.equal(run.error, undefined, `nvim could not run: ${run.error?.message}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as {
    diagnostics: { code: string; line: number; character: number; message: string }[]; completion: string[]; errors: string[];
  };
  assert.deepEqual(result.errors, []);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(result.diagnostics.map((d) => [d.code, d.line, d.character]), [['unknown-hook', 2, 6]]);
  assert.match(result.diagnostics[0].message, /did you mean protocolDetected\?/);
  assert.ok(result.completion.includes('getClientGeolocation'), result.completion.join());
  assert.ok(result.completion.includes('getInfo'));
});
