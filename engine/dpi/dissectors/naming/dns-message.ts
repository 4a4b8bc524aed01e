import type { Detection, DissectorContext, Verdict } from '../../dissector';
import { addressText, u16 } from './bytes';
import { TextBuilder } from '../../util/latin1';
import { dnsMessageRisks, dnsNameRisks, dnsQuestionRisks } from '../../risks/dns';

/**
 * One DNS message parser shared by DNS, MDNS and LLMNR (nDPI 4.2 handles the three in
 * one dissector and picks the name from the ports). Every read is bounds-checked.
 */

export const DNS_PORT = 53;
export const MDNS_PORT = 5353;
export const LLMNR_PORT = 5355;

/** nDPI caps a query's section counts at this many. */
const MAX_RECORDS = 16;
/** nDPI stores the host name in an 80-byte buffer: 79 characters at most. */
export const MAX_HOST_CHARS = 79;

export interface DnsHeader {
  id: number;
  flags: number;
  questions: number;
  answers: number;
  authorities: number;
  additionals: number;
}

export function readHeader(p: Uint8Array, at: number): DnsHeader | undefined {
  if (at < 0 || at + 12 > p.length) return undefined;
  return {
    id: u16(p, at),
    flags: u16(p, at + 2),
    questions: u16(p, at + 4),
    answers: u16(p, at + 6),
    authorities: u16(p, at + 8),
    additionals: u16(p, at + 10),
  };
}

/** Letters, digits, '-' and '_' are kept (lower-cased); anything else marks the name invalid. */
function isNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;
}

export interface GrabbedName {
  /** '' when the name is absent, compressed, or runs past the payload. */
  name: string;
  /** False when some character was replaced ('_' printable, '?' not printable). */
  valid: boolean;
  /** Some byte was not printable (replaced by '?'). */
  nonPrintable: boolean;
}

/**
 * Reads an uncompressed name at `at` the way nDPI stores the query name: labels joined by
 * dots, lower case, invalid bytes replaced, at most `maxChars` characters. A compression
 * pointer, an extended label type, or a label that ends at or past the last byte gives ''.
 */
export function grabName(p: Uint8Array, at: number, maxChars = MAX_HOST_CHARS): GrabbedName {
  const out = nameBuilder.reset();
  let valid = true;
  let nonPrintable = false;
  let off = at;
  while (out.length < maxChars && off >= 0 && off < p.length && p[off] !== 0) {
    const labelLength = p[off];
    if ((labelLength & 0xc0) !== 0 || off + 1 + labelLength >= p.length) return { name: '', valid, nonPrintable };
    off++;
    if (out.length > 0 && out.length < maxChars) out.push(0x2e); // '.'
    for (let n = labelLength; n > 0 && out.length < maxChars; n--) {
      const c = p[off++];
      if (isNameChar(c)) out.push(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
      else {
        valid = false;
        const printable = c >= 0x20 && c <= 0x7e;
        if (!printable) nonPrintable = true;
        out.push(printable ? 0x5f : 0x3f); // '_' or '?'
      }
    }
  }
  return { name: out.text(), valid, nonPrintable };
}

const nameBuilder = new TextBuilder();

/** Bytes taken by a (possibly compressed) name at `at`; 0 when malformed or truncated. */
export function nameLength(p: Uint8Array, at: number): number {
  let i = at;
  for (;;) {
    if (i < 0 || i >= p.length) return 0;
    const b = p[i];
    if (b === 0) return i + 1 - at;
    if ((b & 0xc0) === 0xc0) return i + 2 <= p.length ? i + 2 - at : 0;
    if ((b & 0xc0) !== 0) return 0;
    i += b + 1;
  }
}

export interface ResponseDetails {
  returnCode: number;
  queryType?: number;
  answers: string[];
}

/** Reads the response code, the first question's type and the A/AAAA answers. */
export function readResponse(p: Uint8Array, at: number, h: DnsHeader): ResponseDetails {
  const details: ResponseDetails = { returnCode: h.flags & 0x0f, answers: [] };
  let x = at + 12;
  for (let q = 0; q < h.questions && q < MAX_RECORDS; q++) {
    const n = nameLength(p, x);
    if (n === 0 || x + n + 4 > p.length) return details;
    if (q === 0) details.queryType = u16(p, x + n);
    x += n + 4;
  }
  for (let a = 0; a < h.answers && a < 256; a++) {
    const n = nameLength(p, x);
    if (n === 0 || x + n + 10 > p.length) break;
    x += n;
    const type = u16(p, x);
    const dataLength = u16(p, x + 8);
    x += 10;
    if (x + dataLength > p.length) break;
    if (details.answers.length < MAX_RECORDS) {
      if (type === 1 && dataLength === 4) details.answers.push(addressText(p, x, 4) ?? '');
      else if (type === 28 && dataLength === 16) details.answers.push(addressText(p, x, 16) ?? '');
    }
    x += dataLength;
  }
  return details;
}

export interface DnsAnalysis {
  /** 'no': not a DNS-family message; 'short': too short to tell; else which protocol. */
  kind: 'no' | 'short' | 'query' | 'response';
  protocol?: 'DNS' | 'MDNS' | 'LLMNR';
  header?: DnsHeader;
  offset: number;
  host?: GrabbedName;
}

function byPort(port: number): 'DNS' | 'MDNS' | 'LLMNR' | undefined {
  return port === DNS_PORT ? 'DNS' : port === LLMNR_PORT ? 'LLMNR' : port === MDNS_PORT ? 'MDNS' : undefined;
}

/**
 * The three dissectors see the same packet one after the other: analyse it once. The
 * detector makes one context per packet, so the last one is the only one worth keeping
 * (a WeakMap keyed by context cost more than the analysis).
 */
let lastContext: DissectorContext | undefined;
let lastAnalysis: DnsAnalysis | undefined;

export function analyseDns(ctx: DissectorContext): DnsAnalysis {
  if (ctx === lastContext) return lastAnalysis!;
  lastAnalysis = analyse(ctx);
  lastContext = ctx;
  return lastAnalysis;
}

function analyse(ctx: DissectorContext): DnsAnalysis {
  const { payload: p, srcPort: sport, dstPort: dport } = ctx;
  const offset = ctx.transport === 'tcp' ? 2 : 0;
  const onPort = sport === DNS_PORT || dport === DNS_PORT || sport === MDNS_PORT || dport === MDNS_PORT || dport === LLMNR_PORT;
  if (!onPort) return { kind: 'no', offset };
  const h = readHeader(p, offset);
  if (!h || p.length <= offset + 12) return { kind: 'short', offset };
  const isQuery = (h.flags & 0x8000) === 0;
  if (isQuery) {
    const dynamicUpdate = (h.flags & 0x2800) === 0x2800;
    const standard = (h.flags & 0xfcf0) === 0;
    const inverse = (h.flags & 0xfcff) === 0x0800;
    const counts = h.questions <= MAX_RECORDS && (h.questions > 0 || inverse);
    if (!counts || !(dynamicUpdate || standard || inverse || (h.answers === 0 && h.authorities === 0))) {
      return { kind: 'no', offset };
    }
  }
  const host = grabName(p, offset + 12);
  const protocol =
    host.name.length > 0
      ? (byPort(sport) ?? byPort(dport) ?? 'DNS')
      : dport === LLMNR_PORT
        ? 'LLMNR'
        : dport === MDNS_PORT
          ? 'MDNS'
          : 'DNS';
  return { kind: isQuery ? 'query' : 'response', protocol, header: h, offset, host };
}

/** Packets a DNS-family dissector waits for a parsable message before giving up (nDPI: 3). */
const MAX_TRIES = 3;
/** Packets read after detection looking for the response (nDPI: 5). */
const MAX_EXTRA = 5;

interface DnsScratch {
  tries: number;
  extra: number;
}

const SCRATCH_KEYS = { DNS: 'dns-family:DNS', MDNS: 'dns-family:MDNS', LLMNR: 'dns-family:LLMNR' } as const;

/** The inspect function of the DNS, MDNS or LLMNR dissector. */
export function inspectDnsFamily(name: 'DNS' | 'MDNS' | 'LLMNR', ctx: DissectorContext): Verdict {
  const { state } = ctx;
  const detected = state.detailsFrom !== undefined && state.detailsFrom.protocol === name;
  const key = SCRATCH_KEYS[name];
  let scratch = state.scratch.get(key) as DnsScratch | undefined;
  if (!scratch) {
    scratch = { tries: 0, extra: 0 };
    state.scratch.set(key, scratch);
  }
  const a = analyseDns(ctx);
  if (detected) {
    scratch.extra++;
    if (a.header) messageRisks(name, ctx, a);
    if (a.kind === 'response' && a.header) {
      recordResponse(ctx, a);
      return {};
    }
    return scratch.extra >= MAX_EXTRA ? 'no' : 'maybe';
  }
  if (a.kind === 'no') return 'no';
  if (a.kind === 'short') {
    scratch.tries++;
    return scratch.tries > MAX_TRIES ? 'no' : 'maybe';
  }
  if (a.protocol !== name || !a.header) return 'no';
  const detection: Detection = {};
  if (a.host && a.host.name.length > 0) detection.host = a.host.name;
  messageRisks(name, ctx, a);
  if (a.host) dnsNameRisks(state, a.host.nonPrintable);
  if (a.kind === 'query') {
    const dns = (state.dns ??= {});
    if (a.host && a.host.name.length > 0) {
      dns.query = a.host.name;
      dns.invalidCharsInQuery = !a.host.valid;
    }
    const typeAt = a.offset + 12 + nameLength(ctx.payload, a.offset + 12);
    const type = a.header.questions > 0 ? u16(ctx.payload, typeAt) : -1;
    if (type >= 0) dns.queryType = type;
    detection.moreDetails = true;
  } else {
    recordResponse(ctx, a);
  }
  return detection;
}

/** Risks of one message of a flow this dissector labelled (or is labelling) `name`. */
function messageRisks(name: 'DNS' | 'MDNS' | 'LLMNR', ctx: DissectorContext, a: DnsAnalysis): void {
  if (!a.header) return;
  dnsQuestionRisks(ctx.state, ctx.payload, a.offset + 12, Math.min(a.header.questions, MAX_RECORDS));
  if (name === 'DNS') dnsMessageRisks(ctx.state, ctx.transport, ctx.payload.length, ctx.ipFragmented);
}

function recordResponse(ctx: DissectorContext, a: DnsAnalysis): void {
  if (!a.header) return;
  const dns = (ctx.state.dns ??= {});
  const r = readResponse(ctx.payload, a.offset, a.header);
  dns.returnCode = r.returnCode;
  dns.answers = r.answers;
  if (dns.query === undefined && a.host && a.host.name.length > 0) {
    dns.query = a.host.name;
    dns.invalidCharsInQuery = !a.host.valid;
  }
  if (dns.queryType === undefined && r.queryType !== undefined) dns.queryType = r.queryType;
}
