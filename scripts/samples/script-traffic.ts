/**
 * The captures the sample scripts run on (each sample names its capture in its first lines).
 * Like mixed-traffic.ts, a person's description of the traffic turned into frames:
 *  - web.pcap: name lookups (one with a malformed name), HTTPS to several sites (one with an old
 *    TLS 1.0 server, one a look-alike of a bank), HTTP GET and a login POST, Google QUIC;
 *  - long-lived.pcap: a six-minute SSH-like session, one-way syslog over UDP, a refused connection;
 *  - remote.pcap: traffic between two remote hosts (a transit view), a connection to a known bad
 *    address and an ordinary one.
 * 192.168.1.0/24 is ntopng's default local network.
 */
import { ascii, RST, SYN, tcpFrame, udpFrame } from './frames';
import {
  dnsLookup, gquicClientHello, httpGet, httpPost, httpResponse, TcpSession, tlsApplicationData, tlsClientHello, tlsServerHello,
  type TimedFrame,
} from './conversations';
import { ipv4Bytes } from './frames';

/** 2026-02-02 10:00:00 UTC. */
const T0 = 1_770_026_400;
const LAPTOP = '192.168.1.10';
const PHONE = '192.168.1.23';

const sorted = (frames: TimedFrame[]) => frames.sort((a, b) => a.time - b.time);

function https(client: string, port: number, server: string, start: number, sni: string, version = 0x0303): TimedFrame[] {
  return new TcpSession(client, port, server, 443, start, 0.04)
    .handshake()
    .clientSends(tlsClientHello(sni))
    .serverSends([...tlsServerHello(version), ...tlsApplicationData(1200)])
    .clientSends(tlsApplicationData(200))
    .close().frames;
}

export function webTraffic(): TimedFrame[] {
  const f: TimedFrame[] = [];
  f.push(...dnsLookup(LAPTOP, 40001, '8.8.8.8', T0 + 0.1, 'www.wikipedia.org', ipv4Bytes('185.15.59.224'), 0x1111));
  f.push(...https(LAPTOP, 40002, '185.15.59.224', T0 + 0.2, 'www.wikipedia.org'));
  // a malformed name: a script or a broken client put a space and a '%' in it
  f.push(...dnsLookup(PHONE, 40003, '8.8.8.8', T0 + 1, 'update%20check.example.com', ipv4Bytes('93.184.215.20'), 0x2222));
  // a look-alike of a bank's domain
  f.push(...dnsLookup(PHONE, 40004, '8.8.8.8', T0 + 2, 'secure-paypa1.com', ipv4Bytes('203.0.113.66'), 0x3333));
  f.push(...https(PHONE, 40005, '203.0.113.66', T0 + 2.1, 'secure-paypa1.com'));
  // an old embedded web server that still speaks TLS 1.0
  f.push(...https(LAPTOP, 40006, '198.51.100.80', T0 + 3, 'printer-portal.example.net', 0x0301));
  // plain HTTP: a page, then (on a second connection) a login form posted in clear text
  f.push(...new TcpSession(LAPTOP, 40007, '93.184.215.14', 80, T0 + 4)
    .handshake()
    .clientSends(httpGet('intranet.example.com', '/'))
    .serverSends(httpResponse('<form action="/login" method="post"></form>'))
    .close().frames);
  f.push(...new TcpSession(LAPTOP, 40009, '93.184.215.14', 80, T0 + 6)
    .handshake()
    .clientSends(httpPost('intranet.example.com', '/login', 'user=alice&password=secret'))
    .serverSends(httpResponse('welcome'))
    .close().frames);
  // Google QUIC to YouTube
  f.push({ time: T0 + 5, frame: udpFrame(PHONE, 40008, '142.250.180.14', 443, gquicClientHello('www.youtube.com')) });
  f.push({ time: T0 + 5.03, frame: udpFrame('142.250.180.14', 443, PHONE, 40008, Array.from({ length: 1200 }, (_, i) => (i * 7) & 0xff)) });
  return sorted(f);
}

export function longLivedTraffic(): TimedFrame[] {
  const f: TimedFrame[] = [];
  // an interactive session that lasts six minutes, with a little traffic every 20 s
  const ssh = new TcpSession(LAPTOP, 41001, '85.214.0.1', 22, T0 + 1, 0.03).handshake()
    .serverSends(ascii('SSH-2.0-OpenSSH_9.6\r\n'))
    .clientSends(ascii('SSH-2.0-OpenSSH_9.6p1\r\n'));
  for (let i = 0; i < 18; i++) ssh.wait(20).clientSends(tlsApplicationData(48).slice(5)).serverSends(tlsApplicationData(160).slice(5));
  f.push(...ssh.close().frames);
  // syslog to a remote collector that never answers (one-way UDP), every 30 s for two minutes
  for (let i = 0; i < 5; i++) {
    f.push({ time: T0 + 2 + i * 30, frame: udpFrame(LAPTOP, 41002, '85.214.0.2', 514, ascii(`<14>Feb  2 10:0${i}:00 laptop app: heartbeat ${i}`)) });
  }
  // a connection the server refuses (SYN, then RST)
  f.push({ time: T0 + 3, frame: tcpFrame(LAPTOP, 41003, '85.214.0.3', 8080, 1000, 0, SYN, []) });
  f.push({ time: T0 + 3.02, frame: tcpFrame('85.214.0.3', 8080, LAPTOP, 41003, 0, 1001, RST | 0x10, []) });
  return sorted(f);
}

export function remoteTraffic(): TimedFrame[] {
  const f: TimedFrame[] = [];
  // seen on a mirror port of a transit link: neither end is local
  f.push(...new TcpSession('203.0.113.5', 42001, '198.51.100.7', 80, T0 + 1)
    .handshake()
    .clientSends(httpGet('mirror.example.org', '/pub/file.iso'))
    .serverSends(httpResponse('x'.repeat(3000), 'application/octet-stream'))
    .close().frames);
  f.push(...dnsLookup('203.0.113.9', 42002, '198.51.100.53', T0 + 2, 'mirror.example.org', ipv4Bytes('198.51.100.7'), 0x4444));
  // a local host talking to an address on a threat list
  f.push(...https(LAPTOP, 42003, '185.220.101.1', T0 + 3, 'cdn-update.example.info'));
  // an ordinary local-to-remote connection
  f.push(...https(PHONE, 42004, '85.214.0.1', T0 + 4, 'shop.example.de'));
  return sorted(f);
}

/** File name → traffic, for scripts/make-samples.ts. */
export const SCRIPT_CAPTURES: Readonly<Record<string, () => TimedFrame[]>> = {
  'web.pcap': webTraffic,
  'long-lived.pcap': longLivedTraffic,
  'remote.pcap': remoteTraffic,
};
