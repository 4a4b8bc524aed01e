/**
 * OpenVPN, Memcached, BGP and Git conversations, well-formed and not, on their own ports
 * and elsewhere: the cases of binary/openvpn.ts, text/memcached.ts, binary/bgp.ts and
 * text/git.ts. Messages come from scripts/samples/net-messages.ts.
 */
import * as m from '../../../scripts/samples/net-messages';
import { ascii } from '../../../scripts/samples/frames';
import type { TrafficBuilder, TrafficSet } from './builder';

export const NET_SERVICES_TRAFFIC: TrafficSet = {
  name: 'OpenVPN, Memcached, BGP and Git',
  build(t: TrafficBuilder): void {
    // OpenVPN: the client's hard reset, then the server's acknowledging the client's session.
    const clientReset = m.openvpnControl(m.OPENVPN_CLIENT_RESET_V2, m.CLIENT_SESSION);
    const serverReset = m.openvpnControl(m.OPENVPN_SERVER_RESET_V2, m.SERVER_SESSION, { acks: [0], remoteSession: m.CLIENT_SESSION });
    t.udp(1194, 'OpenVPN UDP hard resets on 1194', [[true, clientReset], [false, serverReset]]);
    t.udp(40700, 'OpenVPN UDP hard resets on another port', [[true, clientReset], [false, serverReset]]);
    t.tcp(1194, 'OpenVPN TCP hard resets on 1194', (s) => s.clientSends(m.openvpnTcp(clientReset)).serverSends(m.openvpnTcp(serverReset)));
    t.tcp(40701, 'OpenVPN TCP hard resets on another port', (s) => s.clientSends(m.openvpnTcp(clientReset)).serverSends(m.openvpnTcp(serverReset)));
    const v1 = (o: number, session: number[], acks?: number[]) => m.openvpnControl(o, session, { hmacBytes: 16, acks, remoteSession: m.CLIENT_SESSION });
    t.udp(40702, 'OpenVPN V1 resets, 16-byte HMAC, 38 bytes (too short)', [[true, v1(m.OPENVPN_CLIENT_RESET_V1, m.CLIENT_SESSION)], [false, v1(m.OPENVPN_SERVER_RESET_V1, m.SERVER_SESSION, [0])]]);
    t.tcp(40717, 'OpenVPN TCP V1 resets with a 16-byte HMAC', (s) =>
      s.clientSends(m.openvpnTcp(v1(m.OPENVPN_CLIENT_RESET_V1, m.CLIENT_SESSION))).serverSends(m.openvpnTcp(v1(m.OPENVPN_SERVER_RESET_V1, m.SERVER_SESSION, [0]))));
    t.udp(40718, 'OpenVPN server reset for an unrecorded (zero) session', [
      [true, m.openvpnControl(m.OPENVPN_CLIENT_RESET_V2, m.CLIENT_SESSION, { packetId: 2 })],
      [false, m.openvpnControl(m.OPENVPN_SERVER_RESET_V2, m.SERVER_SESSION, { acks: [0], remoteSession: new Array(8).fill(0) })],
    ]);
    t.udp(40703, 'OpenVPN server reset for another session', [
      [true, clientReset], [false, m.openvpnControl(m.OPENVPN_SERVER_RESET_V2, m.SERVER_SESSION, { acks: [0], remoteSession: [1, 2, 3, 4, 5, 6, 7, 8] })],
    ]);
    t.udp(40704, 'OpenVPN server reset without acknowledgement', [[true, clientReset], [false, m.openvpnControl(m.OPENVPN_SERVER_RESET_V2, m.SERVER_SESSION)]]);
    t.udp(40705, 'OpenVPN client reset with packet id 2', [
      [true, m.openvpnControl(m.OPENVPN_CLIENT_RESET_V2, m.CLIENT_SESSION, { packetId: 2 })], [false, serverReset],
    ]);
    t.udp(40706, 'OpenVPN client reset alone', [[true, clientReset]]);
    t.udp(40707, 'OpenVPN client resets repeated', [[true, clientReset], [true, clientReset], [true, clientReset]]);
    t.udp(40708, 'OpenVPN server reset first', [[false, serverReset], [true, clientReset]]);
    t.udp(40709, 'OpenVPN data packets only', [[true, m.openvpnData(100, 1)], [false, m.openvpnData(100, 2)]]);
    t.udp(40710, 'OpenVPN-like first packet of 80 bytes, opcode 0xb8', [[true, [0xb8, ...t.garbage(79, 31)]]]);
    t.udp(40711, 'OpenVPN-like first packet of 112 bytes, opcode 0xc0', [[true, [0xc1, ...t.garbage(111, 32)]]]);
    t.udp(40712, 'OpenVPN-like second packet of 80 bytes, opcode 0xb8', [[true, t.garbage(20, 33)], [true, [0xb8, ...t.garbage(79, 31)]]]);
    t.udp(40713, 'OpenVPN resets after small packets', [[true, t.garbage(20, 34)], [false, t.garbage(20, 35)], [true, clientReset], [false, serverReset]]);
    t.udp(40714, 'OpenVPN resets after six small packets', [
      ...Array.from({ length: 6 }, (_, i): [boolean, number[]] => [i % 2 === 0, t.garbage(20, 40 + i)]), [true, clientReset], [false, serverReset],
    ]);
    t.tcp(40715, 'OpenVPN TCP reset without the length prefix', (s) => s.clientSends(clientReset).serverSends(serverReset));
    t.udp(40719, 'OpenVPN resets in reversed roles', [[false, clientReset], [true, serverReset]]);
    t.udp(40720, 'OpenVPN first packet of 96 bytes, opcode 0xb8', [[true, [0xb8, ...t.garbage(95, 31)]]]);
    t.udp(40721, 'OpenVPN V1 client reset, V2 server reset', [
      [true, m.openvpnControl(m.OPENVPN_CLIENT_RESET_V1, m.CLIENT_SESSION)], [false, serverReset],
    ]);
    t.udp(1194, 'garbage on 1194', [[true, t.garbage(60, 36)], [false, t.garbage(60, 37)]]);
    t.udp(40716, 'OpenVPN UDP hard resets over IPv6', [[true, clientReset], [false, serverReset]], '2001:db8::2', '2001:db8::9');

    // Memcached: two known commands or replies.
    t.tcp(11211, 'Memcached get and value on 11211', (s) => s.clientSends(m.memcachedText('get user:1\r\n')).serverSends(m.memcachedText('VALUE user:1 0 5\r\nalice\r\nEND\r\n')));
    t.tcp(40800, 'Memcached set and stored on another port', (s) => s.clientSends(m.memcachedText('set k 0 60 3\r\nabc\r\n')).serverSends(m.memcachedText('STORED\r\n')));
    t.tcp(40801, 'Memcached stats and STAT lines', (s) => s.clientSends(m.memcachedText('stats\r\n')).serverSends(m.memcachedText('STAT pid 1\r\nSTAT uptime 5\r\nEND\r\n')));
    t.tcp(40802, 'Memcached get and a miss (END)', (s) => s.clientSends(m.memcachedText('get nothing\r\n')).serverSends(m.memcachedText('END\r\n')));
    t.tcp(40803, 'Memcached one command alone', (s) => s.clientSends(m.memcachedText('get user:1\r\n')));
    t.tcp(40804, 'Memcached upper-case command', (s) => s.clientSends(m.memcachedText('GET user:1\r\n')).serverSends(m.memcachedText('END\r\n')));
    t.tcp(40805, 'Memcached unknown command and ERROR', (s) => s.clientSends(m.memcachedText('flush_all\r\n')).serverSends(m.memcachedText('ERROR\r\n')));
    t.tcp(40806, 'Memcached gets and touch', (s) => s.clientSends(m.memcachedText('gets a b\r\n')).clientSends(m.memcachedText('touch a 10\r\n')));
    t.tcp(40807, 'Memcached after five other packets', (s) =>
      [1, 2, 3, 4, 5].reduce((x, i) => x.clientSends(t.garbage(10, 50 + i)), s).clientSends(m.memcachedText('get a\r\n')).serverSends(m.memcachedText('END\r\n')));
    t.tcp(40808, 'Memcached after four other packets', (s) =>
      [1, 2, 3, 4].reduce((x, i) => x.clientSends(t.garbage(10, 50 + i)), s).clientSends(m.memcachedText('get a\r\n')).serverSends(m.memcachedText('END\r\n')));
    t.tcp(40809, 'Memcached 4-byte packet first', (s) => s.clientSends(ascii('END\r')).clientSends(m.memcachedText('get a\r\n')).serverSends(m.memcachedText('END\r\n')));
    t.udp(11211, 'Memcached UDP get and value on 11211', [[true, m.memcachedUdp(1, 'get user:1\r\n')], [false, m.memcachedUdp(1, 'VALUE user:1 0 5\r\nalice\r\nEND\r\n')]]);
    t.udp(40810, 'Memcached UDP on another port', [[true, m.memcachedUdp(2, 'delete k\r\n')], [false, m.memcachedUdp(2, 'DELETED\r\n')]]);
    t.udp(40811, 'Memcached UDP datagram count 0', [[true, m.memcachedUdp(3, 'get a\r\n', 0)], [false, m.memcachedUdp(3, 'END\r\n', 0)]]);
    t.udp(40812, 'Memcached UDP reserved bytes set', [[true, [...m.memcachedUdp(3, 'get a\r\n').slice(0, 7), 1, ...ascii('get a\r\n')]], [false, m.memcachedUdp(3, 'END\r\n')]]);
    t.udp(40813, 'Memcached UDP without the frame header', [[true, ascii('get user:1\r\n')], [false, ascii('VALUE user:1 0 5\r\nalice\r\nEND\r\n')]]);
    t.udp(40814, 'Memcached UDP of 12 bytes', [[true, m.memcachedUdp(4, 'END\r')], [false, m.memcachedUdp(4, 'END\r\n')]]);
    t.udp(40815, 'Memcached UDP datagram count 0x0100', [[true, m.memcachedUdp(5, 'get a\r\n', 0x100)], [false, m.memcachedUdp(5, 'END\r\n', 0x100)]]);
    t.tcp(40816, 'Memcached two commands in one packet', (s) => s.clientSends(m.memcachedText('get a\r\nget b\r\n')));
    t.tcp(40817, 'Memcached gat and CLIENT_ERROR', (s) => s.clientSends(m.memcachedText('gat 10 a\r\n')).serverSends(m.memcachedText('CLIENT_ERROR bad data chunk\r\n')));
    t.udp(40818, 'Memcached UDP count 1 in byte 5 only, sequence 3', [[true, m.memcachedUdp(6, 'incr n 1\r\n', 1, 3)], [false, m.memcachedUdp(6, 'NOT_FOUND\r\n', 1, 3)]]);
    t.tcp(11211, 'garbage on 11211', (s) => s.clientSends(t.garbage(40, 38)).serverSends(t.garbage(40, 39)));

    // BGP: port 179 and a valid header.
    t.tcp(179, 'BGP OPEN and KEEPALIVE on 179', (s) => s.clientSends(m.bgpOpen(65001)).serverSends(m.bgpOpen(65002)).clientSends(m.bgpKeepalive()));
    t.tcp(40900, 'BGP OPEN on another port', (s) => s.clientSends(m.bgpOpen(65001)).serverSends(m.bgpOpen(65002)));
    t.tcp(2605, 'BGP OPEN on 2605', (s) => s.clientSends(m.bgpOpen(65001)).serverSends(m.bgpOpen(65002)));
    t.tcp(179, 'BGP KEEPALIVE alone', (s) => s.clientSends(m.bgpKeepalive()));
    t.tcp(179, 'BGP message of type 5 (route refresh)', (s) => s.clientSends(m.bgpMessage(5, [0, 1, 0, 1])));
    t.tcp(179, 'BGP message of type 0', (s) => s.clientSends(m.bgpMessage(0, [0, 0])));
    t.tcp(179, 'BGP length larger than the payload', (s) => s.clientSends(m.bgpMessage(m.BGP_OPEN, [4, 0, 1, 0, 180, 10, 0, 0, 9, 0], 200)));
    t.tcp(179, 'BGP length smaller than the header', (s) => s.clientSends(m.bgpMessage(m.BGP_KEEPALIVE, [], 3)));
    const badMarker = m.bgpOpen(65001);
    badMarker[7] = 0xfe;
    t.tcp(179, 'BGP with a broken marker', (s) => s.clientSends(badMarker).serverSends(m.bgpOpen(65002)));
    t.tcp(179, 'BGP header of 18 bytes', (s) => s.clientSends(m.bgpKeepalive().slice(0, 18)));
    t.tcp(179, 'BGP OPEN from the server first', (s) => s.serverSends(m.bgpOpen(65002)).clientSends(m.bgpOpen(65001)));
    t.udp(179, 'BGP OPEN over UDP on 179', [[true, m.bgpOpen(65001)]]);
    t.tcp(179, 'BGP NOTIFICATION', (s) => s.clientSends(m.bgpMessage(m.BGP_NOTIFICATION, [6, 2])));
    t.tcp(179, 'garbage then BGP OPEN on 179', (s) => s.clientSends(t.garbage(30, 40)).serverSends(m.bgpOpen(65002)));

    // Git: port 9418 and the pkt-line lengths.
    const fetch = (s: import('../../../scripts/samples/conversations').TcpSession) =>
      s.clientSends(m.gitUploadPackRequest('/project.git', 'example.org')).serverSends(m.gitRefAdvertisement());
    t.tcp(9418, 'Git upload-pack request and advertisement on 9418', fetch);
    t.tcp(40950, 'Git upload-pack on another port', fetch);
    t.tcp(9418, 'Git advertisement first', (s) => s.serverSends(m.gitRefAdvertisement()));
    t.tcp(9418, 'Git flush-pkt then a line', (s) => s.clientSends([...m.GIT_FLUSH, ...m.gitPktLine('done\n')]));
    t.tcp(9418, 'Git length beyond the payload', (s) => s.clientSends([...ascii('00ff'), ...ascii('git-upload-pack /x\0')]));
    t.tcp(9418, 'Git non-hex length', (s) => s.clientSends(ascii('zzzzgit-upload-pack /x\0')));
    t.tcp(9418, 'Git length with a blank and a short hex', (s) => s.clientSends(ascii(' 1fgit-upload-pack /project.git\0')));
    t.tcp(9418, 'Git bad length in the second half', (s) => s.clientSends([...m.gitPktLine('0123456789abcdef'), ...m.gitPktLine('x'), ...ascii('0000zz')]));
    t.tcp(9418, 'Git 4-byte payload', (s) => s.clientSends(ascii('0004')));
    t.tcp(9418, 'Git negative length', (s) => s.clientSends(ascii('-001git-upload-pack /x\0')));
    t.tcp(9418, 'Git length 0x10 with prefix', (s) => s.clientSends(ascii('0x10git-upload-pack /x\0')));
    t.tcp(9418, 'Git upper-case hex length', (s) => s.clientSends([...ascii('003F'), ...t.garbage(59, 42)]));
    t.tcp(9418, 'Git line and a trailing 4 bytes', (s) => s.clientSends([...m.gitPktLine('want 7217a7c7e582c46cec22a130adf4b9d7d950fba0\n'), ...ascii('0009')]));
    t.tcp(9418, 'Git length with a NUL', (s) => s.clientSends([0x31, 0x30, 0, 0x30, ...t.garbage(40, 43)]));
    t.udp(9418, 'Git over UDP on 9418', [[true, m.gitUploadPackRequest('/project.git', 'example.org')]]);
    t.tcp(9418, 'garbage on 9418', (s) => s.clientSends(t.garbage(40, 41)));
  },
};
