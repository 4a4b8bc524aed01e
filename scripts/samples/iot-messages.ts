/**
 * Messages of binary protocols for sample and test captures, built from their
 * specifications: MQTT 3.1.1 (OASIS), SNMPv1/v2c (RFC 1157, RFC 3416; BER) and STUN
 * (RFC 5389). Byte arrays, ready for TcpSession or udpFrame.
 */
import { ascii } from './frames';

function u16(v: number): number[] {
  return [(v >> 8) & 0xff, v & 0xff];
}

// ------------------------------------------------------------------ MQTT 3.1.1

/** MQTT's variable-length "remaining length" (7 bits per byte, high bit = more). */
function mqttLength(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

function mqttPacket(type: number, flags: number, body: number[]): number[] {
  return [(type << 4) | flags, ...mqttLength(body.length), ...body];
}

function mqttString(s: string): number[] {
  return [...u16(s.length), ...ascii(s)];
}

export function mqttConnect(clientId: string, keepAlive = 60): number[] {
  // protocol name, level 4 (3.1.1), flags: clean session
  return mqttPacket(1, 0, [...mqttString('MQTT'), 4, 0x02, ...u16(keepAlive), ...mqttString(clientId)]);
}

export function mqttConnack(returnCode = 0): number[] {
  return mqttPacket(2, 0, [0, returnCode]);
}

export function mqttPublish(topic: string, message: string): number[] {
  return mqttPacket(3, 0, [...mqttString(topic), ...ascii(message)]);
}

export function mqttSubscribe(packetId: number, topic: string): number[] {
  return mqttPacket(8, 2, [...u16(packetId), ...mqttString(topic), 0]);
}

export function mqttSuback(packetId: number): number[] {
  return mqttPacket(9, 0, [...u16(packetId), 0]);
}

export function mqttPingreq(): number[] {
  return mqttPacket(12, 0, []);
}

export function mqttDisconnect(): number[] {
  return mqttPacket(14, 0, []);
}

// ------------------------------------------------------------------ SNMP (BER)

function ber(tag: number, content: number[]): number[] {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, ...u16(n)];
  return [tag, ...length, ...content];
}

function berInteger(v: number): number[] {
  const bytes: number[] = [];
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return ber(0x02, bytes);
}

function berOid(oid: string): number[] {
  const [a, b, ...rest] = oid.split('.').map(Number);
  const out = [a! * 40 + b!];
  for (const arc of rest) {
    const groups: number[] = [];
    let v = arc;
    do {
      groups.unshift(v & 0x7f);
      v >>>= 7;
    } while (v > 0);
    out.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
  }
  return ber(0x06, out);
}

/** SNMP PDU types (context-specific constructed tags). */
export const SNMP_GET = 0xa0;
export const SNMP_RESPONSE = 0xa2;
export const SNMP_TRAP_V2 = 0xa7;

/**
 * One SNMP message: version 0 = v1, 1 = v2c; one variable binding, its value a string
 * (responses, traps) or NULL (requests).
 */
export function snmpMessage(version: number, community: string, pdu: number, requestId: number, oid: string, value?: string): number[] {
  const bound = value === undefined ? [0x05, 0x00] : ber(0x04, ascii(value));
  const varbinds = ber(0x30, ber(0x30, [...berOid(oid), ...bound]));
  const body = [...berInteger(requestId), ...berInteger(0), ...berInteger(0), ...varbinds];
  return ber(0x30, [...berInteger(version), ...ber(0x04, ascii(community)), ...ber(pdu, body)]);
}

// ------------------------------------------------------------------ STUN (RFC 5389)

const MAGIC_COOKIE = 0x2112a442;

function stunMessage(type: number, transactionId: number[], attributes: number[]): number[] {
  return [...u16(type), ...u16(attributes.length), ...u16(MAGIC_COOKIE >>> 16), ...u16(MAGIC_COOKIE & 0xffff), ...transactionId, ...attributes];
}

/** A 12-byte transaction id derived from `seed`. */
export function stunTransactionId(seed: number): number[] {
  return Array.from({ length: 12 }, (_, i) => (seed * 31 + i * 17) & 0xff);
}

export function stunBindingRequest(transactionId: number[], software?: string): number[] {
  const attributes: number[] = [];
  if (software !== undefined) {
    const text = ascii(software);
    const padded = [...text, ...new Array((4 - (text.length % 4)) % 4).fill(0)];
    attributes.push(...u16(0x8022), ...u16(text.length), ...padded); // SOFTWARE
  }
  return stunMessage(0x0001, transactionId, attributes);
}

/** A Binding success response with the XOR-MAPPED-ADDRESS of an IPv4 client. */
export function stunBindingResponse(transactionId: number[], clientIp: string, clientPort: number): number[] {
  const ip = clientIp.split('.').map(Number);
  const cookie = u16(MAGIC_COOKIE >>> 16).concat(u16(MAGIC_COOKIE & 0xffff));
  const xored = ip.map((b, i) => b ^ cookie[i]!);
  const attribute = [...u16(0x0020), ...u16(8), 0, 0x01, ...u16(clientPort ^ (MAGIC_COOKIE >>> 16)), ...xored];
  return stunMessage(0x0101, transactionId, attribute);
}
