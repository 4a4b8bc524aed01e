/**
 * Messages of two databases and two chat protocols for sample and test captures, built
 * from their specifications: PostgreSQL's frontend/backend protocol 3.0 (SSLRequest,
 * StartupMessage, CancelRequest, Authentication and ReadyForQuery), the MongoDB wire
 * protocol (the 16-byte header, OP_MSG, OP_QUERY, OP_REPLY, OP_COMPRESSED), XMPP stream
 * openings (RFC 6120) and IRC lines (RFC 2812). Byte arrays, ready for TcpSession.
 */
import { ascii } from './frames';

function u32be(v: number): number[] {
  return [(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
}

function u32le(v: number): number[] {
  return [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
}

function cstring(s: string): number[] {
  return [...ascii(s), 0];
}

// ------------------------------------------------------------------ PostgreSQL

/** SSLRequest: length 8 and the request code 80877103. */
export function pgSslRequest(): number[] {
  return [...u32be(8), ...u32be(80877103)];
}

/** CancelRequest: length 16, code 80877102, the backend's process id and secret key. */
export function pgCancelRequest(pid: number, key: number): number[] {
  return [...u32be(16), ...u32be(80877102), ...u32be(pid), ...u32be(key)];
}

/** StartupMessage: length, protocol version (3.0 = 0x00030000), name/value pairs, a final NUL. */
export function pgStartup(user: string, database: string, version = 0x00030000): number[] {
  const body = [...u32be(version), ...cstring('user'), ...cstring(user), ...cstring('database'), ...cstring(database), 0];
  return [...u32be(body.length + 4), ...body];
}

/** One backend message: its type byte, a length counting itself, the body. */
export function pgMessage(type: string, body: number[]): number[] {
  return [type.charCodeAt(0), ...u32be(body.length + 4), ...body];
}

/** AuthenticationOk (R, code 0). */
export function pgAuthOk(): number[] {
  return pgMessage('R', u32be(0));
}

/** AuthenticationMD5Password (R, code 5) and its 4-byte salt. */
export function pgAuthMd5(): number[] {
  return pgMessage('R', [...u32be(5), 0x9a, 0x3c, 0x11, 0x7e]);
}

/** AuthenticationSASL (R, code 10) listing SCRAM-SHA-256, as PostgreSQL 14+ sends by default. */
export function pgAuthSasl(): number[] {
  return pgMessage('R', [...u32be(10), ...cstring('SCRAM-SHA-256'), 0]);
}

/** AuthenticationOk followed by ReadyForQuery ('Z', idle) in one segment. */
export function pgAuthOkReady(): number[] {
  return [...pgAuthOk(), ...pgMessage('Z', ascii('I'))];
}

/** A simple Query ('Q') with its SQL text. */
export function pgQuery(sql: string): number[] {
  return pgMessage('Q', cstring(sql));
}

// ------------------------------------------------------------------ MongoDB

export const MONGO_OP_REPLY = 1;
export const MONGO_OP_QUERY = 2004;
export const MONGO_OP_COMPRESSED = 2012;
export const MONGO_OP_MSG = 2013;

/** A tiny BSON document {name: int32}. */
function bsonInt(name: string, value: number): number[] {
  const element = [0x10, ...cstring(name), ...u32le(value)];
  return [...u32le(element.length + 5), ...element, 0];
}

/** One wire message: the 16-byte header (length, request id, response-to, op code), then the body. */
export function mongoMessage(op: number, requestId: number, responseTo: number, body: number[]): number[] {
  return [...u32le(body.length + 16), ...u32le(requestId), ...u32le(responseTo), ...u32le(op), ...body];
}

/** OP_MSG with flag bits 0 and one body section holding {ping: 1}. */
export function mongoMsgPing(requestId = 1): number[] {
  return mongoMessage(MONGO_OP_MSG, requestId, 0, [...u32le(0), 0, ...bsonInt('ping', 1)]);
}

/** OP_MSG reply {ok: 1}. */
export function mongoMsgOk(responseTo = 1): number[] {
  return mongoMessage(MONGO_OP_MSG, 100 + responseTo, responseTo, [...u32le(0), 0, ...bsonInt('ok', 1)]);
}

/** Legacy OP_QUERY on admin.$cmd with {isMaster: 1}, as old drivers open a connection. */
export function mongoQueryIsMaster(requestId = 1): number[] {
  return mongoMessage(MONGO_OP_QUERY, requestId, 0, [...u32le(0), ...cstring('admin.$cmd'), ...u32le(0), ...u32le(0xffffffff), ...bsonInt('isMaster', 1)]);
}

/** OP_REPLY: response flags, cursor id, starting-from, number returned, documents. */
export function mongoReply(responseTo = 1, flags = 8): number[] {
  return mongoMessage(MONGO_OP_REPLY, 200 + responseTo, responseTo, [...u32le(flags), 0, 0, 0, 0, 0, 0, 0, 0, ...u32le(0), ...u32le(1), ...bsonInt('ok', 1)]);
}

// ------------------------------------------------------------------ XMPP

/** The client's stream header, with or without the XML declaration, quoted with ' or ". */
export function xmppStreamOpen(to: string, opts: { declaration?: boolean; quote?: string } = {}): number[] {
  const q = opts.quote ?? "'";
  const decl = opts.declaration === false ? '' : `<?xml version=${q}1.0${q}?>`;
  return ascii(`${decl}<stream:stream to=${q}${to}${q} xmlns=${q}jabber:client${q} xmlns:stream=${q}http://etherx.jabber.org/streams${q} version=${q}1.0${q}>`);
}

/** The server's answer: its own stream header and the features it offers. */
export function xmppStreamReply(from: string, quote = "'"): number[] {
  const q = quote;
  return ascii(`<?xml version=${q}1.0${q}?><stream:stream from=${q}${from}${q} id=${q}c2s_1${q} xmlns=${q}jabber:client${q} xmlns:stream=${q}http://etherx.jabber.org/streams${q} version=${q}1.0${q}><stream:features><starttls xmlns=${q}urn:ietf:params:xml:ns:xmpp-tls${q}/></stream:features>`);
}

// ------------------------------------------------------------------ IRC

/** IRC lines, each ended by CR LF, in one segment. */
export function ircLines(...lines: string[]): number[] {
  return ascii(lines.map((l) => `${l}\r\n`).join(''));
}
