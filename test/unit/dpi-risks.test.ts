/** The flow-risk rules (engine/dpi/risks), one by one, on hand-made inputs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NDPI_MAX_RISK, NDPI_RISKS, riskById, riskByKey, riskByName, riskIdOf } from '../../api/ndpi';
import type { Flow } from '../../engine/flows/flow';
import { L7State } from '../../engine/dpi/l7-state';
import { RISK } from '../../engine/dpi/risks/ids';
import { detectionRisks, labelRisks, portRisks } from '../../engine/dpi/risks/protocol';
import { certificateRisks, clientHelloRisks, isSuspiciousExtension, namesMatch, serverHelloRisks } from '../../engine/dpi/risks/tls';
import { authorizationRisks, contentTypeRisks, hostRisks, isCanonicalIPv4, userAgentRisks } from '../../engine/dpi/risks/http';
import { dnsMessageRisks, dnsNameRisks, questionsMalformed } from '../../engine/dpi/risks/dns';
import { isObsoleteSshBanner, sshBannerRisks } from '../../engine/dpi/risks/ssh';
import { icmpRisks, internetChecksum } from '../../engine/dpi/risks/icmp';
import { riskNames } from '../../engine/dpi/risks/names';
import { smbRisks } from '../../engine/dpi/risks/smb';
import { isBinaryContentType } from '../../engine/dpi/dissectors/text/http';
import { loadGroundTruths } from '../support/ground-truth';

const names = (s: L7State) => riskNames(s);
const state = (master: string, app: string) => Object.assign(new L7State(), { master, app });
const flow = (l4Proto: number, clientPort: number, serverPort: number) => ({ l4Proto, clientPort, serverPort }) as unknown as Flow;

test('the risk table: ids 1..41 in order, unique names and keys, lookups agree', () => {
  assert.equal(NDPI_RISKS.length, 41);
  assert.equal(NDPI_MAX_RISK, 42);
  NDPI_RISKS.forEach((r, i) => assert.equal(r.id, i + 1));
  assert.equal(new Set(NDPI_RISKS.map((r) => r.name)).size, 41);
  assert.equal(new Set(NDPI_RISKS.map((r) => r.key)).size, 41);
  assert.equal(riskById(8)?.name, 'Weak TLS Cipher');
  assert.equal(riskByName('Weak TLS Cipher')?.key, 'NDPI_TLS_WEAK_CIPHER');
  assert.equal(riskByKey('NDPI_POSSIBLE_EXPLOIT')?.id, 40);
  assert.equal(riskById(0), undefined);
  assert.equal(riskById(42), undefined);
  assert.throws(() => riskIdOf('NDPI_NO_SUCH_RISK'), /no nDPI 4.2 risk named NDPI_NO_SUCH_RISK/);
});

test('every risk name of the ground truth is in the table', () => {
  for (const truth of loadGroundTruths()) {
    for (const f of truth.flows as { risks?: string[] }[]) {
      for (const r of f.risks ?? []) assert.ok(riskByName(r), `${truth.capture}: unknown risk name '${r}'`);
    }
  }
});

test('L7State keeps risks as bits, including ids above 31, listed in id order', () => {
  const s = new L7State();
  assert.equal(s.hasAnyRisk, false);
  s.addRisk(40);
  s.addRisk(5);
  s.addRisk(5);
  assert.deepEqual(s.riskIds(), [5, 40]);
  assert.equal(s.hasRisk(40), true);
  assert.equal(s.hasRisk(8), false);
  assert.equal(s.hasRisk(-1), false);
  assert.equal(s.hasRisk(2.5), false);
  assert.deepEqual(names(s), ['Known Protocol on Non Standard Port', 'Possible Exploit Detected']);
});

test('known protocol on a non-standard port', () => {
  const on = (master: string, app: string, l4: number, cport: number, sport: number) => {
    const s = state(master, app);
    portRisks(flow(l4, cport, sport), s);
    return s.hasRisk(RISK.KNOWN_PROTOCOL_ON_NON_STANDARD_PORT);
  };
  assert.equal(on('Unknown', 'HTTP', 6, 49152, 80), false);
  assert.equal(on('Unknown', 'HTTP', 6, 49152, 9099), true, 'no protocol owns 9099, and HTTP\'s ports are elsewhere');
  assert.equal(on('Unknown', 'HTTP', 6, 49152, 8080), true, '8080 belongs to HTTP_Proxy');
  assert.equal(on('HTTP', 'HTTP_Proxy', 6, 49152, 8080), false);
  assert.equal(on('TLS', 'Google', 6, 50000, 443), false, 'the master protocol owns the port');
  assert.equal(on('Unknown', 'TLS', 6, 44288, 0), true, 'port 0 is nobody\'s');
  assert.equal(on('Unknown', 'BitTorrent', 6, 52915, 60163), true);
  assert.equal(on('Unknown', 'ICMP', 1, 0, 0), false, 'no ports, no judgement');
});

test('unsafe protocols by breed, desktop sharing by protocol', () => {
  for (const [master, app, unsafe] of [['Unknown', 'POP3', true], ['NetBIOS', 'SMBv1', true], ['Unknown', 'FTP_CONTROL', true], ['Unknown', 'SMTP', false], ['TLS', 'Google', false]] as const) {
    const s = state(master, app);
    labelRisks(s);
    assert.equal(s.hasRisk(RISK.UNSAFE_PROTOCOL), unsafe, `${master}.${app}`);
  }
  const rdp = state('Unknown', 'RDP');
  detectionRisks(rdp);
  assert.deepEqual(names(rdp), ['Desktop/File Sharing Session']);
  const ssh = state('Unknown', 'SSH');
  detectionRisks(ssh);
  assert.equal(ssh.hasAnyRisk, false);
});

test('TLS ClientHello: obsolete offer, no ALPN, no SNI, suspicious extensions', () => {
  const hello = (o: Partial<Parameters<typeof clientHelloRisks>[1]>) => {
    const s = new L7State();
    clientHelloRisks(s, { version: 0x0303, sni: 'example.org', alpn: ['h2'], extensions: [0, 16], extensionOverrun: false, ...o });
    return names(s);
  };
  assert.deepEqual(hello({}), []);
  assert.deepEqual(hello({ alpn: undefined }), ['TLS (probably) Not Carrying HTTPS']);
  assert.deepEqual(hello({ version: 0x0301, alpn: undefined }), ['Obsolete TLS Version (1.1 or older)'], 'below 1.2 ALPN is not expected');
  assert.deepEqual(hello({ sni: undefined }), ['Missing SNI TLS Extension']);
  assert.deepEqual(hello({ sni: undefined, extensions: [16, 65486] }), [], 'encrypted SNI instead');
  assert.deepEqual(hello({ sni: undefined, version: 0x0301 }), ['Obsolete TLS Version (1.1 or older)'], 'TLS 1.0 without SNI is not judged');
  assert.deepEqual(hello({ extensions: [0, 16, 1234] }), ['TLS Suspicious Extension']);
  assert.deepEqual(hello({ extensionOverrun: true }), ['TLS Suspicious Extension']);
  assert.equal(isSuspiciousExtension(65281), false);
  assert.equal(isSuspiciousExtension(17513), false);
  assert.equal(isSuspiciousExtension(53), true, 'DTLS only');
  assert.equal(isSuspiciousExtension(43), false);
});

test('TLS ServerHello: obsolete version, weak cipher (not judged in TLS 1.3)', () => {
  const server = (version: number, cipher: 'safe' | 'weak' | 'insecure') => {
    const s = new L7State();
    serverHelloRisks(s, version, cipher);
    return names(s);
  };
  assert.deepEqual(server(0x0303, 'safe'), []);
  assert.deepEqual(server(0x0303, 'weak'), ['Weak TLS Cipher']);
  assert.deepEqual(server(0x0302, 'insecure'), ['Obsolete TLS Version (1.1 or older)', 'Weak TLS Cipher']);
  assert.deepEqual(server(0x0304, 'weak'), []);
});

test('TLS certificate: name mismatch against the SNI, self-signed', () => {
  const cert = (sni: string | undefined, altNames: string[], selfSigned = false) => {
    const s = new L7State();
    certificateRisks(s, { sni, altNames, selfSigned }, 0);
    return names(s);
  };
  assert.deepEqual(cert('www.ntop.org', ['shop.ntop.org']), ['TLS Certificate Mismatch']);
  assert.deepEqual(cert('www.ntop.org', ['*.ntop.org']), []);
  assert.deepEqual(cert('www.ntop.org', ['shop.ntop.org', 'www.ntop.org']), []);
  assert.deepEqual(cert(undefined, ['shop.ntop.org']), [], 'nothing asked, nothing to mismatch');
  assert.deepEqual(cert('www.ntop.org', []), [], 'no subjectAltName: not judged');
  assert.deepEqual(cert('a.b', [], true), ['Self-signed Certificate']);
  assert.equal(namesMatch('api.facebook.com', '*.facebook.com'), true);
  const day = 86400;
  const valid = (now: number) => {
    const s = new L7State();
    certificateRisks(s, { altNames: [], selfSigned: false, notBefore: 100 * day, notAfter: 200 * day }, now);
    return names(s);
  };
  assert.deepEqual(valid(150 * day), []);
  assert.deepEqual(valid(50 * day), ['TLS Expired Certificate'], 'not valid yet');
  assert.deepEqual(valid(201 * day), ['TLS Expired Certificate']);
  assert.deepEqual(valid(180 * day), ['TLS Certificate About To Expire'], 'less than 30 days left');
  assert.equal(namesMatch('facebook.com', '*.facebook.com'), false);
});

test('SMB: version 1 past the dialect negotiation is insecure', () => {
  const smb1 = (command: number) => [0, 0, 0, 0x40, 0xff, 0x53, 0x4d, 0x42, command, 0, 0, 0];
  const s = new L7State();
  smbRisks(s, 'SMBv1', Uint8Array.from(smb1(0x72)));
  assert.equal(s.hasAnyRisk, false, 'a negotiation opens in SMBv1 form even from SMB2/3 clients');
  smbRisks(s, 'SMBv23', Uint8Array.from(smb1(0x73)));
  assert.equal(s.hasAnyRisk, false);
  smbRisks(s, 'SMBv1', Uint8Array.from(smb1(0x73)));
  assert.deepEqual(names(s), ['SMB Insecure Version']);
});

test('HTTP: numeric Host, suspicious or exploit User-Agent, Basic credentials', () => {
  const http = (f: (s: L7State) => void) => {
    const s = new L7State();
    f(s);
    return names(s);
  };
  assert.deepEqual(http((s) => hostRisks(s, '183.131.48.144')), ['HTTP Numeric IP Address']);
  assert.deepEqual(http((s) => hostRisks(s, '192.168.13.31:8080')), ['HTTP Numeric IP Address']);
  assert.deepEqual(http((s) => hostRisks(s, 'www.ntop.org')), []);
  assert.equal(isCanonicalIPv4('10.0.0.01'), false);
  assert.equal(isCanonicalIPv4('256.1.1.1'), false);
  assert.equal(isCanonicalIPv4('1.2.3'), false);
  assert.deepEqual(http((s) => userAgentRisks(s, 'Mozilla/5.0 (X11; Linux x86_64)')), []);
  assert.deepEqual(http((s) => userAgentRisks(s, 'jndi:ldap://172.16.238.11:1389/a')), ['HTTP Suspicious User-Agent', 'Possible Exploit Detected']);
  assert.deepEqual(http((s) => userAgentRisks(s, '${jndi:ldap://x/a}')), ['HTTP Suspicious User-Agent', 'Possible Exploit Detected']);
  assert.deepEqual(http((s) => userAgentRisks(s, 'abc')), ['HTTP Suspicious User-Agent']);
  assert.deepEqual(http((s) => userAgentRisks(s, 'XkQwPzRtYuIoPa')), ['HTTP Suspicious User-Agent'], 'one random-looking word');
  assert.deepEqual(http((s) => userAgentRisks(s, 'Wget/1.21')), []);
  assert.deepEqual(http((s) => authorizationRisks(s, 'Basic bG1jX3c6VGVzdDEyMzQ=')), ['Clear-Text Credentials']);
  assert.deepEqual(http((s) => authorizationRisks(s, 'Bearer abc')), []);
});

test('HTTP: binary media types, and Java fetching a Java class', () => {
  assert.equal(isBinaryContentType('application/java-vm'), true);
  assert.equal(isBinaryContentType('application/x-msdownload'), true);
  assert.equal(isBinaryContentType('application/json'), false);
  assert.equal(isBinaryContentType('application/mpeg'), false);
  const s = new L7State();
  contentTypeRisks(s, true, 'application/java-vm', 'Java/1.8.0_51');
  assert.deepEqual(names(s), ['Binary Application Transfer', 'Possible Exploit Detected']);
  const browser = new L7State();
  contentTypeRisks(browser, true, 'application/java-vm', 'Mozilla/5.0');
  assert.deepEqual(names(browser), ['Binary Application Transfer']);
  const text = new L7State();
  contentTypeRisks(text, false, 'text/html', 'Java/1.8.0_51');
  assert.deepEqual(names(text), []);
});

test('DNS: large UDP messages, fragments, non-printable names, malformed questions', () => {
  const s = new L7State();
  dnsMessageRisks(s, 'udp', 512, false);
  assert.deepEqual(names(s), []);
  dnsMessageRisks(s, 'tcp', 1800, false);
  assert.deepEqual(names(s), [], 'DNS over TCP may be large');
  dnsMessageRisks(s, 'udp', 513, true);
  assert.deepEqual(names(s), ['DNS Packet Larger Than 512 bytes', 'Fragmented DNS Message']);
  const n = new L7State();
  dnsNameRisks(n, false);
  assert.equal(n.hasAnyRisk, false);
  dnsNameRisks(n, true);
  assert.deepEqual(names(n), ['Text Contains Non-Printable Characters']);
  // One question "a.b" type A class IN; then the same with type 0, a cut message, an overlong name.
  const good = [1, 0x61, 1, 0x62, 0, 0, 1, 0, 1];
  assert.equal(questionsMalformed(Uint8Array.from(good), 0, 1), false);
  assert.equal(questionsMalformed(Uint8Array.from([1, 0x61, 1, 0x62, 0, 0, 0, 0, 1]), 0, 1), true);
  assert.equal(questionsMalformed(Uint8Array.from([1, 0x61, 0, 0]), 0, 1), true);
  const long: number[] = [];
  for (let i = 0; i < 5; i++) long.push(60, ...new Array<number>(60).fill(0x61));
  long.push(0, 0, 1, 0, 1);
  assert.equal(questionsMalformed(Uint8Array.from(long), 0, 1), true);
  assert.equal(questionsMalformed(Uint8Array.from([0xc0, 0x0c, 0, 1, 0, 1]), 0, 1), false, 'a pointer ends the name');
});

test('SSH: obsolete software by banner, for the side that sent it', () => {
  assert.equal(isObsoleteSshBanner('SSH-2.0-OpenSSH_5.3'), true);
  assert.equal(isObsoleteSshBanner('SSH-2.0-OpenSSH_7.4p1 Debian'), false);
  assert.equal(isObsoleteSshBanner('SSH-2.0-OpenSSH_6.9'), true);
  assert.equal(isObsoleteSshBanner('SSH-2.0-dropbear_2019.78'), true);
  assert.equal(isObsoleteSshBanner('SSH-2.0-PuTTY_Release_0.70'), false, 'unknown software is not judged');
  const s = new L7State();
  sshBannerRisks(s, 'SSH-2.0-OpenSSH_5.3', false);
  assert.deepEqual(names(s), ['SSH Obsolete Server Version/Cipher']);
});

test('ICMP: unassigned type, bad code, bad checksum', () => {
  const echo = [8, 0, 0, 0, 0x12, 0x34, 0, 1, 0x61, 0x62];
  const sum = internetChecksum(Uint8Array.from(echo));
  echo[2] = sum >> 8;
  echo[3] = sum & 0xff;
  assert.equal(internetChecksum(Uint8Array.from(echo)), 0);
  const judge = (bytes: number[], complete = true) => {
    const s = new L7State();
    icmpRisks(s, Uint8Array.from(bytes), complete);
    return names(s);
  };
  assert.deepEqual(judge(echo), []);
  assert.deepEqual(judge([...echo.slice(0, 9), 0x63]), ['Malformed Packet'], 'checksum no longer matches');
  assert.deepEqual(judge([...echo.slice(0, 9), 0x63], false), [], 'a cut packet\'s checksum is not checked');
  assert.deepEqual(judge([165, 0, 0x5a, 0xff, 0, 0, 0, 0]), ['Malformed Packet']);
  assert.deepEqual(judge([3, 16, 0, 0, 0, 0, 0, 0]), ['Malformed Packet']);
  assert.deepEqual(judge([8, 0]), ['Malformed Packet']);
});
