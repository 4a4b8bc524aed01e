/** `flowscript check` through the built CLI: output formats, exit codes, bad input. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/run-cli';
import { readMarkers } from './support/markers';

const fixtures = resolve(__dirname, '..', 'fixtures', 'server', 'diagnostics');
const dir = mkdtempSync(join(tmpdir(), 'flowscript-check-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

test('errors: one line per diagnostic, exit 1', () => {
  const file = write('typo.lua', 'local script = { hooks = { protocolDetectd = function(now) end } }\nreturn script\n');
  const result = runCli(['check', file]);
  assert.equal(result.status, 1);
  assert.equal(result.stdout, `${file}:1:28: error unknown-hook: unknown hook "protocolDetectd": ntopng never calls it; did you mean protocolDetected?\n1 file checked: 1 error, 0 warnings, 0 hints\n`);
});

test('warnings only: exit 0; --profile changes what is checked', () => {
  const file = write('geo.lua', 'local script = { hooks = { flowEnd = function(now) local g = flow.getClientGeolocation() print(g["srv.city"]) end } }\nreturn script\n');
  const ok = runCli(['check', file]);
  assert.equal(ok.status, 0, ok.stdout);
  assert.match(ok.stdout, /warning unknown-result-key: flow\.getClientGeolocation\(\) never returns the key "srv\.city"; did you mean "cli\.city"\?/);
  const in40 = runCli(['check', '--profile', '4.0', file]);
  assert.equal(in40.status, 1);
  assert.match(in40.stdout, /error unavailable-in-profile: flow\.getClientGeolocation is not in 4\.0: use flow\.getClientCountry\(\)/);
});

test('--format json gives every file, with positions and totals', () => {
  const syntax = write('syntax.lua', readMarkers(readFileSync(join(fixtures, 'syntax.lua'), 'utf8')).text);
  const result = runCli(['check', '--format', 'json', syntax, join(fixtures, 'filters-ok.lua')]);
  assert.equal(result.status, 1);
  const report = JSON.parse(result.stdout);
  assert.equal(report.profile, '2019.11');
  assert.equal(report.errors, 3);
  assert.deepEqual(report.files[1].diagnostics, []);
  assert.deepEqual(report.files[0].diagnostics[0], {
    line: 6, column: 1, endLine: 6, endColumn: 4, severity: 'error', code: 'syntax-error', message: "')' expected near 'end'",
  });
});

test('bad input: a clear message, no stack trace', () => {
  const missing = runCli(['check', join(dir, 'nope.lua')]);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, `flowscript: ${join(dir, 'nope.lua')}: no such file\n`);
  const folder = runCli(['check', dir]);
  assert.equal(folder.stderr, `flowscript: ${dir}: not a file\n`);
  const profile = runCli(['check', '--profile', '5', join(fixtures, 'filters-ok.lua')]);
  assert.match(profile.stderr, /unknown profile "5": use 2019\.11, 4\.0, 4\.2/);
  assert.equal(runCli(['check']).status, 2);
  assert.match(runCli(['check', '--format', 'xml', join(fixtures, 'filters-ok.lua')]).stderr, /--format takes text or json/);
  assert.match(runCli(['lsp']).stderr, /lsp needs a transport/);
});

test('help lists check and lsp', () => {
  const help = runCli(['help']);
  assert.match(help.stdout, /check <script\.lua>\.\.\./);
  assert.match(help.stdout, /lsp --stdio/);
  assert.match(runCli(['help', 'check']).stdout, /--format json/);
});
