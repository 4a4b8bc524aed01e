/**
 * QUIC over UDP as nDPI 4.2 labels it. IETF QUIC (v1, drafts 27-32 and Facebook's mvfst
 * draft-27 version): the client's Initial packet is decrypted with keys derived from its
 * destination connection ID (RFC 9001 section 5: HKDF with the version's initial salt,
 * AES-128-GCM, AES-ECB header protection), the CRYPTO frames are reassembled and the TLS
 * ClientHello read (SNI → host, ALPN, JA3). Google QUIC (Q0xx, including Q046) carries a
 * plain-text CHLO message whose SNI tag gives the host.
 */
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { Detection, Dissector, DissectorContext, Verdict } from '../../dissector';
import { concat, latin1, scratchOf, slice, startsWith, u16le, u24, u32, u32le, u8 } from './bytes';
import { parseClientHello, type ClientHello } from './tls-messages';
import { recordClientHello } from './tls';

const PROTOCOL = 'QUIC';
const MAX_CRYPTO = 64 * 1024;

const SALT_V1 = '38762cf7f55934b34d179ae6a4c80cadccbb7f0a';
const SALT_D29 = 'afbfec289993d24c9e9786f19c6111e04390a899';
const SALT_D23 = 'c3eef712c72ebb5a11a7d2432bb46365bef9f502';
const SALT_D22 = '7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a';

/** The initial salt of an IETF QUIC version, or undefined when the version is not handled. */
export function initialSalt(version: number): Buffer | undefined {
  if (version === 1) return Buffer.from(SALT_V1, 'hex');
  if (version >= 0xff00001d && version <= 0xff000020) return Buffer.from(SALT_D29, 'hex');
  if (version >= 0xff000017 && version <= 0xff00001c) return Buffer.from(SALT_D23, 'hex');
  if (version === 0xfaceb002) return Buffer.from(SALT_D23, 'hex'); // mvfst draft-27
  if (version === 0xff000016 || version === 0xfaceb001) return Buffer.from(SALT_D22, 'hex');
  return undefined;
}

function hkdfExtract(salt: Buffer, ikm: Uint8Array): Buffer {
  return createHmac('sha256', salt).update(ikm).digest();
}

function hkdfExpandLabel(secret: Buffer, label: string, length: number): Buffer {
  const full = Buffer.from(`tls13 ${label}`, 'latin1');
  const info = Buffer.concat([Buffer.from([length >> 8, length & 0xff, full.length]), full, Buffer.from([0])]);
  const out: Buffer[] = [];
  let prev = Buffer.alloc(0);
  for (let i = 1, got = 0; got < length; i++) {
    prev = createHmac('sha256', secret).update(Buffer.concat([prev, info, Buffer.from([i])])).digest();
    out.push(prev);
    got += prev.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

export interface InitialKeys {
  key: Buffer;
  iv: Buffer;
  hp: Buffer;
}

/** The client's Initial keys for a destination connection ID (RFC 9001 section 5.2). */
export function clientInitialKeys(salt: Buffer, dcid: Uint8Array): InitialKeys {
  const initial = hkdfExtract(salt, dcid);
  const client = hkdfExpandLabel(initial, 'client in', 32);
  return { key: hkdfExpandLabel(client, 'quic key', 16), iv: hkdfExpandLabel(client, 'quic iv', 12), hp: hkdfExpandLabel(client, 'quic hp', 16) };
}

/** A QUIC variable-length integer: [value, bytes used], or undefined past the end. */
function varint(b: Uint8Array, at: number): [number, number] | undefined {
  const first = u8(b, at);
  if (first < 0) return undefined;
  const n = 1 << (first >> 6);
  if (at + n > b.length) return undefined;
  let v = first & 0x3f;
  for (let i = 1; i < n; i++) v = v * 256 + b[at + i];
  return [v, n];
}

/**
 * Decrypts a client Initial packet (long header) and returns its plaintext frames, or
 * undefined when it is not a well-formed Initial of a handled version or fails to decrypt.
 */
export function decryptInitial(pkt: Uint8Array): { version: number; frames: Uint8Array } | undefined {
  const first = u8(pkt, 0);
  if (first < 0 || (first & 0xc0) !== 0xc0) return undefined;
  const version = u32(pkt, 1);
  const salt = initialSalt(version);
  if (!salt || ((first >> 4) & 3) !== 0) return undefined;
  let p = 5;
  const dcidLen = u8(pkt, p);
  if (dcidLen < 0 || dcidLen > 20) return undefined;
  const dcid = slice(pkt, p + 1, dcidLen);
  p += 1 + dcidLen;
  const scidLen = u8(pkt, p);
  if (!dcid || scidLen < 0 || scidLen > 20) return undefined;
  p += 1 + scidLen;
  const token = varint(pkt, p);
  if (!token) return undefined;
  p += token[1] + token[0];
  const length = varint(pkt, p);
  if (!length) return undefined;
  p += length[1];
  const pnOffset = p;
  const end = pnOffset + length[0];
  if (length[0] < 20 || end > pkt.length || pnOffset + 4 + 16 > pkt.length) return undefined;
  const keys = clientInitialKeys(salt, dcid);
  const ecb = createCipheriv('aes-128-ecb', keys.hp, null);
  ecb.setAutoPadding(false);
  const mask = ecb.update(pkt.subarray(pnOffset + 4, pnOffset + 20));
  const header = Buffer.from(pkt.subarray(0, pnOffset + 4));
  header[0] ^= mask[0] & 0x0f;
  const pnLen = (header[0] & 3) + 1;
  let pn = 0;
  for (let i = 0; i < pnLen; i++) {
    header[pnOffset + i] ^= mask[1 + i];
    pn = pn * 256 + header[pnOffset + i];
  }
  const nonce = Buffer.from(keys.iv);
  for (let i = 0; i < 6; i++) nonce[11 - i] ^= Math.floor(pn / 2 ** (8 * i)) & 0xff;
  const aad = header.subarray(0, pnOffset + pnLen);
  const body = pkt.subarray(pnOffset + pnLen, end);
  if (body.length < 16) return undefined;
  try {
    const gcm = createDecipheriv('aes-128-gcm', keys.key, nonce);
    gcm.setAAD(aad);
    gcm.setAuthTag(body.subarray(body.length - 16));
    const plain = Buffer.concat([gcm.update(body.subarray(0, body.length - 16)), gcm.final()]);
    return { version, frames: new Uint8Array(plain.buffer, plain.byteOffset, plain.length) };
  } catch {
    return undefined;
  }
}

/** CRYPTO frame data of a decrypted Initial, as (offset, bytes) pairs. */
export function cryptoFrames(frames: Uint8Array): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = [];
  let p = 0;
  while (p < frames.length) {
    const type = frames[p];
    if (type === 0x00 || type === 0x01) {
      p++;
    } else if (type === 0x02 || type === 0x03) {
      // ACK: largest, delay, range count, first range, then ranges (+ ECN counts).
      let q = p + 1;
      const fields: number[] = [];
      for (let i = 0; i < 4; i++) {
        const v = varint(frames, q);
        if (!v) return out;
        fields.push(v[0]);
        q += v[1];
      }
      const extra = fields[2] * 2 + (type === 0x03 ? 3 : 0);
      for (let i = 0; i < extra; i++) {
        const v = varint(frames, q);
        if (!v) return out;
        q += v[1];
      }
      p = q;
    } else if (type === 0x06) {
      const off = varint(frames, p + 1);
      if (!off) return out;
      const len = varint(frames, p + 1 + off[1]);
      if (!len) return out;
      const start = p + 1 + off[1] + len[1];
      const data = slice(frames, start, len[0]);
      if (!data) return out;
      out.push([off[0], data]);
      p = start + len[0];
    } else {
      return out; // anything else (CONNECTION_CLOSE...) ends what we read
    }
  }
  return out;
}

/** The SNI and user agent of a Google QUIC CHLO message found in a packet, if any. */
export function gquicChlo(pkt: Uint8Array): { sni?: string; userAgent?: string } | undefined {
  for (let at = 0; at + 8 <= pkt.length; at++) {
    if (!startsWith(pkt, 'CHLO', at)) continue;
    const tags = u16le(pkt, at + 4);
    const table = at + 8;
    const values = table + tags * 8;
    if (tags <= 0 || tags > 128 || values > pkt.length) continue;
    const found: { sni?: string; userAgent?: string } = {};
    let prevEnd = 0;
    for (let i = 0; i < tags; i++) {
      const tag = latin1(pkt.subarray(table + i * 8, table + i * 8 + 4));
      const endOff = u32le(pkt, table + i * 8 + 4);
      if (endOff < prevEnd || values + endOff > pkt.length) break;
      const value = pkt.subarray(values + prevEnd, values + endOff);
      if (tag === 'SNI\0') found.sni = latin1(value).toLowerCase();
      else if (tag === 'UAID') found.userAgent = latin1(value);
      prevEnd = endOff;
    }
    return found;
  }
  return undefined;
}

/** True for a Google QUIC client packet header of a Q0xx version (public-flags or Q046 long header). */
function gquicVersion(pkt: Uint8Array): boolean {
  const first = u8(pkt, 0);
  if (first < 0) return false;
  const isQ = (at: number) => u8(pkt, at) === 0x51 && u8(pkt, at + 1) === 0x30 && u8(pkt, at + 2) >= 0x30 && u8(pkt, at + 2) <= 0x39;
  if ((first & 0x80) !== 0) return isQ(1);
  // Legacy public header: version flag, 8-byte connection ID, then the version.
  return (first & 0x01) !== 0 && (first & 0x08) !== 0 && isQ(9);
}

interface QuicScratch {
  crypto: Uint8Array;
  /** Crypto data received beyond what is contiguous from offset 0. */
  pending: [number, Uint8Array][];
  hello?: ClientHello;
  clientPackets: number;
  detected: boolean;
}

function readClientHello(s: QuicScratch): ClientHello | undefined {
  const c = s.crypto;
  if (c.length < 4 || c[0] !== 1) return undefined;
  const len = u24(c, 1);
  if (4 + len > c.length) return undefined;
  return parseClientHello(c.subarray(4, 4 + len));
}

function addCrypto(s: QuicScratch, pieces: [number, Uint8Array][]): void {
  s.pending.push(...pieces.map(([o, d]): [number, Uint8Array] => [o, d.slice()]));
  let progress = true;
  while (progress) {
    progress = false;
    for (let i = 0; i < s.pending.length; i++) {
      const [off, data] = s.pending[i];
      const have = s.crypto.length;
      if (off <= have) {
        s.pending.splice(i, 1);
        if (off + data.length > have && have < MAX_CRYPTO) s.crypto = concat(s.crypto, data.subarray(have - off));
        progress = true;
        break;
      }
    }
  }
  if (s.pending.length > 64) s.pending.length = 0;
}

export const quicDissector: Dissector = {
  protocol: PROTOCOL,
  transports: ['udp'],
  ports: [443, 80],
  inspect(ctx: DissectorContext): Verdict {
    const s = scratchOf<QuicScratch>(ctx.state.scratch, PROTOCOL, () => ({ crypto: new Uint8Array(0), pending: [], clientPackets: 0, detected: false }));
    const pkt = ctx.payload;
    if (!ctx.fromClient) return s.detected ? (s.hello ? {} : 'maybe') : s.clientPackets === 0 ? 'no' : 'maybe';
    s.clientPackets++;
    if (s.hello) return {};
    if (gquicVersion(pkt)) {
      if (!s.detected && pkt.length < 1024) return 'no';
      const chlo = gquicChlo(pkt);
      const wasDetected = s.detected;
      s.detected = true;
      if (chlo?.sni) {
        ctx.state.tls ??= {};
        ctx.state.tls.sni = chlo.sni;
        return { host: chlo.sni };
      }
      if (s.clientPackets >= 4) return {};
      return wasDetected ? 'maybe' : { moreDetails: true };
    }
    const init = decryptInitial(pkt);
    if (!init) {
      if (s.detected) return s.clientPackets >= 4 ? {} : 'maybe';
      return 'no';
    }
    if (!s.detected && pkt.length < 1200) return 'no';
    addCrypto(s, cryptoFrames(init.frames));
    const hello = readClientHello(s);
    const wasDetected = s.detected;
    s.detected = true;
    if (hello) {
      s.hello = hello;
      const tls = (ctx.state.tls ??= {});
      recordClientHello(tls, hello);
      tls.version = 0x0304;
      const d: Detection = {};
      if (hello.sni) d.host = hello.sni;
      return d;
    }
    if (wasDetected) return s.clientPackets >= 4 ? {} : 'maybe';
    return { moreDetails: true };
  },
};
