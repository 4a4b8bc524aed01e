/**
 * TLS over TCP, as nDPI 4.2 labels it: records are reassembled per direction across TCP
 * segments; the flow is TLS once a ClientHello or ServerHello parses (host = SNI). The
 * dissector then keeps reading (Detection.moreDetails) for the ServerHello (version,
 * cipher, JA3S) and, for TLS ≤ 1.2, the server certificate (subject, issuer, names),
 * whose names can give the application when the SNI did not.
 */
import type { Detection, Dissector, DissectorContext, Verdict } from '../../dissector';
import type { L7State, TlsDetails } from '../../l7-state';
import { classifyHost } from '../../apps/host-apps';
import { concat, scratchOf, u16, u24 } from './bytes';
import { certificateRisks, clientHelloRisks, serverHelloRisks } from '../../risks/tls';
import { cipherClass, firstCertificate, parseClientHello, parseServerHello, type ClientHello, type ServerHello } from './tls-messages';

const PROTOCOL = 'TLS';
/** Reassembly stops (and the direction is abandoned) past this many buffered bytes. */
const MAX_BUFFER = 256 * 1024;
const MAX_RECORD = 16384 + 2048;

interface Direction {
  records: Uint8Array;
  handshake: Uint8Array;
  /** A record was seen in this direction. */
  started: boolean;
  /** ChangeCipherSpec seen: later handshake records are encrypted. */
  encrypted: boolean;
  /** Gave up on this direction (garbage or too much buffered). */
  dead: boolean;
  /** Bytes still to skip of a record that is not read (application data), across packets. */
  skip: number;
}

interface TlsScratch {
  dirs: [Direction, Direction];
  client?: ClientHello;
  server?: ServerHello;
  certificateDone: boolean;
  detected: boolean;
}

const newDirection = (): Direction => ({ records: new Uint8Array(0), handshake: new Uint8Array(0), started: false, encrypted: false, dead: false, skip: 0 });

/** Copies ClientHello fields into the flow's TLS details. */
export function recordClientHello(tls: TlsDetails, hello: ClientHello): void {
  if (tls.version === undefined) tls.version = hello.version;
  if (hello.sni !== undefined) tls.sni = hello.sni;
  if (hello.alpn) tls.alpn = hello.alpn;
  if (hello.supportedVersions) tls.supportedVersions = hello.supportedVersions;
  tls.ja3Client = hello.ja3Hash;
}

/** Gives the flow an application from certificate names when none was found yet. */
function appFromNames(state: L7State, names: (string | undefined)[]): void {
  if (state.master !== 'Unknown' || state.app !== PROTOCOL) return;
  for (const name of names) {
    if (!name) continue;
    const hit = classifyHost(name.startsWith('*.') ? name.slice(2) : name);
    if (hit) {
      state.master = PROTOCOL;
      state.app = hit.app;
      state.category = hit.category;
      return;
    }
  }
}

function handleMessage(s: TlsScratch, ctx: DissectorContext, type: number, body: Uint8Array): void {
  const tls = (ctx.state.tls ??= {});
  if (type === 1 && !s.client) {
    const hello = parseClientHello(body);
    if (hello) {
      s.client = hello;
      recordClientHello(tls, hello);
      clientHelloRisks(ctx.state, hello);
    }
  } else if (type === 2 && !s.server) {
    const hello = parseServerHello(body);
    if (hello) {
      s.server = hello;
      tls.version = hello.version;
      tls.cipher = hello.cipher;
      tls.cipherClass = cipherClass(hello.cipher);
      tls.ja3Server = hello.ja3Hash;
      serverHelloRisks(ctx.state, hello.version, tls.cipherClass);
    }
  } else if (type === 11 && !s.certificateDone && (!s.server || s.server.version < 0x0304)) {
    s.certificateDone = true;
    const cert = firstCertificate(body);
    if (cert) {
      if (cert.subject !== undefined) tls.certificateSubject = cert.subject;
      if (cert.issuer !== undefined) tls.certificateIssuer = cert.issuer;
      if (cert.altNames.length) tls.serverNames = cert.altNames;
      tls.certificateNotBefore = cert.notBefore;
      tls.certificateNotAfter = cert.notAfter;
      const selfSigned = cert.subject !== undefined && cert.subject === cert.issuer && !cert.nameAttributesAfterSubject;
      certificateRisks(ctx.state, { sni: s.client?.sni, altNames: cert.altNames, selfSigned, notBefore: cert.notBefore, notAfter: cert.notAfter }, ctx.time);
      if (s.detected) appFromNames(ctx.state, [cert.commonName, ...cert.altNames]);
    }
  }
}

/** Feeds one payload into a direction; returns false when the bytes are not TLS records. */
function feed(s: TlsScratch, d: Direction, ctx: DissectorContext): boolean {
  if (d.dead) return true;
  let payload = ctx.payload;
  if (d.skip > 0) {
    // The rest of a record we do not read: drop it without buffering.
    const dropped = Math.min(d.skip, payload.length);
    d.skip -= dropped;
    payload = payload.subarray(dropped);
    if (payload.length === 0) return true;
  }
  // Parse straight from the packet when nothing is pending; only a cut record is copied.
  d.records = d.records.length ? concat(d.records, payload) : payload;
  if (d.records.length > MAX_BUFFER) {
    d.dead = true;
    d.records = new Uint8Array(0);
    return true;
  }
  let p = 0;
  const b = d.records;
  while (p + 5 <= b.length) {
    const type = b[p];
    const len = u16(b, p + 3);
    if (type < 20 || type > 24 || b[p + 1] !== 3 || b[p + 2] > 4 || len > MAX_RECORD) {
      d.dead = true;
      d.records = new Uint8Array(0);
      return false;
    }
    if (!d.started && type !== 22 && type !== 21) {
      d.dead = true;
      d.records = new Uint8Array(0);
      return false;
    }
    d.started = true;
    if (p + 5 + len > b.length) {
      if (type !== 22 && type !== 21 && type !== 20) {
        // An incomplete record we would not read anyway: skip the rest as it arrives.
        d.skip = p + 5 + len - b.length;
        p = b.length;
      }
      break;
    }
    const content = b.subarray(p + 5, p + 5 + len);
    p += 5 + len;
    if (type === 20) d.encrypted = true;
    else if (type === 22 && !d.encrypted) {
      d.handshake = d.handshake.length ? concat(d.handshake, content) : content.slice();
      let q = 0;
      const h = d.handshake;
      while (q + 4 <= h.length) {
        const mlen = u24(h, q + 1);
        if (q + 4 + mlen > h.length) break;
        handleMessage(s, ctx, h[q], h.subarray(q + 4, q + 4 + mlen));
        q += 4 + mlen;
      }
      d.handshake = q > 0 ? h.slice(q) : h;
      if (d.handshake.length > MAX_BUFFER) {
        d.dead = true;
        d.handshake = new Uint8Array(0);
      }
    }
  }
  // Keep only the unread tail, as a copy (the packet's bytes are not ours to keep).
  d.records = p >= b.length ? EMPTY : b.slice(p);
  return true;
}

const EMPTY = new Uint8Array(0);

function finished(s: TlsScratch): boolean {
  const [c, sv] = s.dirs;
  if (sv.dead || (c.dead && sv.encrypted)) return true;
  if (!s.server) return false;
  return s.server.version >= 0x0304 || s.certificateDone || sv.encrypted;
}

export const tlsDissector: Dissector = {
  protocol: PROTOCOL,
  transports: ['tcp'],
  ports: [443, 993, 995, 465, 636, 853, 989, 990, 992, 994, 5223, 8443],
  inspect(ctx: DissectorContext): Verdict {
    const s = scratchOf<TlsScratch>(ctx.state.scratch, PROTOCOL, () => ({
      dirs: [newDirection(), newDirection()],
      certificateDone: false,
      detected: false,
    }));
    const ok = feed(s, s.dirs[ctx.fromClient ? 0 : 1], ctx);
    if (!s.detected) {
      if (!ok) return 'no';
      if (!s.client && !s.server) return 'maybe';
      s.detected = true;
      const detection: Detection = { moreDetails: !finished(s) };
      if (s.client?.sni) detection.host = s.client.sni;
      return detection;
    }
    if (finished(s)) {
      ctx.state.scratch.delete(PROTOCOL);
      return {};
    }
    return 'maybe';
  },
};
