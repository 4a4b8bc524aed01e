/**
 * Messages of four TCP services for sample and test captures, built from their
 * specifications: the MySQL client/server protocol (the HandshakeV10 greeting and the
 * HandshakeResponse41 reply), Modbus/TCP (the MBAP header and a few function codes),
 * RFB / VNC (RFC 6143 version and security messages) and Redis's RESP. Byte arrays, ready
 * for TcpSession.
 */
import { ascii } from './frames';

function u16be(v: number): number[] {
  return [(v >> 8) & 0xff, v & 0xff];
}

function u16le(v: number): number[] {
  return [v & 0xff, (v >> 8) & 0xff];
}

function u32le(v: number): number[] {
  return [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
}

// ------------------------------------------------------------------ MySQL

/** One MySQL packet: a 3-byte little-endian length, the sequence id, the body. */
export function mysqlPacket(sequence: number, body: number[]): number[] {
  return [body.length & 0xff, (body.length >> 8) & 0xff, (body.length >> 16) & 0xff, sequence, ...body];
}

/**
 * The server's first packet (HandshakeV10): protocol 10, the version string, a thread
 * id, the 20-byte scramble in two parts, capabilities, charset, status and the name of
 * the authentication plugin, NUL-terminated, at the very end.
 */
export function mysqlGreeting(serverVersion = '5.7.44-log', plugin = 'mysql_native_password'): number[] {
  const scramble1 = [0x3a, 0x23, 0x3d, 0x4b, 0x43, 0x4a, 0x2e, 0x43];
  const scramble2 = [0x6f, 0x61, 0x44, 0x2e, 0x4e, 0x49, 0x5a, 0x55, 0x42, 0x2e, 0x31, 0x78];
  const capabilities = 0x807ff7ff;
  const body = [
    10, ...ascii(serverVersion), 0,
    ...u32le(42), // connection id
    ...scramble1, 0,
    ...u16le(capabilities & 0xffff), 0x21 /* utf8_general_ci */, ...u16le(0x0002 /* autocommit */),
    ...u16le(capabilities >>> 16), scramble1.length + scramble2.length + 1,
    ...new Array<number>(10).fill(0),
    ...scramble2, 0,
    ...ascii(plugin), 0,
  ];
  return mysqlPacket(0, body);
}

/** The client's HandshakeResponse41 (sequence 1): capabilities, user, a 20-byte auth response. */
export function mysqlLogin(user: string): number[] {
  const auth = Array.from({ length: 20 }, (_, i) => (i * 37 + 11) & 0xff);
  return mysqlPacket(1, [
    ...u32le(0x000fa685), ...u32le(16 * 1024 * 1024), 0x21, ...new Array<number>(23).fill(0),
    ...ascii(user), 0, auth.length, ...auth, ...ascii('mysql_native_password'), 0,
  ]);
}

/** The server's OK packet. */
export function mysqlOk(sequence = 2): number[] {
  return mysqlPacket(sequence, [0x00, 0x00, 0x00, ...u16le(0x0002), 0x00, 0x00]);
}

// ------------------------------------------------------------------ Modbus/TCP

/** An MBAP header (transaction, protocol 0, length of unit + PDU, unit) and the PDU. */
export function modbusFrame(transaction: number, unit: number, pdu: number[], protocol = 0): number[] {
  return [...u16be(transaction), ...u16be(protocol), ...u16be(pdu.length + 1), unit, ...pdu];
}

/** Read Holding Registers (function 3) request. */
export function modbusReadHolding(transaction: number, start: number, count: number): number[] {
  return modbusFrame(transaction, 1, [0x03, ...u16be(start), ...u16be(count)]);
}

/** Its response: the byte count and the register values. */
export function modbusReadHoldingResponse(transaction: number, values: number[]): number[] {
  return modbusFrame(transaction, 1, [0x03, values.length * 2, ...values.flatMap(u16be)]);
}

// ------------------------------------------------------------------ RFB (VNC)

/** The 12-byte ProtocolVersion message, "RFB 003.008\n". */
export function rfbVersion(version = '003.008'): number[] {
  return ascii(`RFB ${version}\n`);
}

/** RFB 3.7+: the server's list of security types (here None and VNC Authentication). */
export function rfbSecurityTypes(): number[] {
  return [2, 1, 2];
}

// ------------------------------------------------------------------ Redis (RESP)

/** A command as a RESP array of bulk strings ("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"). */
export function respCommand(...words: string[]): number[] {
  return ascii(`*${words.length}\r\n` + words.map((w) => `$${w.length}\r\n${w}\r\n`).join(''));
}

/** A simple string reply ("+OK\r\n"). */
export function respSimple(text: string): number[] {
  return ascii(`+${text}\r\n`);
}

/** An integer reply (":1\r\n"). */
export function respInteger(n: number): number[] {
  return ascii(`:${n}\r\n`);
}

/** A bulk string reply ("$5\r\nhello\r\n"). */
export function respBulk(text: string): number[] {
  return ascii(`$${text.length}\r\n${text}\r\n`);
}

/** An error reply ("-ERR ...\r\n"). */
export function respError(text: string): number[] {
  return ascii(`-${text}\r\n`);
}
