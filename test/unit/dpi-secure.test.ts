/**
 * Secure-family dissectors on hand-built payloads: TLS (ClientHello/ServerHello/
 * Certificate, reassembly across segments), QUIC (RFC 9001 Appendix A keys, an Initial
 * built and encrypted here, gQUIC CHLO), SSH, SMB, RDP, BitTorrent; plus malformed and
 * truncated input, which must never throw.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createHash } from 'node:crypto';
import type { Dissector, DissectorContext, Verdict } from '../../engine/dpi/dissector';
import type { Flow } from '../../engine/flows/flow';
import { L7State } from '../../engine/dpi/l7-state';
import { tlsDissector } from '../../engine/dpi/dissectors/secure/tls';
import { parseClientHello, parseServerHello, parseCertificate, isGrease, cipherClass } from '../../engine/dpi/dissectors/secure/tls-messages';
import { clientInitialKeys, cryptoFrames, decryptInitial, gquicChlo, initialSalt, quicDissector } from '../../engine/dpi/dissectors/secure/quic';
import { hasshOfKexinit, sshDissector } from '../../engine/dpi/dissectors/secure/ssh';
import { smbDissector, smbVersion } from '../../engine/dpi/dissectors/secure/smb';
import { rdpDissector } from '../../engine/dpi/dissectors/secure/rdp';
import { bittorrentDissector } from '../../engine/dpi/dissectors/secure/bittorrent';
import { SECURE_DISSECTORS } from '../../engine/dpi/dissectors/secure';

// ------------------------------------------------------------------ helpers

const bytes = (...parts: (number[] | Uint8Array | string)[]): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'string') for (const c of p) out.push(c.charCodeAt(0) & 0xff);
    else out.push(...p);
  }
  return new Uint8Array(out);
};
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be24 = (n: number) => [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

class Session {
  readonly state = new L7State();
  constructor(readonly dissector: Dissector, readonly transport: 'tcp' | 'udp' = 'tcp', readonly cport = 50000, readonly sport = 443) {}
  send(fromClient: boolean, payload: Uint8Array): Verdict {
    const ctx: DissectorContext = {
      flow: {} as Flow,
      state: this.state,
      payload,
      fromClient,
      srcPort: fromClient ? this.cport : this.sport,
      dstPort: fromClient ? this.sport : this.cport,
      transport: this.transport,
      time: 0,
      ipFragmented: false,
    };
    return this.dissector.inspect(ctx);
  }
}

function ext(type: number, data: Uint8Array): number[] {
  return [...be16(type), ...be16(data.length), ...data];
}

function clientHelloBody(sni?: string): Uint8Array {
  const exts: number[] = [];
  exts.push(...ext(0x0a0a, new Uint8Array(0))); // GREASE
  if (sni !== undefined) exts.push(...ext(0x0000, bytes(be16(sni.length + 3), [0], be16(sni.length), sni)));
  exts.push(...ext(0x000a, bytes(be16(6), be16(0x2a2a), be16(0x001d), be16(0x0017))));
  exts.push(...ext(0x000b, bytes([1, 0])));
  exts.push(...ext(0x0010, bytes(be16(12), [2], 'h2', [8], 'http/1.1')));
  exts.push(...ext(0x002b, bytes([6], be16(0x3a3a), be16(0x0304), be16(0x0303))));
  return bytes(be16(0x0303), new Uint8Array(32), [0], be16(6), be16(0x1a1a), be16(0x1301), be16(0xc02f), [1, 0], be16(exts.length), exts);
}

const handshake = (type: number, body: Uint8Array) => bytes([type], be24(body.length), body);
const record = (type: number, content: Uint8Array) => bytes([type, 3, 1], be16(content.length), content);

function serverHelloBody(version = 0x0303, cipher = 0xc02f, supported?: number): Uint8Array {
  const exts = [...ext(0xff01, bytes([0])), ...(supported ? ext(0x002b, bytes(be16(supported))) : [])];
  return bytes(be16(version), new Uint8Array(32), [0], be16(cipher), [0], be16(exts.length), exts);
}

// DER helpers for a minimal certificate.
function der(tag: number, content: number[] | Uint8Array): number[] {
  const c = [...content];
  const len = c.length < 128 ? [c.length] : c.length < 256 ? [0x81, c.length] : [0x82, c.length >> 8, c.length & 0xff];
  return [tag, ...len, ...c];
}
const rdn = (type: number, value: string) => der(0x31, der(0x30, [...der(0x06, [0x55, 0x04, type]), ...der(0x0c, [...bytes(value)])]));
function certificate(subjectCn: string, issuerO: string, names: string[]): Uint8Array {
  const issuer = der(0x30, [...rdn(6, 'US'), ...rdn(10, issuerO)]);
  const subject = der(0x30, [...rdn(6, 'US'), ...rdn(3, subjectCn)]);
  const san = der(0x30, names.flatMap((n) => der(0x82, [...bytes(n)])));
  const extension = der(0x30, [...der(0x06, [0x55, 0x1d, 0x11]), ...der(0x04, san)]);
  const tbs = der(0x30, [
    ...der(0xa0, der(0x02, [2])),
    ...der(0x02, [1]),
    ...der(0x30, der(0x06, [0x2a, 0x86, 0x48])),
    ...issuer,
    ...der(0x30, []),
    ...subject,
    ...der(0x30, []),
    ...der(0xa3, der(0x30, extension)),
  ]);
  return new Uint8Array(der(0x30, [...tbs, ...der(0x30, []), ...der(0x03, [0])]));
}
const certificateBody = (cert: Uint8Array) => bytes(be24(cert.length + 3), be24(cert.length), cert);

/** Feeds random and truncated payloads to a dissector; none may throw. */
function assertNeverThrows(d: Dissector, transport: 'tcp' | 'udp', samples: Uint8Array[], sport = 443): void {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const inputs: Uint8Array[] = [];
  for (const s of samples) {
    for (let cut = 0; cut <= s.length; cut += Math.max(1, Math.floor(s.length / 97))) inputs.push(s.subarray(0, cut));
    for (let k = 0; k < 40; k++) {
      const m = s.slice();
      for (let j = 0; j < 4; j++) m[Math.floor(rnd() * m.length)] = Math.floor(rnd() * 256);
      inputs.push(m);
    }
  }
  for (let k = 0; k < 100; k++) inputs.push(new Uint8Array(Array.from({ length: Math.floor(rnd() * 300) }, () => Math.floor(rnd() * 256))));
  for (const input of inputs) {
    const session = new Session(d, transport, 50000, sport);
    assert.doesNotThrow(() => {
      session.send(true, input);
      session.send(false, input);
      session.send(true, input);
    });
  }
}

// ------------------------------------------------------------------ TLS

test('ClientHello: SNI (lowercased), ALPN, supported versions, JA3 without GREASE', () => {
  const hello = parseClientHello(clientHelloBody('WWW.Example.COM'));
  assert.ok(hello);
  assert.equal(hello.sni, 'www.example.com');
  assert.deepEqual(hello.alpn, ['h2', 'http/1.1']);
  assert.deepEqual(hello.supportedVersions, [0x0304, 0x0303]);
  assert.equal(hello.ja3, '771,4865-49199,0-10-11-16-43,29-23,0');
  assert.equal(hello.ja3Hash, createHash('md5').update(hello.ja3).digest('hex'));
  assert.ok(isGrease(0x0a0a) && isGrease(0xfafa) && !isGrease(0x0a0b) && !isGrease(0x1301));
});

test('ServerHello: negotiated version from supported_versions, JA3S keeps the legacy version', () => {
  const sh = parseServerHello(serverHelloBody(0x0303, 0x1301, 0x0304));
  assert.ok(sh);
  assert.equal(sh.version, 0x0304);
  assert.equal(sh.cipher, 0x1301);
  assert.equal(sh.ja3, '771,4865,65281-43');
  assert.equal(cipherClass(0x0005), 'insecure');
  assert.equal(cipherClass(0x002f), 'weak');
  assert.equal(cipherClass(0xc02f), 'safe');
});

test('certificate: subject, issuer and subjectAltName DNS names', () => {
  const info = parseCertificate(certificate('www.example.com', 'Example CA', ['www.example.com', 'example.com']));
  assert.ok(info);
  assert.equal(info.subject, 'C=US, CN=www.example.com');
  assert.equal(info.issuer, 'C=US, O=Example CA');
  assert.equal(info.commonName, 'www.example.com');
  assert.deepEqual(info.altNames, ['www.example.com', 'example.com']);
});

test('TLS flow: ClientHello split over three segments, then ServerHello + Certificate in one record stream', () => {
  const s = new Session(tlsDissector);
  const ch = record(22, handshake(1, clientHelloBody('mail.example.org')));
  assert.equal(s.send(true, ch.subarray(0, 3)), 'maybe');
  assert.equal(s.send(true, ch.subarray(3, 60)), 'maybe');
  const v = s.send(true, ch.subarray(60));
  assert.deepEqual(v, { moreDetails: true, host: 'mail.example.org' });
  assert.equal(s.state.tls?.sni, 'mail.example.org');
  const flight = bytes(
    record(22, handshake(2, serverHelloBody())),
    record(22, handshake(11, certificateBody(certificate('mail.example.org', 'Test CA', ['mail.example.org', 'www.mail.example.org'])))),
  );
  assert.equal(s.send(false, flight.subarray(0, 100)), 'maybe');
  assert.deepEqual(s.send(false, flight.subarray(100)), {});
  const tls = s.state.tls!;
  assert.equal(tls.version, 0x0303);
  assert.equal(tls.cipher, 0xc02f);
  assert.equal(tls.cipherClass, 'safe');
  assert.ok(tls.ja3Server && tls.ja3Client);
  assert.deepEqual(tls.serverNames, ['mail.example.org', 'www.mail.example.org']);
  assert.equal(tls.certificateIssuer, 'C=US, O=Test CA');
});

test('TLS flow: a handshake message split across two records; TLS 1.3 ends after the ServerHello', () => {
  const s = new Session(tlsDissector);
  const hs = handshake(1, clientHelloBody('a.example'));
  const v = s.send(true, bytes(record(22, hs.subarray(0, 50)), record(22, hs.subarray(50))));
  assert.deepEqual(v, { moreDetails: true, host: 'a.example' });
  assert.deepEqual(s.send(false, record(22, handshake(2, serverHelloBody(0x0303, 0x1302, 0x0304)))), {});
  assert.equal(s.state.tls?.version, 0x0304);
});

test('TLS: other protocols are ruled out; hostile records never throw', () => {
  assert.equal(new Session(tlsDissector).send(true, bytes('GET / HTTP/1.1\r\n\r\n')), 'no');
  assert.equal(new Session(tlsDissector).send(true, bytes([23, 3, 3, 0, 5, 1, 2, 3, 4, 5])), 'no', 'application data first');
  assert.equal(new Session(tlsDissector).send(true, bytes([22, 3, 1, 0xff, 0xff])), 'no', 'oversized record');
  const ch = record(22, handshake(1, clientHelloBody('x.example')));
  const flight = bytes(record(22, handshake(2, serverHelloBody())), record(22, handshake(11, certificateBody(certificate('x', 'y', ['z'])))));
  assertNeverThrows(tlsDissector, 'tcp', [ch, flight]);
  // Handshake lengths lying about their size.
  for (const body of [clientHelloBody('q'), serverHelloBody()]) {
    for (let cut = 0; cut < body.length; cut++) {
      assert.doesNotThrow(() => parseClientHello(body.subarray(0, cut)));
      assert.doesNotThrow(() => parseServerHello(body.subarray(0, cut)));
    }
  }
  const cert = certificate('a', 'b', ['c']);
  for (let cut = 0; cut < cert.length; cut++) assert.doesNotThrow(() => parseCertificate(cert.subarray(0, cut)));
});

// ------------------------------------------------------------------ QUIC

test('QUIC initial keys match RFC 9001 Appendix A.1', () => {
  const keys = clientInitialKeys(initialSalt(1)!, hex('8394c8f03e515708'));
  assert.equal(keys.key.toString('hex'), '1f369613dd76d5467730efcbe3b1a22d');
  assert.equal(keys.iv.toString('hex'), 'fa044b2f42a3fd3b46fb255c');
  assert.equal(keys.hp.toString('hex'), '9f50449e04a0e810283a1e9933adedd2');
  // Appendix A.2: the header-protection mask of the client Initial's sample.
  const ecb = createCipheriv('aes-128-ecb', keys.hp, null);
  assert.equal(ecb.update(hex('d1b1c98dd7689fb8ec11d242b123dc9b')).subarray(0, 5).toString('hex'), '437b9aec36');
});

/** Builds a protected client Initial (RFC 9001 section 5) carrying the given frames. */
function buildInitial(version: number, dcid: Uint8Array, frames: Uint8Array, pn = 2): Uint8Array {
  const keys = clientInitialKeys(initialSalt(version)!, dcid);
  const pnLen = 4;
  const payloadLen = Math.max(frames.length, 1200 - dcid.length);
  const plain = new Uint8Array(payloadLen);
  plain.set(frames);
  const length = pnLen + payloadLen + 16;
  const header = bytes([0xc0 | (pnLen - 1)], be32(version), [dcid.length], dcid, [0], [0], [0x40 | (length >> 8), length & 0xff], be32(pn));
  const nonce = Buffer.from(keys.iv);
  for (let i = 0; i < 4; i++) nonce[11 - i] ^= (pn >> (8 * i)) & 0xff;
  const gcm = createCipheriv('aes-128-gcm', keys.key, nonce);
  gcm.setAAD(header);
  const sealed = Buffer.concat([gcm.update(plain), gcm.final(), gcm.getAuthTag()]);
  const packet = Buffer.concat([Buffer.from(header), sealed]);
  const pnOffset = header.length - pnLen;
  const ecb = createCipheriv('aes-128-ecb', keys.hp, null);
  const mask = ecb.update(packet.subarray(pnOffset + 4, pnOffset + 20));
  packet[0] ^= mask[0] & 0x0f;
  for (let i = 0; i < pnLen; i++) packet[pnOffset + i] ^= mask[1 + i];
  return new Uint8Array(packet);
}

const cryptoFrame = (offset: number, data: Uint8Array) => bytes([0x06], [0x40 | (offset >> 8), offset & 0xff], [0x40 | (data.length >> 8), data.length & 0xff], data);

test('QUIC v1 Initial: decrypted, ClientHello SNI becomes the host; draft-29 and mvfst salts too', () => {
  for (const version of [1, 0xff00001d, 0xfaceb002]) {
    const dcid = hex('8394c8f03e515708');
    const ch = handshake(1, clientHelloBody('quic.example.net'));
    const pkt = buildInitial(version, dcid, bytes([0x01], cryptoFrame(0, ch)));
    const dec = decryptInitial(pkt);
    assert.ok(dec, `version ${version.toString(16)}`);
    assert.equal(cryptoFrames(dec.frames).length, 1);
    const s = new Session(quicDissector, 'udp');
    assert.deepEqual(s.send(true, pkt), { host: 'quic.example.net' });
    assert.equal(s.state.tls?.version, 0x0304);
    assert.deepEqual(s.state.tls?.alpn, ['h2', 'http/1.1']);
  }
});

test('QUIC: a ClientHello split over two Initials (CRYPTO offsets, second piece first in packet order)', () => {
  const dcid = hex('0011223344556677');
  const ch = handshake(1, clientHelloBody('split.example'));
  const a = buildInitial(1, dcid, cryptoFrame(0, ch.subarray(0, 40)), 0);
  const b = buildInitial(1, dcid, cryptoFrame(40, ch.subarray(40)), 1);
  const s = new Session(quicDissector, 'udp');
  assert.deepEqual(s.send(true, b), { moreDetails: true });
  assert.equal(s.send(false, bytes([0x40, 1, 2, 3])), 'maybe');
  assert.deepEqual(s.send(true, a), { host: 'split.example' });
});

test('QUIC: tampered, short or unknown-version packets are not QUIC; hostile input never throws', () => {
  const dcid = hex('0102030405060708');
  const pkt = buildInitial(1, dcid, cryptoFrame(0, handshake(1, clientHelloBody('x.example'))));
  const bad = pkt.slice();
  bad[bad.length - 1] ^= 1;
  assert.equal(new Session(quicDissector, 'udp').send(true, bad), 'no');
  assert.equal(new Session(quicDissector, 'udp').send(true, pkt.subarray(0, 600)), 'no');
  const other = pkt.slice();
  other.set([0x0a, 0x0b, 0x0c, 0x0d], 1);
  assert.equal(new Session(quicDissector, 'udp').send(true, other), 'no');
  assert.equal(new Session(quicDissector, 'udp').send(false, pkt), 'no', 'a server packet first');
  assertNeverThrows(quicDissector, 'udp', [pkt]);
});

test('gQUIC Q046: CHLO SNI and UAID tags', () => {
  const sni = 'play.google.com';
  const ua = 'Chrome/74';
  const chlo = bytes('CHLO', [2, 0, 0, 0], 'SNI\0', [sni.length, 0, 0, 0], 'UAID', [sni.length + ua.length, 0, 0, 0], sni, ua);
  assert.deepEqual(gquicChlo(chlo), { sni, userAgent: ua });
  const pkt = new Uint8Array(1350);
  pkt.set(bytes([0xc3], 'Q046', [0x50], new Uint8Array(8), [0, 0, 0, 1], new Uint8Array(12), [0xa0, 0x01, 0, 0, 0x04, 0x04], chlo));
  const s = new Session(quicDissector, 'udp');
  assert.deepEqual(s.send(true, pkt), { host: sni });
  assert.equal(s.state.tls?.sni, sni);
  // A truncated tag table yields no SNI and no throw.
  for (let cut = 0; cut < chlo.length; cut++) assert.doesNotThrow(() => gquicChlo(chlo.subarray(0, cut)));
});

// ------------------------------------------------------------------ SSH

function kexinit(lists: string[]): Uint8Array {
  const body = bytes([20], new Uint8Array(16), ...lists.map((l) => bytes(be32(l.length), l)), [0], be32(0));
  const pad = 4;
  return bytes(be32(body.length + pad + 1), [pad], body, new Uint8Array(pad));
}

test('SSH: first banner is the host as nDPI reports it; HASSH from KEXINIT split over segments', () => {
  const s = new Session(sshDissector, 'tcp', 50000, 22);
  const lists = ['curve25519-sha256', 'ssh-ed25519', 'aes128-ctr', 'aes256-ctr', 'hmac-sha2-256', 'hmac-sha1', 'none', 'zlib', '', ''];
  assert.deepEqual(s.send(false, bytes('SSH-2.0-OpenSSH_8.0\r\n')), { host: 'SSH-2.0-OpenSSH_8.0', moreDetails: true });
  const k = kexinit(lists);
  assert.equal(s.send(true, bytes('SSH-2.0-PuTTY\r\n', k.subarray(0, 30))), 'maybe');
  assert.equal(s.send(true, k.subarray(30)), 'maybe');
  assert.deepEqual(s.send(false, k), {});
  const md5 = (t: string) => createHash('md5').update(t).digest('hex').toUpperCase();
  assert.equal(s.state.ssh?.clientSignature, 'SSH-2.0-OpenSSH_8.0');
  assert.equal(s.state.ssh?.serverSignature, 'SSH-2.0-PuTTY');
  assert.equal(s.state.ssh?.hasshClient, md5('curve25519-sha256;aes128-ctr;hmac-sha2-256;none'));
  assert.equal(s.state.ssh?.hasshServer, md5('curve25519-sha256;aes256-ctr;hmac-sha1;zlib'));
  assert.equal(hasshOfKexinit(k.subarray(0, 10), true), undefined, 'incomplete');
  assert.equal(new Session(sshDissector).send(true, bytes('HELLO\r\n')), 'no');
  assertNeverThrows(sshDissector, 'tcp', [bytes('SSH-2.0-x\r\n', k)], 22);
});

// ------------------------------------------------------------------ SMB, RDP, BitTorrent

test('SMB on 445: SMBv1 and SMBv23 under NetBIOS; off 445 never rules NetBIOS out', () => {
  const v1 = bytes([0, 0, 0, 0x20], [0xff], 'SMB', new Uint8Array(28));
  const v2 = bytes([0, 0, 0, 0x40], [0xfe], 'SMB', new Uint8Array(60));
  assert.equal(smbVersion(v1), 'SMBv1');
  assert.equal(smbVersion(v2), 'SMBv23');
  assert.equal(smbVersion(v2.subarray(0, 6)), undefined);
  assert.deepEqual(new Session(smbDissector, 'tcp', 50000, 445).send(true, v2), { app: 'SMBv23' });
  assert.deepEqual(new Session(smbDissector, 'tcp', 50000, 445).send(true, v1), { app: 'SMBv1' });
  assert.equal(new Session(smbDissector, 'tcp', 50000, 139).send(true, v2), 'maybe');
  const s = new Session(smbDissector, 'tcp', 50000, 445);
  for (let i = 0; i < 3; i++) assert.equal(s.send(true, bytes('junk')), 'maybe');
  assert.equal(s.send(true, bytes('junk')), 'no');
  assertNeverThrows(smbDissector, 'tcp', [v1, v2], 445);
});

test('RDP: X.224 connection request in TPKT', () => {
  const cookie = bytes('Cookie: mstshash=user\r\n', [1, 0, 8, 0, 3, 0, 0, 0]);
  const x224 = bytes([0xe0, 0, 0, 0, 0, 0], cookie);
  const pdu = bytes([3, 0], be16(x224.length + 5), [x224.length], x224);
  assert.deepEqual(new Session(rdpDissector, 'tcp', 50000, 3389).send(true, pdu), {});
  const wrongLen = pdu.slice();
  wrongLen[3] ^= 1;
  const s = new Session(rdpDissector, 'tcp', 50000, 3389);
  assert.equal(s.send(true, wrongLen), 'maybe');
  assert.equal(s.send(true, wrongLen), 'no');
  assertNeverThrows(rdpDissector, 'tcp', [pdu], 3389);
});

test('BitTorrent: TCP handshake (whole or split), DHT over UDP; others ruled out', () => {
  const hs = bytes([19], 'BitTorrent protocol', new Uint8Array(48));
  assert.deepEqual(new Session(bittorrentDissector, 'tcp', 50000, 6881).send(true, hs), {});
  const split = new Session(bittorrentDissector, 'tcp', 50000, 6881);
  assert.equal(split.send(true, hs.subarray(0, 5)), 'maybe');
  assert.deepEqual(split.send(true, hs), {});
  assert.deepEqual(new Session(bittorrentDissector, 'udp', 50000, 6881).send(true, bytes('d1:ad2:id20:', new Uint8Array(20), 'e1:q4:pinge')), {});
  assert.equal(new Session(bittorrentDissector, 'udp', 50000, 6881).send(true, bytes('hello')), 'no');
  const tcp = new Session(bittorrentDissector, 'tcp');
  assert.equal(tcp.send(true, bytes('GET / HTTP/1.1\r\n')), 'maybe');
  assert.equal(tcp.send(false, bytes('HTTP/1.1 200 OK\r\n')), 'no');
  assertNeverThrows(bittorrentDissector, 'tcp', [hs]);
  assertNeverThrows(bittorrentDissector, 'udp', [hs]);
});

test('every secure dissector is registered once, with a protocol name', () => {
  const names = SECURE_DISSECTORS.map((d) => d.protocol);
  assert.deepEqual(names, ['TLS', 'QUIC', 'SSH', 'RDP', 'NetBIOS', 'BitTorrent']);
});
