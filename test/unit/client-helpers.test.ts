/**
 * The parts of the VS Code client that need no editor: the capture comment, hook locations
 * for the code lenses, the per-hook tally, and hit export formats.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hit } from '../../engine/hits';
import { captureFromComment } from '../../client/run/capture-comment';
import { findHookLocations } from '../../client/run/hook-locations';
import { figuresText, HookTally } from '../../client/run/hook-tally';
import { hitsToCsv, hitsToJsonLines } from '../../client/hits/export-format';

const HOOKS = ['protocolDetected', 'statusChanged', 'periodicUpdate', 'flowEnd', 'all'];

test('the capture comment is read from the leading comment lines only', () => {
  assert.equal(captureFromComment('-- flowscript: capture=big.pcap\nlocal x = 1\n', '/ws/a.lua'), join('/ws', 'big.pcap'));
  assert.equal(captureFromComment('\n-- My script\n--  flowscript:  capture = "/data/x.pcapng"\n', '/ws/a.lua'), '/data/x.pcapng');
  assert.equal(captureFromComment('local x = 1\n-- flowscript: capture=late.pcap\n', '/ws/a.lua'), undefined);
  assert.equal(captureFromComment('-- flowscript: capture=\n', '/ws/a.lua'), undefined);
});

test('hooks are found in the three forms ntopng scripts use', () => {
  const sample = readFileSync('samples/suspicious_countries.lua', 'utf8');
  assert.deepEqual(findHookLocations(sample, HOOKS), [{ hook: 'protocolDetected', line: 16 }]);
  const table = [
    'local script = {',
    '  hooks = {',
    '    protocolDetected = function(now)',
    '      local t = { a = function() end }',
    '    end,',
    '    ["flowEnd"] = function() end,',
    '  },',
    '  notAHook = function() end,',
    '}',
    'script.hooks.periodicUpdate = function() end',
  ].join('\n');
  assert.deepEqual(findHookLocations(table, HOOKS), [
    { hook: 'protocolDetected', line: 2 },
    { hook: 'flowEnd', line: 5 },
    { hook: 'periodicUpdate', line: 9 },
  ]);
});

function hit(over: Partial<Hit>): Hit {
  return { kind: 'print', script: 's', hook: 'protocolDetected', file: '/ws/s.lua', line: 3, message: 'm', ...over };
}

test('the tally joins engine stats with hits and errors per hook', () => {
  const tally = new HookTally();
  tally.add([hit({}), hit({}), hit({ kind: 'error' }), hit({ hook: 'flowEnd' }), hit({ hook: '' })]);
  tally.setStats({ s: { protocolDetected: { calls: 10, ms: 12.34 }, periodicUpdate: { calls: 4, ms: 0.5 } } });
  assert.deepEqual(tally.figures('s', 'protocolDetected'), { calls: 10, hits: 2, errors: 1, ms: 12.34 });
  assert.deepEqual(tally.figures('s', 'periodicUpdate'), { calls: 4, hits: 0, errors: 0, ms: 0.5 });
  assert.deepEqual(tally.figures('s', 'statusChanged'), { calls: 0, hits: 0, errors: 0, ms: 0 });
  assert.equal(tally.figures('other', 'flowEnd'), undefined);
  assert.equal(figuresText({ calls: 1, hits: 2, errors: 0, ms: 12.34 }), '1 call · 2 hits · 0 errors · 12.3 ms');
});

test('export: JSON lines like the CLI, CSV with quoting', () => {
  const flow = { id: 4, l4: 'TCP', client: '192.168.1.23', clientPort: 52010, server: '1.2.4.8', serverPort: 443, l7: 'TLS', countries: { server: 'CN' } };
  const hits = [hit({ time: 1768467605, flow, message: 'From "China", again\nline 2' }), hit({ kind: 'error', hook: '', line: 0 })];
  const jsonl = hitsToJsonLines(hits).trimEnd().split('\n');
  assert.equal(jsonl.length, 2);
  assert.deepEqual(JSON.parse(jsonl[0]!).flow, flow);
  const csv = hitsToCsv(hits).split('\r\n');
  assert.equal(csv[0], 'kind,script,hook,file,line,time,flow_id,l4,client,client_port,server,server_port,l7,client_country,server_country,message');
  assert.equal(csv[1], 'print,s,protocolDetected,/ws/s.lua,3,1768467605,4,TCP,192.168.1.23,52010,1.2.4.8,443,TLS,,CN,"From ""China"", again\nline 2"');
  assert.equal(csv[2], 'error,s,,/ws/s.lua,0,,,,,,,,,,,m');
});
