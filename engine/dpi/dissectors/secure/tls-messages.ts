/**
 * TLS handshake message parsing shared by the TLS and QUIC dissectors: ClientHello
 * (SNI, ALPN, supported versions, JA3), ServerHello (version, cipher, JA3S) and the first
 * certificate of a Certificate message (subject, issuer, DNS names). All parsing is
 * bounds-checked; malformed input yields undefined or partial results, never a throw.
 */
import { memoize } from '../../util/memo';
import { createHash } from 'node:crypto';
import { latin1, slice, u16, u24, u8 } from './bytes';

export interface ClientHello {
  version: number;
  sni?: string;
  alpn?: string[];
  supportedVersions?: number[];
  /** Extension types in order, GREASE left out (as in JA3). */
  extensions: number[];
  /** The last extension claimed more bytes than the message holds. */
  extensionOverrun: boolean;
  ja3: string;
  ja3Hash: string;
}

export interface ServerHello {
  /** The negotiated version (supported_versions when present, else the legacy field). */
  version: number;
  cipher: number;
  ja3: string;
  ja3Hash: string;
}

export interface CertificateInfo {
  subject?: string;
  issuer?: string;
  /** DNS names from the subjectAltName extension, in order. */
  altNames: string[];
  /** Common name from the subject, when present. */
  commonName?: string;
  /**
   * A name attribute (CN, O, ...) appears in the extensions after the subject. nDPI 4.2
   * reads the subject by scanning the bytes up to the end of the certificate, so it adds
   * those to the subject it compares with the issuer (its self-signed test).
   */
  nameAttributesAfterSubject: boolean;
  /** Validity period, epoch seconds (UTC), when both times parse. */
  notBefore?: number;
  notAfter?: number;
}

/** GREASE values (RFC 8701): 0x0a0a, 0x1a1a, ... 0xfafa. */
export function isGrease(v: number): boolean {
  return (v & 0x0f0f) === 0x0a0a && (v >> 8) === (v & 0xff);
}

// Clients and servers repeat the same fingerprints across flows: hash each string once.
const md5 = memoize((s: string) => createHash('md5').update(s).digest('hex'));

/** A host name as nDPI keeps it: lowercase, cut at the first byte that is not printable. */
function hostText(b: Uint8Array): string {
  let end = 0;
  while (end < b.length && b[end]! >= 0x20 && b[end]! <= 0x7e) end++;
  return latin1(b, 0, end).toLowerCase();
}

/**
 * Parses a ClientHello body (after the 4-byte handshake header). Returns undefined when
 * the fixed part does not fit; extensions are read while they fit.
 */
export function parseClientHello(body: Uint8Array): ClientHello | undefined {
  const version = u16(body, 0);
  if (version < 0) return undefined;
  let p = 2 + 32;
  const sidLen = u8(body, p);
  if (sidLen < 0) return undefined;
  p += 1 + sidLen;
  const cipherLen = u16(body, p);
  if (cipherLen < 0 || p + 2 + cipherLen > body.length) return undefined;
  const ciphers: number[] = [];
  for (let i = 0; i + 1 < cipherLen; i += 2) {
    const c = u16(body, p + 2 + i);
    if (!isGrease(c)) ciphers.push(c);
  }
  p += 2 + cipherLen;
  const compLen = u8(body, p);
  if (compLen < 0 || p + 1 + compLen > body.length) return undefined;
  p += 1 + compLen;
  const exts: number[] = [];
  const hello: ClientHello = { version, extensions: exts, extensionOverrun: false, ja3: '', ja3Hash: '' };
  const groups: number[] = [];
  const points: number[] = [];
  forEachExtension(body, p, (type, data) => {
    if (!isGrease(type)) exts.push(type);
    if (data) readClientExtension(type, data, hello, groups, points);
    else hello.extensionOverrun = true;
  });
  hello.ja3 = `${version},${ciphers.join('-')},${exts.join('-')},${groups.join('-')},${points.join('-')}`;
  hello.ja3Hash = md5(hello.ja3);
  return hello;
}

function readClientExtension(type: number, data: Uint8Array, hello: ClientHello, groups: number[], points: number[]): void {
  switch (type) {
    case 0x0000: {
      // server_name: list of (type, name); the first host_name wins.
      const listLen = u16(data, 0);
      let q = 2;
      const end = Math.min(data.length, 2 + Math.max(0, listLen));
      while (q + 3 <= end) {
        const nameType = u8(data, q);
        const nameLen = u16(data, q + 1);
        const name = slice(data, q + 3, nameLen);
        if (!name) break;
        if (nameType === 0 && hello.sni === undefined) hello.sni = hostText(name);
        q += 3 + nameLen;
      }
      break;
    }
    case 0x000a: {
      const len = u16(data, 0);
      for (let i = 0; i + 1 < len && 2 + i + 1 < data.length; i += 2) {
        const g = u16(data, 2 + i);
        if (!isGrease(g)) groups.push(g);
      }
      break;
    }
    case 0x000b: {
      const len = u8(data, 0);
      for (let i = 0; i < len && 1 + i < data.length; i++) points.push(data[1 + i]);
      break;
    }
    case 0x0010: {
      const len = u16(data, 0);
      const list: string[] = [];
      let q = 2;
      const end = Math.min(data.length, 2 + Math.max(0, len));
      while (q < end) {
        const l = u8(data, q);
        const name = slice(data, q + 1, l);
        if (!name || l === 0) break;
        list.push(latin1(name));
        q += 1 + l;
      }
      if (list.length) hello.alpn = list;
      break;
    }
    case 0x002b: {
      const len = u8(data, 0);
      const list: number[] = [];
      for (let i = 0; i + 1 < len && 1 + i + 1 < data.length; i += 2) {
        const v = u16(data, 1 + i);
        if (!isGrease(v)) list.push(v);
      }
      if (list.length) hello.supportedVersions = list;
      break;
    }
  }
}

/** Parses a ServerHello body (after the 4-byte handshake header). */
export function parseServerHello(body: Uint8Array): ServerHello | undefined {
  const legacy = u16(body, 0);
  if (legacy < 0) return undefined;
  let p = 2 + 32;
  const sidLen = u8(body, p);
  if (sidLen < 0) return undefined;
  p += 1 + sidLen;
  const cipher = u16(body, p);
  if (cipher < 0 || u8(body, p + 2) < 0) return undefined;
  p += 3;
  let version = legacy;
  const exts: number[] = [];
  forEachExtension(body, p, (type, data) => {
    exts.push(type);
    if (data && type === 0x002b && data.length >= 2) version = u16(data, 0);
  });
  const ja3 = `${legacy},${cipher},${exts.join('-')}`;
  return { version, cipher, ja3, ja3Hash: md5(ja3) };
}

// ---------------------------------------------------------------- certificates (DER)

interface Tlv {
  tag: number;
  start: number; // content start
  end: number; // content end
}

function readTlv(b: Uint8Array, at: number, limit: number): Tlv | undefined {
  const tag = u8(b, at);
  let lenByte = u8(b, at + 1);
  if (tag < 0 || lenByte < 0) return undefined;
  let p = at + 2;
  let len = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n === 0 || n > 3) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) {
      lenByte = u8(b, p++);
      if (lenByte < 0) return undefined;
      len = len * 256 + lenByte;
    }
  }
  if (p + len > limit || p + len > b.length) return undefined;
  return { tag, start: p, end: p + len };
}

function children(b: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let p = parent.start;
  while (p < parent.end && out.length < 256) {
    const t = readTlv(b, p, parent.end);
    if (!t) break;
    out.push(t);
    p = t.end;
  }
  return out;
}

const RDN_KEYS: Record<number, string> = { 3: 'CN', 6: 'C', 7: 'L', 8: 'ST', 10: 'O', 11: 'OU' };

function formatName(b: Uint8Array, name: Tlv): { text: string; cn?: string } {
  const parts: string[] = [];
  let cn: string | undefined;
  for (const set of children(b, name)) {
    for (const atv of children(b, set)) {
      const [oid, value] = children(b, atv);
      if (!oid || !value || oid.tag !== 0x06) continue;
      if (oid.end - oid.start !== 3 || b[oid.start] !== 0x55 || b[oid.start + 1] !== 0x04) continue;
      const key = RDN_KEYS[b[oid.start + 2]];
      if (!key) continue;
      const text = latin1(b, value.start, value.end);
      parts.push(`${key}=${text}`);
      if (key === 'CN' && cn === undefined) cn = text;
    }
  }
  return { text: parts.join(', '), cn };
}

/** Reads subject, issuer and subjectAltName DNS names of one DER certificate. */
export function parseCertificate(der: Uint8Array): CertificateInfo | undefined {
  const cert = readTlv(der, 0, der.length);
  if (!cert || cert.tag !== 0x30) return undefined;
  const tbs = children(der, cert)[0];
  if (!tbs || tbs.tag !== 0x30) return undefined;
  const fields = children(der, tbs);
  let i = 0;
  if (fields[0]?.tag === 0xa0) i++; // version
  const issuer = fields[i + 2];
  const subject = fields[i + 4];
  const info: CertificateInfo = { altNames: [], nameAttributesAfterSubject: false };
  if (issuer?.tag === 0x30) info.issuer = formatName(der, issuer).text;
  const validity = fields[i + 3];
  if (validity?.tag === 0x30) {
    const [from, to] = children(der, validity);
    const notBefore = from ? derTime(der, from) : undefined;
    const notAfter = to ? derTime(der, to) : undefined;
    if (notBefore !== undefined && notAfter !== undefined) {
      info.notBefore = notBefore;
      info.notAfter = notAfter;
    }
  }
  if (subject?.tag === 0x30) {
    const s = formatName(der, subject);
    info.subject = s.text;
    info.commonName = s.cn;
  }
  const extsWrap = fields.find((f, k) => k > i + 4 && f.tag === 0xa3);
  if (extsWrap) info.nameAttributesAfterSubject = hasNameAttribute(der, extsWrap.start, extsWrap.end);
  const exts = extsWrap ? children(der, extsWrap)[0] : undefined;
  if (exts?.tag === 0x30) {
    for (const ext of children(der, exts)) {
      const parts = children(der, ext);
      const oid = parts[0];
      if (!oid || oid.tag !== 0x06 || oid.end - oid.start !== 3) continue;
      if (der[oid.start] !== 0x55 || der[oid.start + 1] !== 0x1d || der[oid.start + 2] !== 0x11) continue;
      const octets = parts[parts.length - 1];
      if (!octets || octets.tag !== 0x04) continue;
      const names = readTlv(der, octets.start, octets.end);
      if (!names || names.tag !== 0x30) continue;
      for (const gn of children(der, names)) {
        if (gn.tag === 0x82) info.altNames.push(latin1(der, gn.start, gn.end));
      }
    }
  }
  return info;
}

/** A UTCTime (YYMMDDHHMMSSZ, years 50..99 are 19xx) or GeneralizedTime (YYYYMMDDHHMMSSZ) as epoch seconds. */
function derTime(der: Uint8Array, t: Tlv): number | undefined {
  const text = latin1(der, t.start, t.end);
  let m: RegExpExecArray | null;
  let year: number;
  if (t.tag === 0x17 && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text))) {
    year = Number(m[1]) + (Number(m[1]) < 50 ? 2000 : 1900);
  } else if (t.tag === 0x18 && (m = /^\d\d(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text))) {
    year = Number(text.slice(0, 4));
  } else {
    return undefined;
  }
  const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

/** Whether der[start, end) holds the DER of a name attribute OID (06 03 55 04 xx) that formatName prints. */
function hasNameAttribute(der: Uint8Array, start: number, end: number): boolean {
  for (let p = start; p + 4 < end; p++) {
    if (der[p] === 0x06 && der[p + 1] === 0x03 && der[p + 2] === 0x55 && der[p + 3] === 0x04 && RDN_KEYS[der[p + 4]!] !== undefined) return true;
  }
  return false;
}

/** The first certificate of a Certificate handshake body (TLS ≤ 1.2 layout). */
export function firstCertificate(body: Uint8Array): CertificateInfo | undefined {
  const total = u24(body, 0);
  if (total < 0) return undefined;
  const len = u24(body, 3);
  const der = slice(body, 6, len);
  return der ? parseCertificate(der) : undefined;
}

/** nDPI's cipher classes: a few RC4 suites are insecure, plain-RSA and 3DES/SEED/IDEA suites weak. */
export function cipherClass(cipher: number): 'safe' | 'weak' | 'insecure' {
  switch (cipher) {
    case 0xc011: // ECDHE_RSA_WITH_RC4_128_SHA
    case 0x0005: // RSA_WITH_RC4_128_SHA
    case 0x0004: // RSA_WITH_RC4_128_MD5
      return 'insecure';
    case 0x009d: // RSA_WITH_AES_256_GCM_SHA384
    case 0x009c: // RSA_WITH_AES_128_GCM_SHA256
    case 0x003d: // RSA_WITH_AES_256_CBC_SHA256
    case 0x0035: // RSA_WITH_AES_256_CBC_SHA
    case 0x0084: // RSA_WITH_CAMELLIA_256_CBC_SHA
    case 0x003c: // RSA_WITH_AES_128_CBC_SHA256
    case 0x002f: // RSA_WITH_AES_128_CBC_SHA
    case 0x0041: // RSA_WITH_CAMELLIA_128_CBC_SHA
    case 0xc012: // ECDHE_RSA_WITH_3DES_EDE_CBC_SHA
    case 0x000a: // RSA_WITH_3DES_EDE_CBC_SHA
    case 0x0096: // RSA_WITH_SEED_CBC_SHA
    case 0x0007: // RSA_WITH_IDEA_CBC_SHA
      return 'weak';
    default:
      return 'safe';
  }
}

/**
 * Walks a hello's extension block starting at `p` (its 2-byte total length): calls
 * `visit` with each extension's type and body, the body undefined for the last one when
 * it runs past the message (the walk stops there).
 */
function forEachExtension(body: Uint8Array, p: number, visit: (type: number, data: Uint8Array | undefined) => void): void {
  const total = u16(body, p);
  if (total < 0) return;
  p += 2;
  const end = Math.min(body.length, p + total);
  while (p + 4 <= end) {
    const type = u16(body, p);
    const len = u16(body, p + 2);
    const data = slice(body, p + 4, len);
    p += 4 + len;
    visit(type, data);
    if (!data) return;
  }
}
