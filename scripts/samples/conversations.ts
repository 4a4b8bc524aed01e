/**
 * Conversations for sample captures, written as a person would describe them ("a DNS
 * lookup", "an HTTPS request") and turned into timed frames.
 */
import { ACK, ascii, FIN, icmpEchoFrame, PSH, SYN, tcpFrame, udpFrame, type Address } from './frames';

export interface TimedFrame {
  time: number;
  frame: Uint8Array;
}

/** A TCP connection that keeps its sequence numbers straight. */
export class TcpSession {
  private clientSeq: number;
  private serverSeq: number;
  readonly frames: TimedFrame[] = [];

  constructor(
    readonly client: Address,
    readonly clientPort: number,
    readonly server: Address,
    readonly serverPort: number,
    private time: number,
    /** Round-trip time in seconds. */
    private readonly rtt = 0.02,
  ) {
    this.clientSeq = (clientPort * 7919) >>> 0;
    this.serverSeq = (serverPort * 104729 + clientPort) >>> 0;
  }

  handshake(): this {
    this.emitClient(SYN, []);
    this.time += this.rtt / 2;
    this.emitServer(SYN | ACK, []);
    this.time += this.rtt / 2;
    this.emitClient(ACK, []);
    return this;
  }

  /** The client sends `payload`; the server acknowledges it. */
  clientSends(payload: number[], after = 0.001): this {
    this.time += after;
    this.emitClient(PSH | ACK, payload);
    this.time += this.rtt / 2;
    this.emitServer(ACK, []);
    return this;
  }

  /** The server sends `payload` in segments of at most 1448 bytes; the client acknowledges. */
  serverSends(payload: number[], after = 0.001): this {
    this.time += after;
    for (let at = 0; at < payload.length; at += 1448) {
      this.emitServer(PSH | ACK, payload.slice(at, at + 1448));
      this.time += 0.0005;
    }
    this.time += this.rtt / 2;
    this.emitClient(ACK, []);
    return this;
  }

  wait(seconds: number): this {
    this.time += seconds;
    return this;
  }

  close(): this {
    this.time += 0.001;
    this.emitClient(FIN | ACK, []);
    this.time += this.rtt / 2;
    this.emitServer(FIN | ACK, []);
    this.time += this.rtt / 2;
    this.emitClient(ACK, []);
    return this;
  }

  private emitClient(flags: number, payload: number[]): void {
    this.frames.push({
      time: this.time,
      frame: tcpFrame(this.client, this.clientPort, this.server, this.serverPort, this.clientSeq, flags & SYN && !(flags & ACK) ? 0 : this.serverSeq, flags, payload),
    });
    this.clientSeq = (this.clientSeq + payload.length + (flags & (SYN | FIN) ? 1 : 0)) >>> 0;
  }

  private emitServer(flags: number, payload: number[]): void {
    this.frames.push({
      time: this.time,
      frame: tcpFrame(this.server, this.serverPort, this.client, this.clientPort, this.serverSeq, this.clientSeq, flags, payload),
    });
    this.serverSeq = (this.serverSeq + payload.length + (flags & (SYN | FIN) ? 1 : 0)) >>> 0;
  }
}

// ------------------------------------------------------------------ application payloads

function u16(v: number): number[] {
  return [(v >> 8) & 0xff, v & 0xff];
}

function dnsName(name: string): number[] {
  return [...name.split('.').flatMap((label) => [label.length, ...ascii(label)]), 0];
}

/** A DNS query for an A (1) or AAAA (28) record. */
export function dnsQuery(id: number, name: string, type = 1): number[] {
  return [...u16(id), 0x01, 0x00, ...u16(1), 0, 0, 0, 0, 0, 0, ...dnsName(name), ...u16(type), ...u16(1)];
}

/** The answer to `dnsQuery`, with one address record. */
export function dnsResponse(id: number, name: string, address: number[], type = 1): number[] {
  return [
    ...u16(id), 0x81, 0x80, ...u16(1), ...u16(1), 0, 0, 0, 0,
    ...dnsName(name), ...u16(type), ...u16(1),
    0xc0, 0x0c, ...u16(type), ...u16(1), 0, 0, 0x0e, 0x10, ...u16(address.length), ...address,
  ];
}

export function httpGet(host: string, path: string, userAgent = 'curl/8.5.0'): number[] {
  return ascii(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${userAgent}\r\nAccept: */*\r\n\r\n`);
}

export function httpResponse(body: string, contentType = 'text/html'): number[] {
  return ascii(`HTTP/1.1 200 OK\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
}

/** A TLS 1.2/1.3 ClientHello with the server name (SNI) and ALPN "h2", "http/1.1". */
export function tlsClientHello(serverName: string): number[] {
  const sni = ascii(serverName);
  const serverNameExt = [0x00, 0x00, ...u16(sni.length + 5), ...u16(sni.length + 3), 0x00, ...u16(sni.length), ...sni];
  const alpnList = [2, ...ascii('h2'), 8, ...ascii('http/1.1')];
  const alpnExt = [0x00, 0x10, ...u16(alpnList.length + 2), ...u16(alpnList.length), ...alpnList];
  const versionsExt = [0x00, 0x2b, 0x00, 0x05, 0x04, 0x03, 0x04, 0x03, 0x03];
  const groupsExt = [0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x1d, 0x00, 0x17];
  const extensions = [...serverNameExt, ...groupsExt, ...alpnExt, ...versionsExt];
  const ciphers = [0x13, 0x01, 0x13, 0x02, 0xc0, 0x2b, 0xc0, 0x2f];
  const random = Array.from({ length: 32 }, (_, i) => (i * 37 + serverName.length) & 0xff);
  const body = [0x03, 0x03, ...random, 0x00, ...u16(ciphers.length), ...ciphers, 0x01, 0x00, ...u16(extensions.length), ...extensions];
  const handshake = [0x01, 0x00, ...u16(body.length), ...body];
  return [0x16, 0x03, 0x01, ...u16(handshake.length), ...handshake];
}

/** A TLS 1.2 ServerHello choosing TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (or an older `version`, e.g. 0x0301 = TLS 1.0). */
export function tlsServerHello(version = 0x0303): number[] {
  const random = Array.from({ length: 32 }, (_, i) => (i * 53 + 7) & 0xff);
  const body = [...u16(version), ...random, 0x00, 0xc0, 0x2f, 0x00, 0x00, 0x00];
  const handshake = [0x02, 0x00, ...u16(body.length), ...body];
  return [0x16, 0x03, 0x03, ...u16(handshake.length), ...handshake];
}

/** An HTTP POST with a form body. */
export function httpPost(host: string, path: string, body: string, userAgent = 'Mozilla/5.0'): number[] {
  return ascii(`POST ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${userAgent}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
}

/**
 * The first packet of a Google QUIC (Q046) connection: long header, then the plain-text CHLO
 * handshake message with its SNI and UAID tags (what nDPI reads to name the service).
 */
export function gquicClientHello(serverName: string, userAgent = 'Chrome/120.0.6099.71'): number[] {
  const tags: [string, number[]][] = [['SNI\0', ascii(serverName)], ['UAID', ascii(userAgent)], ['VER\0', ascii('Q046')]];
  const le32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
  let end = 0;
  const table: number[] = [];
  const values: number[] = [];
  for (const [tag, value] of tags) {
    end += value.length;
    table.push(...ascii(tag), ...le32(end));
    values.push(...value);
  }
  const chlo = [...ascii('CHLO'), tags.length, 0, 0, 0, ...table, ...values];
  const dcid = [0x51, 0x2b, 0x7e, 0x10, 0x22, 0x9a, 0x4c, 0x01];
  // long header (0xc3: long, fixed bit, 4-byte packet number), version, DCID/SCID lengths, DCID
  const header = [0xc3, ...ascii('Q046'), 0x50, ...dcid, 0x00, 0x00, 0x00, 0x01];
  // a STREAM frame on stream 1 carrying the CHLO, padded like a real client (>= 1200 bytes)
  const frame = [0xa0, 0x01, ...u16(chlo.length), ...chlo];
  const padding = new Array<number>(Math.max(0, 1200 - header.length - frame.length - 12)).fill(0);
  return [...header, ...Array.from({ length: 12 }, (_, i) => (i * 29 + 3) & 0xff), ...frame, ...padding];
}

/** Opaque TLS application data of `length` bytes. */
export function tlsApplicationData(length: number): number[] {
  return [0x17, 0x03, 0x03, ...u16(length), ...Array.from({ length }, (_, i) => (i * 131 + 17) & 0xff)];
}

export function ping(client: Address, server: Address, start: number, count: number, id = 0x4242): TimedFrame[] {
  const frames: TimedFrame[] = [];
  const data = Array.from({ length: 56 }, (_, i) => i & 0xff);
  for (let i = 0; i < count; i++) {
    frames.push({ time: start + i, frame: icmpEchoFrame(client, server, false, id, i + 1, data) });
    frames.push({ time: start + i + 0.015, frame: icmpEchoFrame(server, client, true, id, i + 1, data) });
  }
  return frames;
}

export function dnsLookup(client: Address, port: number, resolver: Address, start: number, name: string, answer: number[], id: number): TimedFrame[] {
  const type = answer.length === 16 ? 28 : 1;
  return [
    { time: start, frame: udpFrame(client, port, resolver, 53, dnsQuery(id, name, type)) },
    { time: start + 0.012, frame: udpFrame(resolver, 53, client, port, dnsResponse(id, name, answer, type)) },
  ];
}
