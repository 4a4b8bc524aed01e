/**
 * Scripts in the styles of ntopng's own flow scripts (test/fixtures/ntopng-idioms: October and
 * November 2019 hooks, the driver's status calls, gui text built at load time, dkjson, mud_utils,
 * lua_utils helpers, 4.0 plugin style) run unchanged on every shared capture: the host raises no
 * error (compatibility names only give warnings), and the statuses they set show up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GeoDatabase } from '../../engine/geo';
import type { Hit } from '../../engine/hits';
import { runScripts } from '../../engine/scripts/runner';
import { SHARED_CAPTURES, sharedCapturePath } from '../support/shared-pcaps';

const FIXTURES = resolve(__dirname, '..', 'fixtures', 'ntopng-idioms');
const SCRIPTS = readdirSync(FIXTURES).filter((f) => f.endsWith('.lua')).sort().map((f) => join(FIXTURES, f));
const geo = new GeoDatabase();

test('ntopng-style scripts run on every shared capture without a host error (2019.11)', async () => {
  const statuses = new Set<string>();
  const warned = new Set<string>();
  let calls = 0;
  assert.ok(SHARED_CAPTURES.length > 40, 'the shared captures are required');
  for (const capture of SHARED_CAPTURES) {
    const hits: Hit[] = [];
    const { stats } = await runScripts({ scripts: SCRIPTS, capture: sharedCapturePath(capture), geo, isolate: false, onHit: (h) => hits.push(h) });
    const errors = hits.filter((h) => h.kind === 'error' && h.data?.level !== 'warning');
    assert.deepEqual(errors.map((e) => `${e.file}:${e.line} ${e.message}`), [], capture);
    assert.equal(stats.scripts.length, SCRIPTS.length, `${capture}: every script loaded`);
    for (const h of hits) if (h.kind === 'status' || h.kind === 'alert') statuses.add(`${h.kind} ${h.script} ${String(h.data?.status)}`);
    for (const h of hits) if (h.kind === 'error') warned.add(String(h.data?.native));
    for (const hooks of Object.values(stats.hooks)) for (const s of Object.values(hooks)) calls += s.calls;
  }
  assert.ok(calls > 1000, `${calls} hook calls`);
  // november_driver sets the bit first (scripts run in the order given); october_params' trigger makes it the alert
  assert.ok(statuses.has('status november_driver status_udp_unidirectional'), [...statuses].join(', '));
  assert.ok(statuses.has('alert october_params status_udp_unidirectional'), [...statuses].join(', '));
  // October names and December-2019 functions are answered, with a warning that says so
  assert.deepEqual([...warned].sort(), ['getServerIp', 'isDeviceProtocolNotAllowed']);
});

test('the 4.0 plugin style runs under the 4.0 profile with scores and a replacing alert', async () => {
  const hits: Hit[] = [];
  await runScripts({
    scripts: [join(FIXTURES, 'plugin_style.lua')], capture: 'samples/captures/mixed.pcap', geo, profile: '4.0', isolate: false,
    onHit: (h) => hits.push(h),
  });
  assert.deepEqual(hits.map((h) => `${h.kind} ${h.flow?.server} ${h.message}`), [
    'status 1.2.4.8 set status_blacklisted (1)',
    'score 1.2.4.8 score flow +50 = 50, client +10 = 10, server +10 = 10',
    'alert 1.2.4.8 alert status_blacklisted (1), alert type 1, severity 2, score 50',
  ]);
});
