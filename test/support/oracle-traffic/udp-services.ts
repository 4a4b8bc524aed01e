/**
 * WireGuard, TFTP, Syslog and RADIUS conversations, well-formed and not, on their own
 * ports and elsewhere: the cases of the UDP service dissectors in
 * engine/dpi/dissectors/binary/. Messages come from scripts/samples/udp-service-messages.ts.
 */
import * as m from '../../../scripts/samples/udp-service-messages';
import type { TrafficBuilder, TrafficSet } from './builder';

export const UDP_SERVICES_TRAFFIC: TrafficSet = {
  name: 'WireGuard, TFTP, Syslog and RADIUS',
  build(t: TrafficBuilder): void {
    // WireGuard
    const handshake: [boolean, number[]][] = [[true, m.wireguardInitiation(0x11223344)], [false, m.wireguardResponse(0x55667788, 0x11223344)]];
    t.udp(51820, 'WireGuard handshake on 51820', handshake);
    t.udp(40300, 'WireGuard handshake on another port', handshake);
    t.udp(40301, 'WireGuard initiation and cookie reply', [[true, m.wireguardInitiation(0x0a0b0c0d)], [false, m.wireguardCookieReply(0x0a0b0c0d)]]);
    t.udp(40302, 'WireGuard response to another index', [[true, m.wireguardInitiation(0x11223344)], [false, m.wireguardResponse(0x55667788, 0x99999999)]]);
    t.udp(40303, 'WireGuard data both ways', [
      [true, m.wireguardData(0x55667788, 0, 64)], [false, m.wireguardData(0x11223344, 0, 48)],
      [true, m.wireguardData(0x55667788, 1, 80)], [false, m.wireguardData(0x11223344, 1, 16)],
    ]);
    t.udp(40304, 'WireGuard data with a changed index', [
      [true, m.wireguardData(0x55667788, 0, 64)], [false, m.wireguardData(0x11223344, 0, 48)], [true, m.wireguardData(0x01010101, 1, 80)],
    ]);
    t.udp(40305, 'WireGuard data one way only', [[true, m.wireguardData(0x55667788, 0, 64)], [true, m.wireguardData(0x55667788, 1, 64)], [true, m.wireguardData(0x55667788, 2, 64)]]);
    t.udp(40306, 'WireGuard initiation alone', [[true, m.wireguardInitiation(0x11223344)]]);
    t.udp(40308, 'WireGuard initiation of 147 bytes', [[true, m.wireguardInitiation(0x11223344).slice(0, 147)], [false, m.wireguardResponse(0x55667788, 0x11223344)]]);
    const reserved = m.wireguardInitiation(0x11223344);
    reserved[2] = 1;
    t.udp(40309, 'WireGuard with reserved bytes set', [[true, reserved], [false, m.wireguardResponse(0x55667788, 0x11223344)]]);
    t.udp(40310, 'WireGuard data of 31 bytes', [[true, m.wireguardData(1, 0, 15)], [false, m.wireguardData(2, 0, 15)], [true, m.wireguardData(1, 1, 15)]]);
    const type5 = m.wireguardInitiation(0x11223344);
    type5[0] = 5;
    t.udp(40311, 'WireGuard-shaped message of type 5', [[true, type5]]);
    t.udp(514, 'WireGuard data one way on the Syslog port', [[true, m.wireguardData(0x55667788, 0, 64)], [true, m.wireguardData(0x55667788, 1, 64)]]);
    t.udp(40307, 'WireGuard handshake over IPv6', handshake, '2001:db8::2', '2001:db8::9');
    t.udp(51820, 'garbage on 51820', [[true, t.garbage(60, 21)], [false, t.garbage(60, 22)]]);

    // TFTP
    const file = Array.from({ length: 512 }, (_, i) => (i * 7) & 0xff);
    t.udp(69, 'TFTP read request alone', [[true, m.tftpRequest(m.TFTP_RRQ, 'boot.img')]]);
    t.udp(69, 'TFTP read request, data and ack', [[true, m.tftpRequest(m.TFTP_RRQ, 'boot.img')], [false, m.tftpData(1, file)], [true, m.tftpAck(1)]]);
    t.udp(69, 'TFTP data and ack on 69', [[false, m.tftpData(1, file)], [true, m.tftpAck(1)]]);
    t.udp(40400, 'TFTP data and ack on another port', [[false, m.tftpData(1, file.slice(0, 100))], [true, m.tftpAck(1)]]);
    t.udp(40401, 'TFTP write request, ack 0, data, ack', [[true, m.tftpRequest(m.TFTP_WRQ, 'cfg.txt')], [false, m.tftpAck(0)], [true, m.tftpData(1, file.slice(0, 20))], [false, m.tftpAck(1)]]);
    t.udp(40402, 'TFTP data, a request, then ack', [[false, m.tftpData(1, file)], [true, m.tftpRequest(m.TFTP_RRQ, 'x')], [true, m.tftpAck(0)], [true, m.tftpAck(1)]]);
    t.udp(40403, 'TFTP data block 2 and ack 2', [[false, m.tftpData(2, file)], [true, m.tftpAck(2)]]);
    t.udp(40404, 'TFTP data then error', [[false, m.tftpData(1, file)], [true, m.tftpError(3, 'Disk full')]]);
    t.udp(40405, 'TFTP four transfer packets', [[false, m.tftpData(1, file)], [true, m.tftpAck(1)], [false, m.tftpData(2, file.slice(0, 10))], [true, m.tftpAck(2)]]);
    t.udp(40406, 'TFTP three transfer packets', [[false, m.tftpData(1, file)], [true, m.tftpAck(1)], [false, m.tftpData(2, file.slice(0, 10))]]);
    t.udp(40407, 'TFTP data of 513 bytes, then three more', [[false, m.tftpData(1, [...file, 1])], [true, m.tftpAck(1)], [false, m.tftpData(2, file.slice(0, 10))], [true, m.tftpAck(2)]]);
    t.udp(40408, 'TFTP read request in NETASCII mode', [[true, m.tftpRequest(m.TFTP_RRQ, 'pxelinux.0', 'NETASCII')]]);
    t.udp(40409, 'TFTP read request in an unknown mode', [[true, m.tftpRequest(m.TFTP_RRQ, 'pxelinux.0', 'binary')]]);
    t.udp(40410, 'TFTP read request without the final NUL', [[true, m.tftpRequest(m.TFTP_RRQ, 'pxelinux.0').slice(0, -1)]]);
    t.udp(40411, 'TFTP read request with no file name', [[true, [0, 1, 0, ...m.tftpRequest(m.TFTP_RRQ, '', 'octet').slice(3)]]]);
    t.udp(40412, 'TFTP request with options', [[true, [...m.tftpRequest(m.TFTP_RRQ, 'a.bin'), ...[...'blksize'].map((c) => c.charCodeAt(0)), 0, 0x31, 0]]]);
    t.udp(69, 'TFTP error alone on 69', [[false, m.tftpError(1, 'File not found')]]);
    t.udp(40413, 'three bytes of TFTP', [[true, [0, 3, 0]]]);
    t.udp(69, 'garbage on 69', [[true, t.garbage(30, 23)]]);

    // Syslog
    const line = 'Oct 11 22:14:15 mymachine su: \'su root\' failed for lonvick on /dev/pts/8';
    t.udp(514, 'Syslog BSD line on 514', [[true, m.syslogMessage(34, line)]]);
    t.udp(40500, 'Syslog BSD line on another port', [[true, m.syslogMessage(34, line)]]);
    t.udp(40501, 'Syslog with a space after the priority', [[true, m.syslogMessage(13, ' ' + line)]]);
    t.udp(40502, 'Syslog "last message repeated"', [[true, m.syslogMessage(13, 'last message repeated 3 times')]]);
    t.udp(40503, 'Syslog snort event', [[true, m.syslogMessage(38, 'snort: [1:1000001:1] test alert')]]);
    t.udp(40517, 'Syslog RFC 5424 line (no month)', [[true, m.syslogMessage(165, '1 2003-10-11T22:14:15.003Z mymachine evntslog - ID47 - event')]]);
    t.udp(40504, 'Syslog priority without the closing bracket', [[true, [...m.syslogMessage(34, line)].filter((_, i) => i !== 3)]]);
    t.udp(40505, 'Syslog priority of five digits', [[true, m.syslogMessage(12345, line)]]);
    t.udp(40506, 'Syslog of 20 bytes', [[true, m.syslogMessage(34, 'Oct 11 22:14:15 ')]]);
    t.udp(40507, 'Syslog of 21 bytes', [[true, m.syslogMessage(34, 'Oct 11 22:14:15 a')]]);
    t.udp(40510, 'Syslog with no priority digits', [[true, m.syslogMessage('', line)]]);
    t.udp(40511, 'Syslog with a control byte', [[true, [...m.syslogMessage(34, line), 0x01, 0x41]]]);
    t.udp(40512, 'Syslog with a tab and a line feed', [[true, [...m.syslogMessage(34, line), 0x09, 0x41, 0x0a]]]);
    t.udp(40513, 'Syslog host name with a dot first', [[true, m.syslogMessage(34, 'host.example.org: kernel up')]]);
    t.udp(40514, 'Syslog with UTF-8 text', [[true, [...m.syslogMessage(34, line), 0xc3, 0xa9]]]);
    t.udp(40515, 'Syslog with four priority digits', [[true, m.syslogMessage(1234, line)]]);
    t.tcp(40516, 'Syslog over TCP', (s) => s.clientSends(m.syslogMessage(34, line + '\n')));
    t.udp(40508, 'Syslog of 1100 bytes', [[true, m.syslogMessage(34, line + ' ' + 'x'.repeat(1100 - 4 - line.length - 1))]]);
    t.udp(40509, 'Syslog lowercase month', [[true, m.syslogMessage(34, line.toLowerCase())]]);
    t.udp(514, 'garbage on 514', [[true, t.garbage(40, 24)]]);

    // RADIUS
    t.udp(1812, 'RADIUS access request and accept', [[true, m.radiusAccessRequest(7, 'alice')], [false, m.radiusPacket(m.RADIUS_ACCESS_ACCEPT, 7, [])]]);
    t.udp(1813, 'RADIUS accounting request and response', [
      [true, m.radiusPacket(m.RADIUS_ACCOUNTING_REQUEST, 9, [...m.radiusAttribute(40, [0, 0, 0, 1]), ...m.radiusAttribute(44, [0x41, 0x42])])],
      [false, m.radiusPacket(m.RADIUS_ACCOUNTING_RESPONSE, 9, [])],
    ]);
    t.udp(40600, 'RADIUS access request on another port', [[true, m.radiusAccessRequest(8, 'bob')]]);
    t.udp(40601, 'RADIUS code 13 (Status-Client) off its ports', [[true, m.radiusPacket(13, 3, [])]]);
    t.udp(18013, 'RADIUS code 14', [[true, m.radiusPacket(14, 3, [])]]);
    t.udp(18013, 'RADIUS Disconnect-Request (code 40)', [[true, m.radiusPacket(40, 3, [])]]);
    t.udp(18013, 'RADIUS code 0', [[true, m.radiusPacket(0, 3, [])]]);
    const badLength = m.radiusAccessRequest(9, 'carol');
    badLength[3] = badLength[3]! + 1;
    t.udp(18013, 'RADIUS with a wrong length', [[true, badLength]]);
    t.udp(18013, 'RADIUS of 19 bytes', [[true, [1, 1, 0, 19, ...t.garbage(15, 25)]]]);
    t.udp(1812, 'garbage on 1812', [[true, t.garbage(40, 26)]]);
    t.udp(18013, 'RADIUS accounting request on 18013', [[true, m.radiusPacket(m.RADIUS_ACCOUNTING_REQUEST, 9, [...m.radiusAttribute(40, [0, 0, 0, 1])])]]);
    t.udp(18013, 'RADIUS code 13 (Status-Client) on 18013', [[true, m.radiusPacket(13, 3, [])]]);
    t.udp(1812, 'RADIUS over IPv6', [[true, m.radiusAccessRequest(7, 'alice')], [false, m.radiusPacket(m.RADIUS_ACCESS_ACCEPT, 7, [])]], '2001:db8::2', '2001:db8::9');
    t.udp(18013, 'RADIUS request of 4100 bytes on 18013', [[true, m.radiusPacket(m.RADIUS_ACCESS_REQUEST, 4, Array.from({ length: 17 }, () => m.radiusAttribute(26, new Array(239).fill(0x61))).flat().slice(0, 4080))]]);
    t.udp(18013, 'RADIUS request of 4096 bytes', [[true, m.radiusPacket(m.RADIUS_ACCESS_REQUEST, 5, Array.from({ length: 17 }, () => m.radiusAttribute(26, new Array(239).fill(0x61))).flat().slice(0, 4076))]]);
    t.udp(40602, 'RADIUS request of 4100 bytes off its ports', [[true, m.radiusPacket(m.RADIUS_ACCESS_REQUEST, 4, Array.from({ length: 17 }, () => m.radiusAttribute(26, new Array(239).fill(0x61))).flat().slice(0, 4080))]]);
  },
};
