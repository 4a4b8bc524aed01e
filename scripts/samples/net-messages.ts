/**
 * Messages of OpenVPN (its reliability layer's hard-reset packets, as in OpenVPN's
 * ssl_pkt.h / reliable.h: opcode and key id, session id, HMAC, packet id and time, an
 * acknowledgement array, then the message packet id), Memcached (protocol.txt: text
 * commands and replies, and the 8-byte UDP frame header), BGP (RFC 4271 message header,
 * OPEN and KEEPALIVE) and Git (pkt-lines of gitprotocol-pack). Byte arrays, ready for
 * udpFrame or a TcpSession. HMACs are filler bytes derived from a seed.
 */
import { ascii } from './frames';

function u16(v: number): number[] {
  return [(v >> 8) & 0xff, v & 0xff];
}

function u32(v: number): number[] {
  return [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
}

function filler(n: number, seed: number): number[] {
  return Array.from({ length: n }, (_, i) => (seed * 29 + i * 83 + 5) & 0xff);
}

// ------------------------------------------------------------------ OpenVPN

export const OPENVPN_CLIENT_RESET_V1 = 1, OPENVPN_SERVER_RESET_V1 = 2, OPENVPN_CLIENT_RESET_V2 = 7, OPENVPN_SERVER_RESET_V2 = 8;
export const OPENVPN_CONTROL_V1 = 4, OPENVPN_ACK_V1 = 5, OPENVPN_DATA_V2 = 9;

export interface OpenvpnOptions {
  hmacBytes?: number;
  packetId?: number;
  /** Packet ids acknowledged, then the peer's session id (server resets). */
  acks?: number[];
  remoteSession?: number[];
}

/** A control packet over UDP: opcode and key id 0, session id, HMAC, packet id, time, acknowledgements, message id 0. */
export function openvpnControl(opcode: number, session: number[], o: OpenvpnOptions = {}): number[] {
  const acks = o.acks ?? [];
  return [
    opcode << 3, ...session, ...filler(o.hmacBytes ?? 20, session[0]! + opcode), ...u32(o.packetId ?? 1), ...u32(1700000000),
    acks.length, ...acks.flatMap(u32), ...(acks.length > 0 ? (o.remoteSession ?? []) : []), ...u32(0),
  ];
}

/** The same packet over TCP, after its 2-byte length. */
export function openvpnTcp(packet: number[]): number[] {
  return [...u16(packet.length), ...packet];
}

/** A data packet (P_DATA_V2: opcode, 3-byte peer id, then ciphertext). */
export function openvpnData(bytes: number, seed: number): number[] {
  return [(OPENVPN_DATA_V2 << 3) | 0, 0, 0, 1, ...filler(bytes - 4, seed)];
}

export const CLIENT_SESSION = [0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81];
export const SERVER_SESSION = [0x91, 0xa2, 0xb3, 0xc4, 0xd5, 0xe6, 0xf7, 0x08];

// ------------------------------------------------------------------ Memcached

/** A text command or reply (the caller writes its CR LF). */
export function memcachedText(text: string): number[] {
  return ascii(text);
}

/** A UDP datagram: request id, sequence number, datagram count, reserved, then the text. */
export function memcachedUdp(requestId: number, text: string, count = 1, sequence = 0): number[] {
  return [...u16(requestId), ...u16(sequence), ...u16(count), 0, 0, ...ascii(text)];
}

// ------------------------------------------------------------------ BGP

export const BGP_OPEN = 1, BGP_UPDATE = 2, BGP_NOTIFICATION = 3, BGP_KEEPALIVE = 4;

/** A message: 16-byte all-ones marker, length (header included), type, body. */
export function bgpMessage(type: number, body: number[], length = 19 + body.length): number[] {
  return [...new Array(16).fill(0xff), ...u16(length), type, ...body];
}

/** OPEN: version 4, AS, hold time, BGP identifier, no optional parameters. */
export function bgpOpen(as: number, holdTime = 180): number[] {
  return bgpMessage(BGP_OPEN, [4, ...u16(as), ...u16(holdTime), 10, 0, 0, 9, 0]);
}

export function bgpKeepalive(): number[] {
  return bgpMessage(BGP_KEEPALIVE, []);
}

// ------------------------------------------------------------------ Git

/** One pkt-line: four hex digits counting themselves and the data. */
export function gitPktLine(data: string): number[] {
  return [...ascii((data.length + 4).toString(16).padStart(4, '0')), ...ascii(data)];
}

export const GIT_FLUSH = ascii('0000');

/** The client's first request: "git-upload-pack /path\0host=server\0". */
export function gitUploadPackRequest(path: string, host: string): number[] {
  return gitPktLine(`git-upload-pack ${path}\0host=${host}\0`);
}

/** The server's reference advertisement, ended by a flush-pkt. */
export function gitRefAdvertisement(): number[] {
  const sha = '7217a7c7e582c46cec22a130adf4b9d7d950fba0';
  return [
    ...gitPktLine(`${sha} HEAD\0multi_ack side-band-64k ofs-delta\n`),
    ...gitPktLine(`${sha} refs/heads/main\n`),
    ...GIT_FLUSH,
  ];
}
