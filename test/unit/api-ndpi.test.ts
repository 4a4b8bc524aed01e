/**
 * The nDPI 4.2 catalog (api/ndpi): the tables hold together, the lookups behave like
 * nDPI's, and the protocols and categories the spec names (§7) are there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultPortsOf,
  NDPI_BREEDS,
  NDPI_CATEGORIES,
  NDPI_CATEGORY_LIMIT,
  NDPI_PROTOCOLS,
  NDPI_PROTOCOL_COUNT,
  NDPI_SHARED_DEFAULT_PORTS,
  breedById,
  breedName,
  categoryById,
  categoryByName,
  categoryName,
  closestProtocolNames,
  defaultCategoryOf,
  isEncryptedPair,
  protocolById,
  protocolByName,
  protocolByNameIgnoreCase,
  protocolForDefaultPort,
  protocolIdLabel,
  protocolLabel,
  protocolName,
} from '../../api/ndpi';

const id = (name: string): number => {
  const p = protocolByName(name);
  assert.ok(p, `protocol ${name}`);
  return p.id;
};

test('protocol ids are 0..281 without gaps, each entry at its own index', () => {
  assert.equal(NDPI_PROTOCOL_COUNT, 282);
  NDPI_PROTOCOLS.forEach((p, index) => assert.equal(p.id, index, p.name));
  assert.equal(new Set(NDPI_PROTOCOLS.map((p) => p.id)).size, NDPI_PROTOCOLS.length);
});

test('protocol names are unique, also ignoring case, and non-empty', () => {
  const names = NDPI_PROTOCOLS.map((p) => p.name);
  assert.equal(new Set(names).size, names.length);
  assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length);
  for (const n of names) assert.match(n, /^\S+$/, n);
});

test('every category and breed a protocol refers to exists', () => {
  for (const p of NDPI_PROTOCOLS) {
    assert.ok(categoryById(p.category), `${p.name}: category ${p.category}`);
    assert.ok(breedById(p.breed), `${p.name}: breed ${p.breed}`);
  }
  // Only Unknown lacks a category; a protocol with a user slot category would be a data error.
  assert.deepEqual(NDPI_PROTOCOLS.filter((p) => p.category === 0).map((p) => p.name), ['Unknown']);
  assert.ok(NDPI_PROTOCOLS.every((p) => !categoryById(p.category)?.userSlot));
});

test('category and breed tables: unique ids and names, the ids nDPI 4.2 has', () => {
  assert.equal(new Set(NDPI_CATEGORIES.map((c) => c.id)).size, NDPI_CATEGORIES.length);
  assert.equal(new Set(NDPI_CATEGORIES.map((c) => c.name)).size, NDPI_CATEGORIES.length);
  const ids = NDPI_CATEGORIES.map((c) => c.id);
  assert.deepEqual(ids, [...Array.from({ length: 33 }, (_, i) => i), 99, 100, 101, 102, 103, 104, 105]);
  assert.ok(ids.every((i) => i < NDPI_CATEGORY_LIMIT));
  assert.deepEqual(NDPI_CATEGORIES.filter((c) => 'userSlot' in c).map((c) => c.id), [20, 21, 22, 23, 24]);
  assert.deepEqual(NDPI_BREEDS.map((b) => b.id), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.equal(new Set(NDPI_BREEDS.map((b) => b.name)).size, NDPI_BREEDS.length);
});

test('default ports: valid, at most five per transport, unique within a protocol; shared ports are the listed ones', () => {
  const owners = { tcp: new Map<number, number[]>(), udp: new Map<number, number[]>() };
  for (const p of NDPI_PROTOCOLS) {
    for (const l4 of ['tcp', 'udp'] as const) {
      const ports = p[l4];
      assert.ok(ports.length <= 5, `${p.name} ${l4}`);
      assert.equal(new Set(ports).size, ports.length, `${p.name} ${l4}`);
      for (const port of ports) {
        assert.ok(Number.isInteger(port) && port >= 1 && port <= 65535, `${p.name} ${l4} ${port}`);
        owners[l4].set(port, [...(owners[l4].get(port) ?? []), p.id]);
      }
    }
  }
  for (const l4 of ['tcp', 'udp'] as const) {
    const shared = Object.fromEntries([...owners[l4]].filter(([, ids]) => ids.length > 1).map(([port, ids]) => [port, ids]));
    const listed = Object.fromEntries(Object.entries(NDPI_SHARED_DEFAULT_PORTS[l4]).map(([port, s]) => [port, [...s.listedBy]]));
    assert.deepEqual(shared, listed, l4);
    for (const [port, s] of Object.entries(NDPI_SHARED_DEFAULT_PORTS[l4])) {
      assert.ok(s.listedBy.includes(s.guess));
      assert.equal(protocolForDefaultPort(l4 === 'tcp' ? 'TCP' : 'UDP', Number(port))?.id, s.guess);
    }
  }
  assert.equal(owners.tcp.size, 98);
  assert.equal(owners.udp.size, 79);
});

test('defaultPortsOf: a protocol\'s default ports, TCP then UDP, each once; an unknown name throws', () => {
  assert.deepEqual(defaultPortsOf('MQTT'), [1883, 8883]);
  assert.deepEqual(defaultPortsOf('Syslog'), [514]); // 514 on both transports, listed once
  assert.deepEqual(defaultPortsOf('BGP'), [179, 2605]);
  assert.throws(() => defaultPortsOf('Mqtt'), /no nDPI 4.2 protocol named Mqtt/);
});

test('protocols known only from host names have no ports and are reported encrypted', () => {
  const hostOnly = NDPI_PROTOCOLS.filter((p) => p.origin === 'hostnames');
  assert.equal(hostOnly.length, 56);
  for (const p of hostOnly) {
    assert.deepEqual([p.tcp.length, p.udp.length, p.encrypted], [0, 0, true], p.name);
  }
  assert.equal(NDPI_PROTOCOLS.filter((p) => p.encrypted).length, 109);
});

test('spec §7: the protocol ids it cites (from nDPI 3.0) still have the same names in 4.2', () => {
  const cited: [number, string][] = [
    [0, 'Unknown'], [3, 'SMTP'], [5, 'DNS'], [7, 'HTTP'], [8, 'MDNS'], [9, 'NTP'], [10, 'NetBIOS'], [17, 'Syslog'],
    [18, 'DHCP'], [37, 'BitTorrent'], [42, 'Mining'], [81, 'ICMP'], [87, 'RTP'], [91, 'TLS'], [92, 'SSH'],
    [102, 'ICMPV6'], [103, 'DHCPV6'], [119, 'Facebook'], [121, 'Dropbox'], [124, 'YouTube'], [126, 'Google'],
    [128, 'NetFlow'], [129, 'sFlow'], [131, 'HTTP_Proxy'], [163, 'Tor'], [188, 'QUIC'], [212, 'Microsoft'],
  ];
  for (const [i, name] of cited) {
    assert.equal(protocolName(i), name, `id ${i}`);
    assert.equal(protocolByName(name)?.id, i, name);
  }
});

test('spec §7: categories keep their ids; 4.2 prints "Download" and "ConnCheck" where the 3.x table says otherwise', () => {
  const same: [number, string][] = [
    [0, 'Unspecified'], [1, 'Media'], [2, 'VPN'], [3, 'Email'], [4, 'DataTransfer'], [5, 'Web'], [6, 'SocialNetwork'],
    [8, 'Game'], [9, 'Chat'], [10, 'VoIP'], [11, 'Database'], [12, 'RemoteAccess'], [13, 'Cloud'], [14, 'Network'],
    [15, 'Collaborative'], [16, 'RPC'], [17, 'Streaming'], [18, 'System'], [19, 'SoftwareUpdate'], [25, 'Music'],
    [26, 'Video'], [27, 'Shopping'], [28, 'Productivity'], [29, 'FileSharing'], [31, 'IoT-Scada'], [99, 'Mining'],
    [100, 'Malware'], [101, 'Advertisement'], [102, 'Banned_Site'], [103, 'Site_Unavailable'], [104, 'Allowed_Site'],
    [105, 'Antimalware'],
  ];
  for (const [i, name] of same) assert.equal(categoryName(i), name, `category ${i}`);
  for (let n = 1; n <= 5; n++) assert.equal(categoryName(19 + n), `User custom category ${n}`);
  assert.equal(categoryName(7), 'Download'); // spec §7 table: "Download-FileTransfer-FileSharing"
  assert.equal(categoryName(30), 'ConnCheck'); // spec §7 table: "ConnectivityCheck"
  assert.equal(categoryName(32), 'VirtAssistant'); // not in the spec's table
  assert.equal(categoryByName('Malware')?.id, 100);
  assert.equal(categoryByName('Download-FileTransfer-FileSharing'), undefined);
});

test('category names outside the table print as nDPI 4.2 prints them', () => {
  assert.equal(categoryName(33), '');
  assert.equal(categoryName(98), '');
  assert.equal(categoryName(106), 'Invalid category 106');
  assert.equal(categoryName(1000), 'Invalid category 1000');
  assert.equal(categoryById(50), undefined);
});

test('breeds as nDPI 4.2 prints them, "???" past the table', () => {
  assert.deepEqual(NDPI_BREEDS.map((b) => b.name),
    ['Safe', 'Acceptable', 'Fun', 'Unsafe', 'Potentially Dangerous', 'Dangerous', 'Tracker/Ads', 'Unrated']);
  assert.equal(breedName(4), 'Potentially Dangerous');
  assert.equal(breedById(4)?.key, 'POTENTIALLY_DANGEROUS');
  assert.equal(breedName(6), 'Tracker/Ads');
  assert.equal(breedName(8), '???');
  assert.equal(protocolByName('Tor')?.breed, 4);
  assert.equal(protocolByName('SMBv1')?.breed, 5);
  assert.equal(protocolByName('Unknown')?.breed, 7);
});

test('spot checks of well-known protocols', () => {
  const tls = protocolByName('TLS');
  assert.deepEqual(tls && { ...tls }, { id: 91, name: 'TLS', category: 5, breed: 0, encrypted: true, tcp: [443], udp: [], origin: 'defaults' });
  const dns = protocolByName('DNS');
  assert.deepEqual(dns && [dns.id, categoryName(dns.category), breedName(dns.breed), dns.encrypted, dns.tcp, dns.udp],
    [5, 'Network', 'Acceptable', false, [53], [53]]);
  const quic = protocolByName('QUIC');
  assert.deepEqual(quic && [quic.id, categoryName(quic.category), quic.encrypted, quic.tcp, quic.udp], [188, 'Web', true, [], [443]]);
  assert.equal(categoryName(protocolById(42)?.category ?? -1), 'Mining');
  assert.equal(categoryName(protocolById(id('YouTube'))?.category ?? -1), 'Media');
  assert.equal(protocolById(260)?.name, 'Z39.50');
  assert.equal(protocolById(200)?.name, 'Sina(Weibo)');
  assert.equal(protocolById(64)?.name, 'FREE_64');
  assert.equal(protocolById(282), undefined);
  assert.equal(protocolById(-1), undefined);
  assert.equal(protocolById(1.5), undefined);
  assert.equal(protocolName(9999), 'Unknown');
});

test('labels: two parts only when master is known and differs from app', () => {
  assert.equal(protocolLabel(id('TLS'), id('Google')), 'TLS.Google');
  assert.equal(protocolLabel(id('QUIC'), id('YouTube')), 'QUIC.YouTube');
  assert.equal(protocolLabel(0, id('DNS')), 'DNS');
  assert.equal(protocolLabel(id('HTTP'), id('HTTP')), 'HTTP');
  assert.equal(protocolLabel(id('DNS'), 0), 'DNS');
  assert.equal(protocolLabel(0, 0), 'Unknown');
  assert.equal(protocolLabel(0, 260), 'Z39.50');
  assert.equal(protocolLabel(id('DNS'), id('Sina(Weibo)')), 'DNS.Sina(Weibo)');
  assert.equal(protocolIdLabel(91, 126), '91.126');
  assert.equal(protocolIdLabel(91, 0), '91');
  assert.equal(protocolIdLabel(7, 7), '7');
  assert.equal(protocolIdLabel(0, 0), '0');
});

test('encryption of a pair: the app alone, or the master when there is one', () => {
  assert.equal(isEncryptedPair(0, id('TLS')), true);
  assert.equal(isEncryptedPair(0, id('HTTP')), false);
  assert.equal(isEncryptedPair(id('TLS'), id('Google')), true);
  assert.equal(isEncryptedPair(id('DNS'), id('Facebook')), false);
  assert.equal(isEncryptedPair(id('HTTP'), id('Google')), false);
  assert.equal(isEncryptedPair(id('TLS'), id('ntop')), true);
  assert.equal(isEncryptedPair(0, 0), false);
  assert.equal(isEncryptedPair(0, 5000), false);
});

test('default category of a pair: the app\'s, else the master\'s', () => {
  assert.equal(defaultCategoryOf(id('TLS'), id('Facebook')), 6);
  assert.equal(defaultCategoryOf(id('DNS'), id('Google')), 5);
  assert.equal(defaultCategoryOf(0, id('DNS')), 14);
  assert.equal(defaultCategoryOf(id('DNS'), 0), 14);
  assert.equal(defaultCategoryOf(0, 0), 0);
});

test('name lookups: exact is case-sensitive; the case-insensitive one is for l7_proto and suggestions', () => {
  assert.equal(protocolByName('tls'), undefined);
  assert.equal(protocolByNameIgnoreCase('tls')?.name, 'TLS');
  assert.equal(protocolByNameIgnoreCase('YOUTUBE')?.name, 'YouTube');
  assert.equal(protocolByNameIgnoreCase('sina(weibo)')?.name, 'Sina(Weibo)');
  assert.equal(protocolByNameIgnoreCase('SSL'), undefined);
  assert.deepEqual(closestProtocolNames('youtbe', 1), ['YouTube']);
  assert.deepEqual(closestProtocolNames('tls', 1), ['TLS']);
  assert.ok(closestProtocolNames('Googel').includes('Google'));
  assert.deepEqual(closestProtocolNames('zzzzzzzzzzzzzzzzzz'), []);
  assert.deepEqual(closestProtocolNames('DNS', 0), []);
});

test('default-port guesses, as the table nDPI guesses "Match by port" from', () => {
  assert.equal(protocolForDefaultPort('TCP', 443)?.name, 'TLS');
  assert.equal(protocolForDefaultPort('UDP', 443)?.name, 'QUIC');
  assert.equal(protocolForDefaultPort('TCP', 80)?.name, 'HTTP');
  assert.equal(protocolForDefaultPort('UDP', 53)?.name, 'DNS');
  assert.equal(protocolForDefaultPort('TCP', 8080)?.name, 'HTTP_Proxy');
  assert.equal(protocolForDefaultPort('TCP', 445)?.name, 'SMBv23');
  assert.equal(protocolForDefaultPort('TCP', 210)?.name, 'Z39.50');
  assert.equal(protocolForDefaultPort('TCP', 1), undefined);
});
