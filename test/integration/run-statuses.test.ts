/**
 * Statuses, alerts and scores per profile (spec §4), on the sample capture's two TLS flows:
 * 2019.11 alerts once per flow (the highest prio of the dispatch, never again); 4.0 replaces the
 * alert with a higher score, never alerts a zero score, counts scores once per bit; 4.2 adds the
 * score on every call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '../../api/flow';
import { GeoDatabase } from '../../engine/geo';
import type { Hit } from '../../engine/hits';
import { runScripts } from '../../engine/scripts/runner';

const geo = new GeoDatabase();

async function run(profile: Profile, lines: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-status-'));
  const path = join(dir, 'statuses.lua');
  writeFileSync(path, lines.join('\n') + '\n');
  const hits: Hit[] = [];
  await runScripts({ scripts: [path], capture: 'samples/captures/mixed.pcap', geo, profile, isolate: false, onHit: (h) => hits.push(h) });
  // one TLS flow is enough to read: the China one
  return hits.filter((h) => h.flow?.server === '1.2.4.8').map((h) => `${h.hook} ${h.kind} ${h.line}: ${h.message}`);
}

const HEAD = ['local flow_consts = require("flow_consts")', 'local alert_consts = require("alert_consts")', 'local s = { l4_proto = "tcp", hooks = {} }'];

test('2019.11: the highest prio of a dispatch alerts, only the first alert of a flow counts, predominant follows prio', async () => {
  const hits = await run('2019.11', [
    ...HEAD,
    'function s.hooks.protocolDetected(now)',
    '  flow.triggerStatus(flow_consts.status_types.status_remote_to_remote.status_id, { why = "first" })',
    '  flow.triggerStatus(flow_consts.status_types.status_blacklisted.status_id, "bad peer")',
    'end',
    'function s.hooks.flowEnd(now)',
    '  print(flow.getPredominantStatus(), flow.canTriggerAlert(), flow.getStatus())',
    '  flow.triggerStatus(flow_consts.status_types.status_web_mining_detected.status_id)',
    '  flow.clearStatus(flow_consts.status_types.status_blacklisted.status_id)',
    'end',
    'return s',
  ]);
  assert.deepEqual(hits, [
    'protocolDetected status 5: set status_remote_to_remote (12)',
    'protocolDetected status 6: set status_blacklisted (13)',
    'protocolDetected alert 6: alert status_blacklisted (13), alert type 7, severity 2',
    'flowEnd print 9: 13\tfalse\t12288',
    'flowEnd status 10: set status_web_mining_detected (15)',
    'flowEnd status 11: cleared status_blacklisted (13)',
  ]);
});

test('4.0: scores once per bit, a zero score never alerts, a higher score replaces the alert', async () => {
  const hits = await run('4.0', [
    ...HEAD,
    'function s.hooks.protocolDetected(now, conf)',
    '  flow.triggerStatus(flow_consts.status_types.status_not_purged, nil, 0, 0, 0)',
    'end',
    'function s.hooks.periodicUpdate(now, conf)',
    'end',
    'function s.hooks.flowEnd(now, conf)',
    '  flow.triggerStatus(flow_consts.status_types.status_remote_to_remote, { a = 1 }, 10, 5, 5)',
    '  flow.triggerStatus(flow_consts.status_types.status_remote_to_remote, { a = 2 }, 10, 5, 5)',
    '  flow.triggerStatus(flow_consts.status_types.status_blacklisted, nil, 5000, 1, 1)',
    '  print(flow.isStatusSet(flow_consts.status_types.status_blacklisted.status_id))',
    'end',
    'return s',
  ]);
  const statusId = (key: string) => hits.find((h) => h.includes(key))!;
  assert.ok(statusId('status_not_purged'));
  assert.deepEqual(hits.filter((h) => h.includes(' alert ')).length, 1, 'the zero score never alerts; then one alert for the winner');
  // the candidate's score is the one the script passed (only the bit's scores are clamped, to 1000)
  assert.match(hits.find((h) => h.includes(' alert '))!, /alert status_blacklisted .*score 5000/);
  assert.deepEqual(hits.filter((h) => /^\S+ score /.test(h)).map((h) => h.replace(/^.*: score /, '')), [
    'flow +10 = 10, client +5 = 5, server +5 = 5',
    'flow +1000 = 1010, client +1 = 6, server +1 = 6',
  ]);
  assert.ok(hits.includes('flowEnd print 13: true'));
});

test('4.2: create() builds the status info, the flow score is added on every call, getAlertedStatus names the winner', async () => {
  const hits = await run('4.2', [
    ...HEAD,
    'function s.hooks.protocolDetected(now, conf)',
    '  local info = flow_consts.status_types.status_remote_to_remote.create(alert_consts.alert_severities.warning)',
    '  flow.triggerStatus(info, 10, 0, 0)',
    '  flow.triggerStatus(info, 10, 0, 0)',
    'end',
    'function s.hooks.flowEnd(now, conf)',
    '  print(flow.getAlertedStatus(), flow.getAlertedStatusScore(), flow.clearStatus)',
    'end',
    'return s',
  ]);
  assert.deepEqual(hits.filter((h) => /^\S+ score /.test(h)).map((h) => h.replace(/^.*: score /, '')), [
    'flow +10 = 10, client +0 = 0, server +0 = 0',
    'flow +10 = 20, client +0 = 0, server +0 = 0',
  ]);
  assert.equal(hits.filter((h) => h.includes(' alert ')).length, 1);
  assert.ok(hits.includes('flowEnd print 10: 16\t10\tnil'), hits.join('\n'));
  // the alert's severity is the status definition's (error), not the one given to create()
  assert.match(hits.find((h) => h.includes(' alert '))!, /severity 5, score 10$/);
});
