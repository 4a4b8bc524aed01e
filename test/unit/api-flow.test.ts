/** The flow-script API catalog (api/flow): consistency, the spec's availability matrix, hooks, signatures. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_PROFILE, FLOW_FUNCTIONS, FLOW_SCRIPT_TYPE, FLOW_TIMING, HOOKS, PROFILE_RULES, STATUS_DEFINITION_FIELDS, PROFILES, RETIRED_FUNCTIONS, SCRIPT_FIELDS, closestNames, functionByName,
  functionNames, functionsFor, hooksFor, keyType, resolveFunction, scriptFields, statusByKey, statusTypes, type Profile,
} from '../../api/flow';

test('profiles: 2019.11 is the default, then 4.0 and 4.2', () => {
  assert.deepEqual(PROFILES, ['2019.11', '4.0', '4.2']);
  assert.equal(DEFAULT_PROFILE, '2019.11');
});

test('function names are unique per profile and across the catalog', () => {
  for (const p of PROFILES) {
    const names = functionNames(p);
    assert.equal(new Set(names).size, names.length, `duplicates in ${p}`);
  }
  const all = [...FLOW_FUNCTIONS, ...RETIRED_FUNCTIONS].map((f) => f.name);
  assert.equal(new Set(all).size, all.length);
});

test('every catalog function exists in at least one profile; retired names in none', () => {
  for (const f of FLOW_FUNCTIONS) assert.ok(f.profiles.length > 0, f.name);
  for (const f of RETIRED_FUNCTIONS) {
    assert.equal(f.profiles.length, 0, f.name);
    assert.ok(f.existedIn, `${f.name} says when it existed`);
  }
});

test('every successor exists in the profile it names, and is a different function', () => {
  for (const f of [...FLOW_FUNCTIONS, ...RETIRED_FUNCTIONS]) {
    if (!f.successor) continue;
    assert.notEqual(f.successor.name, f.name);
    const target = FLOW_FUNCTIONS.find((g) => g.name === f.successor!.name);
    assert.ok(target, `${f.name} -> ${f.successor.name} is in the catalog`);
    assert.ok(target.profiles.includes(f.successor.profile), `${f.successor.name} exists in ${f.successor.profile}`);
  }
});

test('every function has a doc, a return type, and variants only for profiles where it exists', () => {
  for (const f of FLOW_FUNCTIONS) {
    assert.ok(f.doc.length > 10 && f.doc.endsWith('.'), `${f.name} doc`);
    for (const p of Object.keys(f.variants ?? {})) assert.ok(f.profiles.includes(p as Profile), `${f.name} variant for ${p}`);
    for (const p of f.profiles) {
      const r = functionByName(f.name, p)!;
      if (r.fn.returns.keys) assert.equal(r.fn.returns.type, 'table', `${f.name} has keys only for tables in ${p}`);
      let seenOptional = false;
      for (const param of r.fn.params) {
        if (param.optional) seenOptional = true;
        else assert.ok(!seenOptional, `${f.name} (${p}): required ${param.name} after an optional one`);
      }
    }
  }
});

test('the documentation example: getClientGeolocation/getServerGeolocation in 2019.11 with their keys', () => {
  const cli = functionByName('getClientGeolocation', '2019.11')!;
  const srv = functionByName('getServerGeolocation', '2019.11')!;
  assert.equal(cli.available, true);
  assert.equal(srv.available, true);
  assert.deepEqual(cli.fn.params, []);
  assert.equal(cli.fn.returns.type, 'table');
  assert.deepEqual([...cli.fn.returns.keys!].sort(), ['cli.city', 'cli.country', 'cli.latitude', 'cli.longitude']);
  assert.deepEqual([...srv.fn.returns.keys!].sort(), ['srv.city', 'srv.country', 'srv.latitude', 'srv.longitude']);
});

test('removed geolocation getters point at the country getters in 4.0 and 4.2', () => {
  for (const p of ['4.0', '4.2'] as const) {
    const r = functionByName('getClientGeolocation', p)!;
    assert.equal(r.available, false);
    assert.deepEqual(r.successor, { name: 'getClientCountry', profile: p });
    assert.deepEqual(functionByName('getServerGeolocation', p)!.successor, { name: 'getServerCountry', profile: p });
  }
  assert.equal(functionByName('getClientCountry', '2019.11')!.available, false);
  assert.equal(functionByName('getClientCountry', '2019.11')!.successor, undefined);
});

// Spot checks of spec §1.2 (columns Nov15 -> 2019.11, 4.0, 4.2).
const MATRIX: [string, boolean, boolean, boolean][] = [
  ['getStatus', true, true, true],
  ['clearStatus', true, true, false],
  ['isStatusSet', false, true, true],
  ['getPredominantStatus', true, true, false],
  ['setPredominantStatus', true, false, false],
  ['getAlertedStatus', false, false, true],
  ['getAlertedStatusScore', false, true, true],
  ['canTriggerAlert', true, false, false],
  ['isClientNoIP', false, false, true],
  ['getGoodputBytes', false, true, true],
  ['getnDPIProtocolName', false, true, true],
  ['getnDPIMatchPacket', false, false, true],
  ['matchesL7', true, false, false],
  ['getProtoBreed', false, true, true],
  ['getProtocolBreedInfo', true, false, false],
  ['getTCPPacketIssues', true, false, false],
  ['isTCPConnectionRefused', false, true, true],
  ['isDeviceProtocolNotAllowed', false, true, true],
  ['getDeviceProtoAllowedInfo', true, true, true],
  ['getServerCipherClass', false, true, true],
  ['getTLSInfo', true, true, true],
  ['getICMPInfo', true, false, false],
  ['getICMPType', false, true, true],
  ['getDnsQuery', false, true, true],
  ['getClient2ServerTraffic', true, false, false],
  ['getClientPort', true, false, false],
  ['getClientCountry', false, true, true],
  ['isNotPurged', true, true, true],
  ['setScore', true, false, false],
  ['getScore', true, true, true],
  ['isPassVerdict', true, true, true],
  ['hasRisk', false, false, true],
  ['getClientRetrPercentage', false, false, true],
];

test('availability matches the spec matrix for a sample of functions', () => {
  for (const [name, ...expected] of MATRIX) {
    const got = PROFILES.map((p) => functionByName(name, p)?.available);
    assert.deepEqual(got, expected, name);
  }
});

test('functions outside the three profiles are known but unavailable everywhere', () => {
  for (const name of ['isConnectionRefused', 'shouldCheckTlsCertificate', 'getSSLInfo', 'isTwhOver']) {
    for (const p of PROFILES) assert.equal(functionByName(name, p)!.available, false, `${name} ${p}`);
  }
  assert.deepEqual(functionByName('isConnectionRefused', '4.2')!.successor, { name: 'isTCPConnectionRefused', profile: '4.2' });
  assert.equal(functionByName('isConnectionRefused', '2019.11')!.successor, undefined);
  assert.deepEqual(functionByName('getSSLInfo', '2019.11')!.successor, { name: 'getTLSInfo', profile: '2019.11' });
  assert.equal(functionByName('noSuchFunction', '2019.11'), undefined);
});

test('getBytes and getPackets return a table in 2019.11 and an integer from 4.0', () => {
  const b = functionByName('getBytes', '2019.11')!.fn.returns;
  assert.equal(b.type, 'table');
  assert.deepEqual(b.keys, ['bytes', 'goodput_bytes', 'bytes.last', 'goodput_bytes.last']);
  assert.ok(functionByName('getPackets', '2019.11')!.fn.returns.keys!.includes('packets.rcvd'));
  for (const p of ['4.0', '4.2'] as const) {
    assert.equal(functionByName('getBytes', p)!.fn.returns.type, 'integer');
    assert.equal(functionByName('getPackets', p)!.fn.returns.type, 'integer');
    assert.equal(functionByName('getBytes', p)!.fn.returns.keys, undefined);
  }
});

test('returned keys differ per profile where the spec says so', () => {
  assert.ok(!functionByName('getInfo', '2019.11')!.fn.returns.keys!.includes('info'));
  assert.ok(functionByName('getInfo', '4.0')!.fn.returns.keys!.includes('info'));
  assert.ok(!functionByName('getInfo', '4.2')!.fn.returns.keys!.includes('packets.rcvd'));
  assert.ok(functionByName('getTLSInfo', '2019.11')!.fn.returns.keys!.includes('protos.tls.certificate'));
  assert.ok(functionByName('getTLSInfo', '4.0')!.fn.returns.keys!.includes('protos.tls.client_requested_server_name'));
  assert.ok(!functionByName('getTLSInfo', '4.2')!.fn.returns.keys!.includes('protos.tls.certificate'));
  assert.ok(functionByName('getScoreInfo', '2019.11')!.fn.returns.keys!.includes('cli.score'));
  assert.ok(!functionByName('getScoreInfo', '4.0')!.fn.returns.keys!.includes('cli.score'));
  assert.ok(functionByName('getMUDInfo', '4.2')!.fn.returns.keys!.includes('cli.devtype'));
  assert.ok(!functionByName('getMUDInfo', '4.0')!.fn.returns.keys!.includes('cli.devtype'));
  assert.ok(functionByName('getFullInfo', '2019.11')!.fn.notes.includes('expensive'));
  assert.ok(functionByName('retrieveExternalAlertInfo', '4.0')!.fn.notes.includes('clear-on-read'));
  assert.deepEqual(functionByName('getScore', '2019.11')!.fn.notes, []);
  assert.ok(functionByName('getScore', '4.2')!.fn.notes.includes('pro-only'));
  assert.ok(functionByName('isBidirectional', '2019.11')!.fn.notes.includes('bug'));
  assert.ok(!functionByName('isBidirectional', '4.0')!.fn.notes.includes('bug'));
});

const paramNames = (name: string, p: Profile) => functionByName(name, p)!.fn.params.map((x) => x.name);
const requiredCount = (name: string, p: Profile) => functionByName(name, p)!.fn.params.filter((x) => !x.optional).length;

test('triggerStatus signature per profile', () => {
  assert.deepEqual(paramNames('triggerStatus', '2019.11'), ['status_id', 'status_info', 'custom_severity']);
  assert.equal(requiredCount('triggerStatus', '2019.11'), 1);
  assert.equal(functionByName('triggerStatus', '2019.11')!.fn.params[0].type, 'integer');
  assert.deepEqual(paramNames('triggerStatus', '4.0'),
    ['flow_status_type', 'status_info', 'flow_score', 'cli_score', 'srv_score', 'custom_severity']);
  assert.equal(functionByName('triggerStatus', '4.0')!.fn.params[0].type, 'table');
  assert.deepEqual(paramNames('triggerStatus', '4.2'), ['status_info', 'flow_score', 'cli_score', 'srv_score']);
  assert.equal(functionByName('triggerStatus', '4.2')!.fn.params[0].type, 'table');
  assert.equal(requiredCount('triggerStatus', '4.2'), 1);
});

test('setStatus and clearStatus signatures per profile', () => {
  assert.deepEqual(paramNames('setStatus', '2019.11'), ['status_id']);
  assert.deepEqual(paramNames('setStatus', '4.0'), ['flow_status_type', 'flow_score', 'cli_score', 'srv_score']);
  assert.equal(functionByName('setStatus', '4.0')!.fn.params[0].type, 'table');
  assert.deepEqual(paramNames('setStatus', '4.2'), ['status_id', 'flow_score', 'cli_score', 'srv_score', 'script_key', 'category_id']);
  assert.equal(requiredCount('setStatus', '4.2'), 5);
  assert.equal(functionByName('setStatus', '4.2')!.fn.params[0].type, 'integer');
  assert.deepEqual(paramNames('clearStatus', '2019.11'), ['status_id']);
  assert.deepEqual(paramNames('clearStatus', '4.0'), ['flow_status_type']);
  assert.equal(functionByName('clearStatus', '4.2')!.available, false);
  assert.deepEqual(paramNames('triggerAlert', '4.2'), ['status_key', 'alert_key', 'severity_id', 'score', 'now', 'alert_json']);
  assert.deepEqual(functionByName('triggerAlert', '4.2')!.fn.returns.keys, ['triggered', 'alert_json']);
});

test('hooks: five names accepted everywhere; statusChanged fires only in 2019.11', () => {
  for (const p of PROFILES) {
    assert.deepEqual(hooksFor(p).map((h) => h.name), ['protocolDetected', 'statusChanged', 'periodicUpdate', 'flowEnd', 'all']);
  }
  const sc = HOOKS.find((h) => h.name === 'statusChanged')!;
  assert.deepEqual(sc.fires, ['2019.11']);
  assert.deepEqual(sc.accepted, ['2019.11', '4.0', '4.2']);
  for (const name of ['protocolDetected', 'periodicUpdate', 'flowEnd']) {
    assert.deepEqual(HOOKS.find((h) => h.name === name)!.fires, ['2019.11', '4.0', '4.2']);
  }
  assert.equal(HOOKS.find((h) => h.name === 'all')!.virtual, true);
});

test('hook arguments: (now) in 2019.11, (now, script_conf) in 4.0 and 4.2', () => {
  for (const h of HOOKS) {
    assert.deepEqual(h.args['2019.11'].map((a) => a.name), ['now']);
    assert.equal(h.args['2019.11'][0].type, 'integer');
    assert.deepEqual(h.args['4.0'].map((a) => a.name), ['now', 'script_conf']);
    assert.deepEqual(h.args['4.2'].map((a) => a.name), ['now', 'script_conf']);
    assert.equal(h.args['4.2'][1].type, 'table');
  }
});

test('script fields per profile', () => {
  const names = (p: Profile) => scriptFields(p, 'script').map((f) => f.name);
  for (const p of PROFILES) {
    for (const n of ['hooks', 'gui', 'default_enabled', 'l4_proto', 'l7_proto', 'l7_proto_id', 'three_way_handshake_ok',
      'periodic_update_seconds', 'setup', 'teardown', 'key']) assert.ok(names(p).includes(n), `${n} in ${p}`);
  }
  assert.ok(names('4.2').includes('prio'));
  assert.ok(!names('4.0').includes('prio'));
  assert.ok(!names('2019.11').includes('category'));
  assert.ok(names('4.0').includes('category'));
  assert.ok(names('4.2').includes('onLoad'));
  const byName = (n: string) => SCRIPT_FIELDS.find((f) => f.name === n)!;
  assert.equal(byName('hooks').required, true);
  assert.equal(byName('periodic_update_seconds').default, '120');
  assert.equal(byName('default_enabled').default, 'true');
  assert.deepEqual(byName('l4_proto').allowed!['2019.11'], ['tcp', 'udp', 'icmp', 'icmpv6', 'igmp']);
  assert.ok(byName('l4_proto').allowed!['4.0']!.includes('gre'));
  assert.ok(!byName('l4_proto').allowed!['2019.11']!.includes('gre'));
  const builder = SCRIPT_FIELDS.find((f) => f.parent === 'gui' && f.name === 'input_builder')!;
  assert.equal(builder.typeByProfile!['2019.11'], 'function');
  assert.ok(builder.allowed!['4.0']!.includes('flow_mud'));
  assert.ok(builder.allowed!['4.2']!.includes('multi_select'));
  for (const p of PROFILES) {
    const all = scriptFields(p).map((f) => `${f.parent}.${f.name}`);
    assert.equal(new Set(all).size, all.length, `unique fields in ${p}`);
  }
});

test('status types: 2019.11 ids, prio and severity; 4.2 fixed keys; 4.0 dynamic ids', () => {
  const s = statusTypes('2019.11');
  assert.equal(s.length, 28);
  assert.equal(new Set(s.map((x) => x.id)).size, 28);
  assert.equal(new Set(s.map((x) => x.prio)).size, 28, 'prio is unique in 2019.11');
  assert.equal(s.find((x) => x.id === 3), undefined);
  assert.deepEqual(statusByKey('status_blacklisted', '2019.11'),
    { key: 'status_blacklisted', profile: '2019.11', id: 13, prio: 700, relevance: 100, severity: 'error', alertType: 'alert_flow_blacklisted' });
  assert.equal(statusByKey('status_malicious_signature', '2019.11')!.severity, 'warning');
  assert.equal(statusByKey('status_udp_unidirectional', '2019.11')!.id, 28);
  assert.equal(statusByKey('status_blacklisted', '4.0')!.id, undefined);
  assert.equal(statusByKey('status_normal', '4.0')!.id, 0);
  assert.equal(statusByKey('status_example', '4.0')!.plugin, 'example');
  assert.equal(statusByKey('status_unexpected_ntp_server', '4.2')!.id, 35);
  assert.equal(statusByKey('status_blacklisted', '4.2')!.id, 1);
  assert.equal(statusByKey('status_user_05', '4.2')!.id, 63);
  assert.deepEqual(statusByKey('status_blacklisted_country', '4.2')!.createArgs,
    ['cli_country', 'srv_country', 'cli_blacklisted', 'srv_blacklisted']);
  for (const p of PROFILES) {
    const keys = statusTypes(p).map((x) => x.key);
    assert.equal(new Set(keys).size, keys.length, `unique status keys in ${p}`);
  }
});

test('closestNames suggests the intended function', () => {
  assert.deepEqual(closestNames('getClientGeolocaton', functionNames('2019.11'))[0], 'getClientGeolocation');
  assert.equal(closestNames('isblacklisted', functionNames('4.0'))[0], 'isBlacklisted');
  assert.equal(closestNames('isBlacklistedFlow', functionNames('2019.11'))[0], 'isBlacklisted');
  assert.equal(closestNames('protocolDetect', HOOKS.map((h) => h.name))[0], 'protocolDetected');
  assert.deepEqual(closestNames('zzzzzz', functionNames('4.2')), []);
});

test('functionsFor returns each profile\'s functions with variants applied', () => {
  for (const p of PROFILES) {
    for (const f of functionsFor(p)) {
      assert.equal(f.profile, p);
      assert.ok(f.profiles.includes(p));
    }
  }
  assert.equal(functionsFor('4.0').find((f) => f.name === 'getBytes')!.returns.type, 'integer');
});

test('returned keys have Lua types (getFullInfo\'s TCP latency and throughput keys stay untyped)', () => {
  assert.equal(keyType('cli.latitude'), 'number');
  assert.equal(keyType('srv.country'), 'string');
  assert.equal(keyType('cli.port'), 'integer');
  assert.equal(keyType('cli.localhost'), 'boolean');
  assert.equal(keyType('interarrival.cli2srv'), 'table');
  assert.equal(keyType('no.such.key'), 'any');
  for (const f of FLOW_FUNCTIONS) {
    if (f.name === 'getFullInfo') continue;
    for (const p of f.profiles) {
      for (const k of resolveFunction(f, p).returns.keys ?? []) assert.notEqual(keyType(k), 'any', `${f.name}: ${k}`);
    }
  }
});

test('dispatch rules per profile follow spec §3 and §4', () => {
  assert.deepEqual(PROFILES.map((p) => PROFILE_RULES[p].statusChangedFires), [true, false, false]);
  assert.deepEqual(PROFILES.map((p) => PROFILE_RULES[p].firstAlertOnly), [true, false, false]);
  assert.deepEqual(PROFILES.map((p) => PROFILE_RULES[p].orderByPrio), [false, false, true]);
  assert.deepEqual(PROFILES.map((p) => PROFILE_RULES[p].confPassedToHooks), [false, true, true]);
  for (const p of PROFILES) {
    assert.equal(PROFILE_RULES[p].statusChangedFires, HOOKS.find((h) => h.name === 'statusChanged')!.fires.includes(p));
    assert.equal(PROFILE_RULES[p].confPassedToHooks, HOOKS[0].args[p].length === 2);
    assert.deepEqual(FLOW_SCRIPT_TYPE[p].hooks, ['protocolDetected', 'statusChanged', 'flowEnd', 'periodicUpdate']);
  }
  assert.equal(FLOW_TIMING.periodicSeconds, 30);
  assert.equal(FLOW_TIMING.walkSeconds, 5);
  assert.equal(FLOW_TIMING.maxFlowIdleSeconds, 60);
  assert.equal(FLOW_TIMING.detectionGiveUpPackets, 12);
  assert.equal(String(FLOW_TIMING.defaultPeriodicUpdateSeconds), SCRIPT_FIELDS.find((f) => f.name === 'periodic_update_seconds')!.default);
  assert.ok(STATUS_DEFINITION_FIELDS['2019.11'].some((f) => f.name === 'prio' && f.required));
  assert.ok(!STATUS_DEFINITION_FIELDS['4.0'].some((f) => f.name === 'prio'));
  assert.ok(STATUS_DEFINITION_FIELDS['4.2'].some((f) => f.name === 'create'));
});
