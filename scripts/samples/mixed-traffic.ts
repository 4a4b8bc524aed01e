/**
 * The bundled sample capture: a few minutes of a small office's traffic, with one of
 * each thing flow scripts care about. Addresses are chosen for what a script would see:
 * 192.168.1.0/24 is ntopng's default local network, 1.2.4.8 and 114.114.114.114 are in
 * China (for the documentation's suspicious_countries.lua), 8.8.8.8 in the US, 85.214.0.1
 * in Germany.
 */
import { ipv4Bytes, ipv6Bytes, udpFrame } from './frames';
import {
  dnsLookup, httpGet, httpResponse, ping, TcpSession, tlsApplicationData, tlsClientHello, tlsServerHello, type TimedFrame,
} from './conversations';

/** 2026-01-15 09:00:00 UTC. */
const T0 = 1_768_467_600;

const LAPTOP = '192.168.1.10';
const PHONE = '192.168.1.23';
const LAPTOP6 = '2001:db8:1::10';

export function mixedTraffic(): TimedFrame[] {
  const frames: TimedFrame[] = [];
  const add = (more: TimedFrame[]) => frames.push(...more);

  // Name lookups, then the connections they lead to.
  add(dnsLookup(LAPTOP, 51000, '8.8.8.8', T0 + 0.1, 'www.example.com', ipv4Bytes('93.184.215.14'), 0x1a2b));
  add(new TcpSession(LAPTOP, 51010, '93.184.215.14', 80, T0 + 0.2)
    .handshake()
    .clientSends(httpGet('www.example.com', '/index.html'))
    .serverSends(httpResponse('<html><body>Example</body></html>'))
    .close().frames);

  // HTTPS to a server in China (the suspicious_countries.lua example fires on it).
  add(dnsLookup(PHONE, 52000, '114.114.114.114', T0 + 1.0, 'www.cnnic.cn', ipv4Bytes('1.2.4.8'), 0x2b3c));
  add(new TcpSession(PHONE, 52010, '1.2.4.8', 443, T0 + 1.1, 0.18)
    .handshake()
    .clientSends(tlsClientHello('www.cnnic.cn'))
    .serverSends([...tlsServerHello(), ...tlsApplicationData(2400)])
    .clientSends(tlsApplicationData(300))
    .serverSends(tlsApplicationData(5000))
    .close().frames);

  // HTTPS to Germany.
  add(new TcpSession(LAPTOP, 51020, '85.214.0.1', 443, T0 + 2.0, 0.03)
    .handshake()
    .clientSends(tlsClientHello('shop.example.de'))
    .serverSends([...tlsServerHello(), ...tlsApplicationData(1800)])
    .close().frames);

  // A ping, and a lookup over IPv6.
  add(ping(LAPTOP, '8.8.8.8', T0 + 3, 4));
  add(dnsLookup(LAPTOP6, 53000, '2001:4860:4860::8888', T0 + 4, 'www.example.org', ipv6Bytes('2606:2800:21f:cb07::1'), 0x3c4d));

  // NTP.
  const ntp = new Array<number>(48).fill(0);
  ntp[0] = 0x23;
  add([
    { time: T0 + 5, frame: udpFrame(LAPTOP, 123, '85.214.0.1', 123, ntp) },
    { time: T0 + 5.03, frame: udpFrame('85.214.0.1', 123, LAPTOP, 123, [0x24, ...ntp.slice(1)]) },
  ]);

  // A long-lived SSH-like session with traffic every 20 s for three minutes: it lives
  // past several 30 s periodic updates.
  const ssh = new TcpSession(LAPTOP, 51030, '85.214.0.1', 22, T0 + 6, 0.03).handshake()
    .serverSends(Array.from('SSH-2.0-OpenSSH_9.6\r\n', (c) => c.charCodeAt(0)))
    .clientSends(Array.from('SSH-2.0-OpenSSH_9.6p1\r\n', (c) => c.charCodeAt(0)));
  for (let i = 0; i < 9; i++) ssh.wait(20).clientSends(tlsApplicationData(48).slice(5)).serverSends(tlsApplicationData(96).slice(5));
  add(ssh.close().frames);

  // The same DNS client port used again after more than a minute of silence: ntopng
  // ends the first flow as idle, so this is a second flow with the same 5-tuple.
  add(dnsLookup(LAPTOP, 51000, '8.8.8.8', T0 + 100, 'www.example.net', ipv4Bytes('93.184.215.15'), 0x4d5e));

  return frames.sort((a, b) => a.time - b.time);
}
