/**
 * The nDPI catalog (api/ndpi) against nDPI 4.2's own output on the 43 shared captures:
 * every id, name, printed label, encryption flag and category that ndpiReader printed
 * must follow from the data, and the only category differences are the per-flow
 * overrides listed (and evidenced) below.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_PCAPS_DIR } from '../support/shared-pcaps';
import {
  categoryById,
  categoryName,
  defaultCategoryOf,
  isEncryptedPair,
  protocolById,
  protocolByName,
  protocolForDefaultPort,
  protocolIdLabel,
  protocolLabel,
} from '../../api/ndpi';

interface TruthFlow {
  id: number;
  detected: boolean;
  l4: string;
  client: { ip: string; port: number };
  server: { ip: string; port: number };
  proto_id: string;
  master_id: number;
  app_id: number;
  master: string | null;
  app: string;
  proto: string;
  encrypted: boolean;
  confidence: string;
  category: string | null;
  category_id: number | null;
  host: string | null;
  attrs: Record<string, string>;
}

interface Truth {
  capture: string;
  summary: { protocols: { name: string }[] };
  flows: TruthFlow[];
}

// The shared captures are required (as for every test that reads them): a missing
// ../shared/pcaps fails here, it is never skipped.
const truths: Truth[] = readdirSync(SHARED_PCAPS_DIR)
  .filter((name) => name.endsWith('.ndpi.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(SHARED_PCAPS_DIR, name), 'utf8')) as Truth);

function* allFlows(): Generator<{ capture: string; flow: TruthFlow }> {
  for (const truth of truths) for (const flow of truth.flows) yield { capture: truth.capture, flow };
}

/** "91.126" -> [91, 126]; "7" -> [0, 7]. */
function splitIds(protoId: string): [number, number] {
  const parts = protoId.split('.').map(Number);
  assert.ok(parts.length === 1 || parts.length === 2, protoId);
  return parts.length === 2 ? [parts[0], parts[1]] : [0, parts[0]];
}

/**
 * The flows whose printed category is not the default of their (master, app) pair. Each
 * is a per-flow override that nDPI 4.2 applies; `evidence` checks, on the flow itself,
 * the fact that triggers it:
 * - host-name category lists: a host under ".1kxun." is Streaming; "captive.apple.com" is
 *   ConnCheck; certificate names under ".fastly.net" are Media (these hold for HTTP,
 *   DNS queries and TLS alike, so DNS.Google can print Streaming);
 * - HTTP content type: a video response makes the flow Media, a Java class file Download.
 */
interface Override {
  capture: string;
  ids: number[];
  category: string;
  why: string;
  evidence: (flow: TruthFlow) => boolean;
}

const hostUnder = (suffix: string) => (f: TruthFlow) => f.host !== null && `.${f.host}.`.includes(suffix);
const OVERRIDES: Override[] = [
  { capture: '1kxun.pcap', ids: [1], category: 'Media', why: 'HTTP content type video/mp4',
    evidence: (f) => f.attrs.content_type === 'video/mp4' },
  { capture: '1kxun.pcap', ids: [2, 3, 4, 5, 6, 7, 8, 21, 23, 26, 52, 54, 56, 57], category: 'Streaming',
    why: 'host name under .1kxun. (HTTP Host or DNS query)', evidence: hostUnder('.1kxun.') },
  { capture: 'iphone.pcap', ids: [19, 35], category: 'ConnCheck', why: 'host name captive.apple.com',
    evidence: (f) => f.host === 'captive.apple.com' },
  { capture: 'log4j-webapp-exploit.pcap', ids: [1, 2], category: 'Download', why: 'HTTP content type application/java-vm',
    evidence: (f) => f.attrs.content_type === 'application/java-vm' },
  { capture: 'tls_verylong_certificate.pcap', ids: [1], category: 'Media',
    why: 'certificate name p2.shared.global.fastly.net (under .fastly.net)',
    evidence: (f) => (f.attrs.server_names ?? '').split(',').includes('p2.shared.global.fastly.net') },
];

test('ground truth is there: 43 captures with flows', () => {
  assert.equal(truths.length, 43);
  assert.ok([...allFlows()].length > 500);
});

test('every printed id maps to the printed names, and the label follows from the ids', (t) => {
  let checked = 0;
  for (const { capture, flow } of allFlows()) {
    const where = `${capture} #${flow.id} ${flow.proto}`;
    const [master, app] = splitIds(flow.proto_id);
    assert.equal(flow.master_id, master, where);
    assert.equal(flow.app_id, app, where);
    assert.equal(protocolById(app)?.name, flow.app, `${where}: app id ${app}`);
    if (flow.master !== null) assert.equal(protocolById(master)?.name, flow.master, `${where}: master id ${master}`);
    else assert.equal(master, 0, where);
    assert.equal(protocolLabel(master, app), flow.proto, where);
    assert.equal(protocolIdLabel(master, app), flow.proto_id, where);
    // A label always names protocols that exist under exactly that name.
    assert.equal(protocolByName(flow.app)?.id, app, where);
    checked++;
  }
  t.diagnostic(`${checked} flows: ids, names and labels agree`);
});

test('the Encrypted/ClearText flag of every flow follows from the protocol defaults', () => {
  for (const { capture, flow } of allFlows()) {
    assert.equal(isEncryptedPair(flow.master_id, flow.app_id), flow.encrypted, `${capture} #${flow.id} ${flow.proto}`);
  }
});

test('printed category names match the category ids; Unspecified (0) is never printed', () => {
  for (const { capture, flow } of allFlows()) {
    const where = `${capture} #${flow.id} ${flow.proto}`;
    if (flow.category_id === null) {
      assert.equal(flow.category, null, where);
      // nDPI omits [cat: ...] exactly when the category is 0.
      assert.equal(defaultCategoryOf(flow.master_id, flow.app_id), 0, where);
    } else {
      assert.notEqual(flow.category_id, 0, where);
      assert.ok(categoryById(flow.category_id), `${where}: category ${flow.category_id} exists`);
      assert.equal(categoryName(flow.category_id), flow.category, where);
    }
  }
});

test('every flow has its pair\'s default category, except the explained per-flow overrides', (t) => {
  const found: string[] = [];
  let dpi = 0;
  for (const { capture, flow } of allFlows()) {
    if (flow.confidence === 'DPI') dpi++;
    const printed = flow.category_id ?? 0;
    const expected = defaultCategoryOf(flow.master_id, flow.app_id);
    if (printed === expected) continue;
    const key = `${capture} #${flow.id}`;
    const override = OVERRIDES.find((o) => o.capture === capture && o.ids.includes(flow.id));
    t.diagnostic(`${key} ${flow.proto} [${flow.confidence}] host=${flow.host ?? '-'}: printed ${flow.category}/${printed}, `
      + `default ${categoryName(expected)}/${expected}; ${override ? override.why : 'UNEXPLAINED'}`);
    assert.ok(override, `${key}: unexplained category ${flow.category} (default ${categoryName(expected)})`);
    assert.ok(flow.detected, key);
    assert.equal(flow.confidence, 'DPI', `${key}: overrides come from inspecting the flow`);
    assert.equal(flow.category, override.category, key);
    assert.ok(override.evidence(flow), `${key}: ${override.why}`);
    found.push(key);
  }
  const listed = OVERRIDES.flatMap((o) => o.ids.map((id) => `${o.capture} #${id}`));
  assert.deepEqual(found.sort(), listed.sort(), 'every listed override occurs');
  assert.ok(dpi > 300, `${dpi} DPI flows`);
  t.diagnostic(`${found.length} overridden categories, all explained`);
});

test('"Match by port" flows carry the protocol nDPI\'s default-port table holds for one of their ports', () => {
  let n = 0;
  for (const { capture, flow } of allFlows()) {
    if (flow.confidence !== 'Match by port') continue;
    assert.ok(flow.l4 === 'TCP' || flow.l4 === 'UDP', flow.l4);
    const l4 = flow.l4 as 'TCP' | 'UDP';
    const byPort = [flow.server.port, flow.client.port].map((port) => protocolForDefaultPort(l4, port)?.id);
    assert.ok(byPort.includes(flow.app_id), `${capture} #${flow.id} ${flow.proto} ${l4} ${flow.client.port}->${flow.server.port}`);
    n++;
  }
  assert.ok(n >= 50, `${n} flows matched by port`);
});

test('every protocol named in the per-capture totals exists', () => {
  for (const truth of truths) {
    for (const { name } of truth.summary.protocols) assert.ok(protocolByName(name), `${truth.capture}: ${name}`);
  }
});
