/**
 * Messages of small UDP services for sample and test captures, built from their
 * specifications: WireGuard (the protocol page at wireguard.com: four message types, fixed
 * sizes for the handshake ones), TFTP (RFC 1350), syslog (RFC 3164's BSD format) and
 * RADIUS (RFC 2865). Byte arrays, ready for udpFrame. Cryptographic fields are filler
 * bytes derived from a seed: no dissector can check them.
 */
import { ascii } from './frames';

function u16(v: number): number[] {
  return [(v >> 8) & 0xff, v & 0xff];
}

/** WireGuard writes its integers little-endian. */
function le32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}

function filler(n: number, seed: number): number[] {
  return Array.from({ length: n }, (_, i) => (seed * 37 + i * 101 + 13) & 0xff);
}

// ------------------------------------------------------------------ WireGuard

/** Handshake initiation (type 1, 148 bytes): sender index, ephemeral key, sealed static key and timestamp, two MACs. */
export function wireguardInitiation(senderIndex: number): number[] {
  return [1, 0, 0, 0, ...le32(senderIndex), ...filler(32 + 48 + 28 + 16 + 16, senderIndex)];
}

/** Handshake response (type 2, 92 bytes): its own sender index and the initiator's index. */
export function wireguardResponse(senderIndex: number, receiverIndex: number): number[] {
  return [2, 0, 0, 0, ...le32(senderIndex), ...le32(receiverIndex), ...filler(32 + 16 + 16 + 16, senderIndex)];
}

/** Cookie reply (type 3, 64 bytes): the receiver's index, a nonce and the sealed cookie. */
export function wireguardCookieReply(receiverIndex: number): number[] {
  return [3, 0, 0, 0, ...le32(receiverIndex), ...filler(24 + 32, receiverIndex)];
}

/** Transport data (type 4): receiver index, 64-bit counter, sealed packet (`sealed` bytes, 16 at least: the tag). */
export function wireguardData(receiverIndex: number, counter: number, sealed = 16): number[] {
  return [4, 0, 0, 0, ...le32(receiverIndex), ...le32(counter), 0, 0, 0, 0, ...filler(sealed, counter + receiverIndex)];
}

// ------------------------------------------------------------------ TFTP (RFC 1350)

export const TFTP_RRQ = 1, TFTP_WRQ = 2, TFTP_DATA = 3, TFTP_ACK = 4, TFTP_ERROR = 5;

/** A read or write request: opcode, file name, NUL, mode, NUL. */
export function tftpRequest(opcode: number, file: string, mode = 'octet'): number[] {
  return [...u16(opcode), ...ascii(file), 0, ...ascii(mode), 0];
}

export function tftpData(block: number, data: number[]): number[] {
  return [...u16(TFTP_DATA), ...u16(block), ...data];
}

export function tftpAck(block: number): number[] {
  return [...u16(TFTP_ACK), ...u16(block)];
}

export function tftpError(code: number, message: string): number[] {
  return [...u16(TFTP_ERROR), ...u16(code), ...ascii(message), 0];
}

// ------------------------------------------------------------------ syslog (RFC 3164)

/** A BSD syslog line: "<PRI>" then the rest as given (a timestamp "Mmm dd hh:mm:ss" normally); PRI as given, even empty. */
export function syslogMessage(priority: number | string, rest: string): number[] {
  return ascii(`<${priority}>${rest}`);
}

// ------------------------------------------------------------------ RADIUS (RFC 2865)

export const RADIUS_ACCESS_REQUEST = 1, RADIUS_ACCESS_ACCEPT = 2, RADIUS_ACCESS_REJECT = 3;
export const RADIUS_ACCOUNTING_REQUEST = 4, RADIUS_ACCOUNTING_RESPONSE = 5;

/** One attribute: type, length (header included), value. */
export function radiusAttribute(type: number, value: number[]): number[] {
  return [type, value.length + 2, ...value];
}

/** A RADIUS packet: code, identifier, length of the whole packet, 16-byte authenticator, attributes. */
export function radiusPacket(code: number, identifier: number, attributes: number[]): number[] {
  return [code, identifier, ...u16(20 + attributes.length), ...filler(16, identifier), ...attributes];
}

/** An Access-Request for `user` (User-Name, a filler User-Password, NAS-Port). */
export function radiusAccessRequest(identifier: number, user: string): number[] {
  return radiusPacket(RADIUS_ACCESS_REQUEST, identifier, [
    ...radiusAttribute(1, ascii(user)),
    ...radiusAttribute(2, filler(16, identifier + 1)),
    ...radiusAttribute(5, [0, 0, 0, 7]),
  ]);
}
