import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Detection, Dissector, DissectorContext, Verdict } from '../../engine/dpi/dissector';
import type { Flow } from '../../engine/flows/flow';
import { L7State, type DnsDetails } from '../../engine/dpi/l7-state';
import { NAMING_DISSECTORS } from '../../engine/dpi/dissectors/naming';
import { DNS } from '../../engine/dpi/dissectors/naming/dns';
import { MDNS } from '../../engine/dpi/dissectors/naming/mdns';
import { LLMNR } from '../../engine/dpi/dissectors/naming/llmnr';
import { grabName, nameLength } from '../../engine/dpi/dissectors/naming/dns-message';
import { NETBIOS, decodeNetbiosName } from '../../engine/dpi/dissectors/naming/netbios';
import { SSDP } from '../../engine/dpi/dissectors/naming/ssdp';
import { DHCP } from '../../engine/dpi/dissectors/naming/dhcp';
import { DHCPV6 } from '../../engine/dpi/dissectors/naming/dhcpv6';
import { NTP } from '../../engine/dpi/dissectors/naming/ntp';
import { TEREDO } from '../../engine/dpi/dissectors/naming/teredo';
import { DROPBOX } from '../../engine/dpi/dissectors/naming/dropbox';
import { SPOTIFY } from '../../engine/dpi/dissectors/naming/spotify';
import { LDAP } from '../../engine/dpi/dissectors/naming/ldap';
import { KERBEROS, kerberosMessageType } from '../../engine/dpi/dissectors/naming/kerberos';

interface Opts {
  transport?: 'tcp' | 'udp';
  srcPort: number;
  dstPort: number;
  fromClient?: boolean;
  client?: string;
  server?: string;
  state?: L7State;
}

function ctx(payload: Uint8Array | number[], o: Opts): DissectorContext {
  const client = o.client ?? '192.168.1.10';
  const server = o.server ?? '192.168.1.1';
  const flow = { clientIp: client, serverIp: server, ipVersion: client.includes(':') ? 6 : 4 } as unknown as Flow;
  return {
    flow,
    state: o.state ?? new L7State(),
    payload: payload instanceof Uint8Array ? payload : Uint8Array.from(payload),
    fromClient: o.fromClient ?? true,
    srcPort: o.srcPort,
    dstPort: o.dstPort,
    transport: o.transport ?? 'udp',
    time: 0,
    ipFragmented: false,
  };
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const be16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const be32 = (v: number) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];

function labels(name: string): number[] {
  const out: number[] = [];
  for (const l of name.split('.')) out.push(l.length, ...ascii(l));
  return [...out, 0];
}

function dnsMessage(flags: number, counts: [number, number, number, number], body: number[]): number[] {
  return [0x12, 0x34, ...be16(flags), ...counts.flatMap(be16), ...body];
}

function isDetection(v: Verdict): v is Detection {
  return typeof v === 'object';
}

/** Every dissector, on random and truncated bytes, returns a verdict and never throws. */
test('naming dissectors survive hostile payloads', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
  const samples: number[][] = [[], [0], [0xc0], [0xff, 0xff]];
  for (let n = 0; n < 400; n++) samples.push(Array.from({ length: rand() % 300 }, rand));
  // Valid-looking starts, cut everywhere.
  const dns = dnsMessage(0x0100, [1, 0, 0, 0], [...labels('www.example.com'), 0, 1, 0, 1]);
  for (let cut = 0; cut <= dns.length; cut++) samples.push(dns.slice(0, cut));
  const ports = [53, 5353, 5355, 137, 138, 139, 67, 68, 546, 547, 123, 3544, 17500, 57621, 88, 389, 445, 1900, 4000];
  for (const d of NAMING_DISSECTORS) {
    for (const s of samples) {
      for (const transport of ['udp', 'tcp'] as const) {
        const sp = ports[s.length % ports.length];
        const dp = ports[(s.length * 7) % ports.length];
        const v = d.inspect(ctx(s, { transport, srcPort: sp, dstPort: dp }));
        assert.ok(v === 'no' || v === 'maybe' || typeof v === 'object');
      }
    }
  }
});

test('DNS query: host, query details, then the response fills answers', () => {
  const state = new L7State();
  const query = dnsMessage(0x0100, [1, 0, 0, 0], [...labels('Dl-Obs.Official.LINE.naver.jp'), 0, 1, 0, 1]);
  const v = DNS.inspect(ctx(query, { srcPort: 63372, dstPort: 53, state }));
  assert.ok(isDetection(v));
  assert.equal(v.host, 'dl-obs.official.line.naver.jp');
  assert.equal(v.moreDetails, true);
  assert.deepEqual(state.dns, { query: 'dl-obs.official.line.naver.jp', invalidCharsInQuery: false, queryType: 1 });
  // The other two dissectors of the family stay out.
  assert.equal(MDNS.inspect(ctx(query, { srcPort: 63372, dstPort: 53, state: new L7State() })), 'no');
  assert.equal(LLMNR.inspect(ctx(query, { srcPort: 63372, dstPort: 53, state: new L7State() })), 'no');

  state.detailsFrom = DNS;
  const response = dnsMessage(0x8180, [1, 3, 0, 0], [
    ...labels('dl-obs.official.line.naver.jp'), 0, 1, 0, 1,
    0xc0, 12, ...be16(5), 0, 1, ...be32(60), ...be16(2), 0xc0, 12, // CNAME
    0xc0, 12, ...be16(1), 0, 1, ...be32(60), ...be16(4), 203, 69, 81, 73,
    0xc0, 12, ...be16(28), 0, 1, ...be32(60), ...be16(16), 0x20, 0x01, 0x0d, 0xb8, ...Array(11).fill(0), 1,
  ]);
  const r = DNS.inspect(ctx(response, { srcPort: 53, dstPort: 63372, fromClient: false, state }));
  assert.ok(isDetection(r));
  assert.ok(!r.moreDetails);
  const details = state.dns as DnsDetails | undefined;
  assert.equal(details?.returnCode, 0);
  assert.deepEqual(details?.answers, ['203.69.81.73', '2001:db8::1']);
});

test('DNS response seen first: detected, with host, return code and query type', () => {
  const state = new L7State();
  const response = dnsMessage(0x8183, [1, 0, 1, 0], [...labels('nx.example'), 0, 28, 0, 1, 0]);
  const v = DNS.inspect(ctx(response, { srcPort: 53, dstPort: 40000, state }));
  assert.ok(isDetection(v));
  assert.equal(v.host, 'nx.example');
  assert.equal(state.dns?.returnCode, 3);
  assert.equal(state.dns?.queryType, 28);
  assert.deepEqual(state.dns?.answers, []);
});

test('DNS over TCP skips the 2-byte length; inverse queries are accepted', () => {
  const msg = dnsMessage(0x0100, [1, 0, 0, 0], [...labels('weberlab.de'), 0, 255, 0, 1]);
  const v = DNS.inspect(ctx([...be16(msg.length), ...msg], { transport: 'tcp', srcPort: 57089, dstPort: 53 }));
  assert.ok(isDetection(v));
  assert.equal(v.host, 'weberlab.de');
  const inverse = dnsMessage(0x0900, [0, 1, 0, 0], [...labels('216.58.202.4'), 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
  const w = DNS.inspect(ctx(inverse, { srcPort: 18427, dstPort: 53 }));
  assert.ok(isDetection(w));
  assert.equal(w.host, '216.58.202.4');
});

test('DNS names: invalid characters, compression, truncation, length cap', () => {
  const state = new L7State();
  const name = [5, ...ascii('Luca'), 0x20, 3, 0xe2, 0x80, 0x99, 5, ...ascii('local'), 0];
  const q = dnsMessage(0x0000, [1, 0, 0, 0], [...name, 0, 12, 0, 1]);
  const v = MDNS.inspect(ctx(q, { srcPort: 5353, dstPort: 5353, client: '192.168.2.1', server: '224.0.0.251', state }));
  assert.ok(isDetection(v));
  assert.equal(v.host, 'luca_.???.local');
  assert.equal(state.dns?.invalidCharsInQuery, true);

  const p = Uint8Array.from([3, ...ascii('abc'), 0xc0, 0]);
  assert.equal(grabName(p, 0).name, '');
  assert.equal(grabName(Uint8Array.from([5, ...ascii('abc')]), 0).name, '');
  assert.equal(grabName(Uint8Array.from([3, ...ascii('abc')]), 0).name, '');
  const long = Uint8Array.from([...labels('a'.repeat(63) + '.' + 'b'.repeat(63)), 0]);
  assert.equal(grabName(long, 0).name.length, 79);
  assert.equal(nameLength(Uint8Array.from([3, 1, 2]), 0), 0);
  assert.equal(nameLength(Uint8Array.from([0xc0]), 0), 0);
  assert.equal(nameLength(Uint8Array.from([0x40, 0]), 0), 0);
  assert.equal(nameLength(Uint8Array.from([1, 65, 0xc0, 5]), 0), 4);
});

test('DNS-family: protocol by port, LLMNR and MDNS names', () => {
  const q = dnsMessage(0x0000, [1, 0, 0, 0], [...labels('wpad'), 0, 1, 0, 1]);
  const llmnr = LLMNR.inspect(ctx(q, { srcPort: 57401, dstPort: 5355, server: '224.0.0.252' }));
  assert.ok(isDetection(llmnr));
  assert.equal(llmnr.host, 'wpad');
  assert.equal(DNS.inspect(ctx(q, { srcPort: 57401, dstPort: 5355 })), 'no');
  const m = dnsMessage(0x0000, [1, 0, 0, 0], [...labels('_googlecast._tcp.local'), 0, 12, 0x80, 1]);
  const mdns = MDNS.inspect(ctx(m, { srcPort: 5353, dstPort: 5353 }));
  assert.ok(isDetection(mdns));
  assert.equal(mdns.host, '_googlecast._tcp.local');
  // Off the family's ports: not DNS.
  assert.equal(DNS.inspect(ctx(q, { srcPort: 4000, dstPort: 4001 })), 'no');
});

test('DNS rejects malformed queries and waits on short packets', () => {
  assert.equal(DNS.inspect(ctx(dnsMessage(0x0100, [0, 0, 0, 0], [1, 65, 0]), { srcPort: 1, dstPort: 53 })), 'no');
  assert.equal(DNS.inspect(ctx(dnsMessage(0x0100, [17, 0, 0, 0], [1, 65, 0]), { srcPort: 1, dstPort: 53 })), 'no');
  assert.equal(DNS.inspect(ctx(dnsMessage(0x0400, [1, 1, 1, 0], [1, 65, 0]), { srcPort: 1, dstPort: 53 })), 'no');
  const state = new L7State();
  for (let i = 0; i < 3; i++) assert.equal(DNS.inspect(ctx([1, 2, 3], { srcPort: 1, dstPort: 53, state })), 'maybe');
  assert.equal(DNS.inspect(ctx([1, 2, 3], { srcPort: 1, dstPort: 53, state })), 'no');
});

function encodeNetbios(name: string, suffix: number): number[] {
  const raw = [...ascii(name.toUpperCase().padEnd(15, ' ')), suffix];
  return [0x20, ...raw.flatMap((b) => [0x41 + (b >> 4), 0x41 + (b & 0x0f)]), 0];
}

test('NetBIOS name service: detection and the decoded name', () => {
  const q = [0xf0, 0xf9, 0x01, 0x10, 0, 1, 0, 0, 0, 0, 0, 0, ...encodeNetbios('ISATAP', 0), 0, 0x20, 0, 1];
  const v = NETBIOS.inspect(ctx(q, { srcPort: 137, dstPort: 137 }));
  assert.ok(isDetection(v));
  assert.equal(v.host, 'isatap');
  assert.equal(v.app, undefined);
  const star = [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x20, 0x43, 0x4b, ...Array(30).fill(0x41), 0, 0, 0x21, 0, 1];
  const s = NETBIOS.inspect(ctx(star, { srcPort: 57836, dstPort: 137 }));
  assert.ok(isDetection(s));
  assert.equal(s.host, '*');
  assert.equal(NETBIOS.inspect(ctx(q.slice(0, 40), { srcPort: 137, dstPort: 137 })), 'no');
  assert.equal(decodeNetbiosName(Uint8Array.from([0x20, 0x5a, 0x41]), 0), undefined);
  assert.equal(decodeNetbiosName(Uint8Array.from([0x20, 0x41]), 0), undefined);
  assert.equal(decodeNetbiosName(Uint8Array.from([0]), 0), undefined);
});

test('NetBIOS datagram: SMBv1 when large, sender address must match', () => {
  const names = [...encodeNetbios('GIOVANNI-PC', 0), ...encodeNetbios('WORKGROUP', 0x1e)];
  const smb = [0xff, ...ascii('SMB'), 0x25, ...Array(60).fill(0)];
  const body = [...names, ...smb];
  const dgm = [0x11, 0x02, 0x80, 0x01, 192, 168, 1, 100, 0, 138, ...be16(body.length), 0, 0, ...body];
  const v = NETBIOS.inspect(ctx(dgm, { srcPort: 138, dstPort: 138, client: '192.168.1.100', server: '192.168.1.255' }));
  assert.ok(isDetection(v));
  assert.equal(v.app, 'SMBv1');
  assert.equal(v.host, 'giovanni-pc');
  assert.equal(NETBIOS.inspect(ctx(dgm, { srcPort: 138, dstPort: 138, client: '192.168.1.101' })), 'no');
  const bad = dgm.slice(0, 50);
  assert.equal(NETBIOS.inspect(ctx(bad, { srcPort: 138, dstPort: 138, client: '192.168.1.100' })), 'no');
  const session = [0x81, 0, ...be16(68), ...Array(68).fill(0x41)];
  assert.ok(isDetection(NETBIOS.inspect(ctx(session, { transport: 'tcp', srcPort: 1398, dstPort: 139 }))));
  assert.equal(NETBIOS.inspect(ctx(session, { transport: 'tcp', srcPort: 139, dstPort: 1398 })), 'no');
  // TCP 445 belongs to the SMB dissector that shares the NetBIOS name: never rule it out.
  assert.equal(NETBIOS.inspect(ctx([0, 0, 0, 4, 1, 2, 3, 4], { transport: 'tcp', srcPort: 50000, dstPort: 445 })), 'maybe');
});

function dhcp(options: number[]): number[] {
  const p = Array(240).fill(0);
  p[0] = 1;
  p.splice(236, 4, ...be32(0x63825363));
  return [...p, ...options];
}

test('DHCP: message type option, host name option 12 in lower case', () => {
  const p = dhcp([53, 1, 3, 12, 9, ...ascii('Joanna-PC'), 60, 8, ...ascii('MSFT 5.0'), 0xff]);
  const v = DHCP.inspect(ctx(p, { srcPort: 68, dstPort: 67 }));
  assert.ok(isDetection(v));
  assert.equal(v.host, 'joanna-pc');
  assert.deepEqual(DHCP.inspect(ctx(dhcp([53, 1, 2, 0xff]), { srcPort: 67, dstPort: 68 })), {});
  assert.equal(DHCP.inspect(ctx(dhcp([53, 1, 9, 0xff]), { srcPort: 68, dstPort: 67 })), 'no');
  assert.equal(DHCP.inspect(ctx(dhcp([53, 1, 1]), { srcPort: 68, dstPort: 1067 })), 'no');
  // Option 12 running past the end: the name is cut, nothing read out of bounds.
  const cut = DHCP.inspect(ctx(dhcp([53, 1, 1, 12, 200, ...ascii('abc')]), { srcPort: 68, dstPort: 67 }));
  assert.ok(isDetection(cut));
  assert.equal(cut.host, 'abc');
});

test('small UDP services: SSDP, DHCPv6, NTP, Teredo, Dropbox, Spotify', () => {
  const search = ascii('M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n\r\n');
  assert.ok(isDetection(SSDP.inspect(ctx(search, { srcPort: 42253, dstPort: 32412 }))));
  assert.ok(isDetection(SSDP.inspect(ctx(ascii('NOTIFY * HTTP/1.1\r\nHOST: x\r\n'), { srcPort: 1900, dstPort: 1900 }))));
  assert.equal(SSDP.inspect(ctx(ascii('GET / HTTP/1.1\r\nHost: example\r\n'), { srcPort: 1, dstPort: 1900 })), 'no');

  assert.ok(isDetection(DHCPV6.inspect(ctx([1, 0, 0, 1, 0, 1], { srcPort: 546, dstPort: 547 }))));
  assert.equal(DHCPV6.inspect(ctx([14, 0, 0, 1], { srcPort: 546, dstPort: 547 })), 'no');
  assert.equal(DHCPV6.inspect(ctx([1, 0, 0], { srcPort: 546, dstPort: 547 })), 'no');

  const ntp = [0x23, ...Array(47).fill(0)];
  assert.ok(isDetection(NTP.inspect(ctx(ntp, { srcPort: 123, dstPort: 123 }))));
  assert.equal(NTP.inspect(ctx([0x3b, ...Array(47).fill(0)], { srcPort: 123, dstPort: 123 })), 'no');
  assert.equal(NTP.inspect(ctx(ntp.slice(0, 47), { srcPort: 123, dstPort: 123 })), 'no');

  const ipv6 = [0x60, ...Array(39).fill(0)];
  assert.ok(isDetection(TEREDO.inspect(ctx(ipv6, { srcPort: 51812, dstPort: 3544, server: '10.0.0.1' }))));
  assert.equal(TEREDO.inspect(ctx(ipv6.slice(0, 20), { srcPort: 51812, dstPort: 3544 })), 'no');
  assert.equal(TEREDO.inspect(ctx(ipv6, { srcPort: 51812, dstPort: 3544, server: '239.1.2.3' })), 'no');

  const lan = ascii('{"host_int": 123, "version": [2, 0]}');
  assert.ok(isDetection(DROPBOX.inspect(ctx(lan, { srcPort: 17500, dstPort: 17500 }))));
  assert.equal(DROPBOX.inspect(ctx(lan, { srcPort: 4000, dstPort: 17500 })), 'no');
  assert.ok(isDetection(DROPBOX.inspect(ctx(ascii('xxBus17Cmdxx'), { srcPort: 4000, dstPort: 17500 }))));

  assert.ok(isDetection(SPOTIFY.inspect(ctx(ascii('SpotUdp0...'), { srcPort: 57621, dstPort: 57621 }))));
  assert.equal(SPOTIFY.inspect(ctx(ascii('SpotUd'), { srcPort: 57621, dstPort: 57621 })), 'no');
});

test('LDAP bind request', () => {
  const bind = [0x30, 0x0c, 0x02, 0x01, 0x01, 0x60, 0x07, 0x02, 0x01, 0x03, 0x04, 0x00, 0x80, 0x00];
  assert.ok(isDetection(LDAP.inspect(ctx(bind, { transport: 'tcp', srcPort: 57650, dstPort: 1389 }))));
  assert.equal(LDAP.inspect(ctx(bind.slice(0, 13), { transport: 'tcp', srcPort: 57650, dstPort: 1389 })), 'no');
  assert.equal(LDAP.inspect(ctx([0x30, 0x84, ...Array(20).fill(0)], { transport: 'tcp', srcPort: 1, dstPort: 389 })), 'no');
});

test('every naming dissector has a distinct nDPI protocol name', () => {
  const names = NAMING_DISSECTORS.map((d: Dissector) => d.protocol);
  assert.equal(new Set(names).size, names.length);
});

test('Kerberos: AS-REQ over UDP and TCP, KRB-ERROR, malformed framing', () => {
  // AS-REQ: [APPLICATION 10] len SEQUENCE len, pvno [1] 5, msg-type [2] 10, ...
  const asReq = [0x6a, 0x81, 0x20, 0x30, 0x1d, 0xa1, 3, 2, 1, 5, 0xa2, 3, 2, 1, 10, ...Array(20).fill(0)];
  assert.ok(isDetection(KERBEROS.inspect(ctx(asReq, { srcPort: 50000, dstPort: 88 }))));
  const tcp = [...be32(asReq.length), ...asReq];
  assert.ok(isDetection(KERBEROS.inspect(ctx(tcp, { transport: 'tcp', srcPort: 50000, dstPort: 88 }))));
  // First segment of a longer record.
  const head = [...be32(3000), ...asReq];
  assert.ok(isDetection(KERBEROS.inspect(ctx(head, { transport: 'tcp', srcPort: 50000, dstPort: 88 }))));
  assert.equal(KERBEROS.inspect(ctx([...be32(20000), ...asReq], { transport: 'tcp', srcPort: 50000, dstPort: 88 })), 'no');
  const error = [0x7e, 0x10, 0x30, 0x0e, 0xa0, 3, 2, 1, 5, 0xa1, 3, 2, 1, 30, 0, 0];
  assert.ok(isDetection(KERBEROS.inspect(ctx(error, { srcPort: 88, dstPort: 50000 }))));
  // Message type that disagrees with the tag, wrong version, off port, truncated.
  const mismatch = asReq.slice();
  mismatch[14] = 12;
  assert.equal(KERBEROS.inspect(ctx(mismatch, { srcPort: 50000, dstPort: 88 })), 'no');
  const v4 = asReq.slice();
  v4[9] = 4;
  assert.equal(KERBEROS.inspect(ctx(v4, { srcPort: 50000, dstPort: 88 })), 'no');
  assert.equal(KERBEROS.inspect(ctx(asReq, { srcPort: 50000, dstPort: 89 })), 'no');
  for (let cut = 0; cut < 15; cut++) assert.equal(KERBEROS.inspect(ctx(asReq.slice(0, cut), { srcPort: 1, dstPort: 88 })), 'no');
  assert.equal(kerberosMessageType(Uint8Array.from([0x6a, 0x84, 0, 0, 0, 1]), 0), -1);
});
