import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { addressText, senderIp, u16, u8 } from './bytes';
import { TextBuilder } from '../../util/latin1';

/** Builds the name read from a packet (one string per name, not per character). */
const nameBuilder = new TextBuilder();

/**
 * NetBIOS: the name service (UDP 137), the datagram service (UDP 138, "NetBIOS.SMBv1"
 * when the datagram is big enough to carry an SMB mailslot message, as nDPI 4.2
 * decides it) and the session service (TCP 139 session request).
 */

/**
 * Decodes a first-level encoded NetBIOS name (length byte, then pairs of 'A'..'P'): the
 * 15-character name without its suffix byte, trailing spaces removed, up to the first NUL,
 * lower case. Undefined when malformed or truncated.
 */
export function decodeNetbiosName(p: Uint8Array, at: number): string | undefined {
  const encodedLength = u8(p, at);
  const chars = encodedLength >> 1;
  if (encodedLength < 0 || chars < 1 || chars > 63) return undefined;
  if (at + 1 + 2 * chars > p.length) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < chars; i++) {
    const hi = p[at + 1 + 2 * i];
    const lo = p[at + 2 + 2 * i];
    if (hi < 0x41 || hi > 0x50 || lo < 0x41 || lo > 0x50) return undefined;
    bytes.push(((hi - 0x41) << 4) | (lo - 0x41));
  }
  bytes.pop(); // the suffix (service type) byte
  while (bytes.length > 0 && bytes[bytes.length - 1] === 0x20) bytes.pop();
  const name = nameBuilder.reset();
  for (const b of bytes) {
    if (b === 0) break;
    name.push(b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
  }
  return name.text();
}

/** The name nDPI records: at 12 when a 32-byte encoded name starts there, else at 14. */
function hostOf(p: Uint8Array): string | undefined {
  const name = decodeNetbiosName(p, u8(p, 12) === 0x20 ? 12 : 14);
  return name !== undefined && name.length > 0 ? name : undefined;
}

function isNameServicePacket(p: Uint8Array): boolean {
  if (p.length < 50) return false;
  const flags = u16(p, 2);
  const qd = u16(p, 4);
  const an = u16(p, 6);
  const ns = u16(p, 8);
  const ar = u16(p, 10);
  // Fixed shapes of queries, registrations and responses.
  if (flags === 0 && qd === 1 && an === 0 && ns === 0 && ar === 0) return true;
  if (p[2] === 0x80 && qd === 1 && an === 0 && ns === 0 && ar === 1) return true;
  if (flags === 0x4000 && qd === 1 && an === 0 && ns === 0 && ar === 1) return true;
  if ((flags === 0x8400 || flags === 0x8500 || flags === 0xad86) && qd === 0 && an === 1 && ns === 0 && ar === 0) return true;
  if (flags === 0x2910 && qd === 1 && an === 0 && ns === 0 && ar === 1) return true;
  if (flags === 0x0110 && qd === 1 && an === 0 && ns === 0 && ar === 0) return true;
  const nameLength = p[12];
  const end = 12 + 1 + nameLength;
  const typeAndClass = (type: number) => u8(p, end) === 0 && u16(p, end + 1) === type && u16(p, end + 3) === 1;
  if ((flags & 0xf800) === 0) {
    // Name query request, one question, nothing else.
    return qd === 1 && an === 0 && ns === 0 && ar === 0 && p.length === end + 5 && typeAndClass(0x20);
  }
  if ((flags & 0xf800) === 0x8000) {
    if (qd === 0 && an === 1 && ns === 0 && ar === 0) return p.length >= end + 5 && typeAndClass(0x20);
    if (qd === 0 && an === 0 && ns === 0 && ar === 0) return p.length >= end + 5 && typeAndClass(0x0a);
    if (qd === 0 && an === 0 && ns === 1 && ar === 1) return p.length >= end + 5 && typeAndClass(0x02);
  }
  return false;
}

function inspect(ctx: DissectorContext): Verdict {
  const p = ctx.payload;
  if (ctx.transport === 'udp') {
    if (ctx.dstPort === 137 && isNameServicePacket(p)) {
      const host = hostOf(p);
      return host !== undefined ? { host } : {};
    }
    if (ctx.dstPort === 138 && p.length >= 14 && u16(p, 10) === p.length - 14 && p[0] >= 0x10 && p[0] <= 0x16) {
      // The datagram header repeats the sender's IPv4 address.
      if (ctx.flow.ipVersion === 4 && addressText(p, 4, 4) === senderIp(ctx.flow, ctx.fromClient)) {
        const host = hostOf(p);
        const detection = p.length > 100 ? { app: 'SMBv1' } : {};
        return host !== undefined ? { ...detection, host } : detection;
      }
    }
    return 'no';
  }
  // SMB over TCP 445 is the secure family's dissector, which shares the "NetBIOS" name:
  // answering 'no' there would exclude it too.
  if (ctx.srcPort === 445 || ctx.dstPort === 445) return 'maybe';
  // Session request: 0x81, flags 0, length 68 (two encoded names).
  if (ctx.dstPort === 139 && p.length === 72 && p[0] === 0x81 && p[1] === 0 && u16(p, 2) === 68) return {};
  return 'no';
}

export const NETBIOS: Dissector = {
  protocol: 'NetBIOS',
  transports: ['tcp', 'udp'],
  ports: [137, 138, 139],
  inspect,
};
