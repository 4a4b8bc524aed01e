/**
 * MySQL, Modbus, VNC and Redis conversations, well-formed and not, on their own ports and
 * elsewhere: the cases of binary/mysql.ts, binary/modbus.ts, text/vnc.ts and
 * text/redis.ts (and text/nats.ts, which nDPI 4.2 finds in a Redis inline command).
 * Messages come from scripts/samples/service-messages.ts. The confidence tells a
 * dissector's yes ("DPI") from the port guess a refused flow on the standard port gets.
 */
import * as m from '../../../scripts/samples/service-messages';
import type { TcpSession } from '../../../scripts/samples/conversations';
import { ascii } from '../../../scripts/samples/frames';
import type { TrafficBuilder, TrafficSet } from './builder';

export const TCP_SERVICES_TRAFFIC: TrafficSet = {
  name: 'MySQL, Modbus, VNC and Redis',
  build(t: TrafficBuilder): void {
    // MySQL: the server's greeting decides.
    const mysqlLogin = (greeting: number[]) => (s: TcpSession) =>
      s.serverSends(greeting).clientSends(m.mysqlLogin('app')).serverSends(m.mysqlOk());
    t.tcp(3306, 'MySQL 5.7 login on 3306', mysqlLogin(m.mysqlGreeting()));
    t.tcp(33060, 'MySQL 5.7 login on another port', mysqlLogin(m.mysqlGreeting('5.6.51')));
    t.tcp(3306, 'MariaDB login (5.5.5- prefix) on 3306', mysqlLogin(m.mysqlGreeting('5.5.5-10.6.12-MariaDB')));
    t.tcp(3306, 'MySQL 8 login (caching_sha2_password)', mysqlLogin(m.mysqlGreeting('8.0.36', 'caching_sha2_password')));
    t.tcp(13306, 'MySQL 8 login on another port', mysqlLogin(m.mysqlGreeting('8.0.36', 'caching_sha2_password')));
    t.tcp(3306, 'MySQL greeting with version 10.x', mysqlLogin(m.mysqlGreeting('10.6.12-MariaDB')));
    const badLength = m.mysqlGreeting();
    badLength[0] = badLength[0]! + 1;
    t.tcp(3306, 'MySQL greeting with a wrong length', mysqlLogin(badLength));
    const badSequence = m.mysqlGreeting();
    badSequence[3] = 1;
    t.tcp(3306, 'MySQL greeting with sequence 1', mysqlLogin(badSequence));
    t.tcp(3306, 'MySQL client speaks first', (s) => s.clientSends(m.mysqlLogin('app')).serverSends(m.mysqlGreeting()));
    t.tcp(3306, 'too short for a MySQL greeting', (s) => s.serverSends(m.mysqlPacket(0, [10, ...ascii('5.7.1'), 0, 1, 2, 3, 4])));
    t.tcp(3306, 'garbage on 3306', (s) => s.serverSends(t.garbage(60, 3)));

    // Modbus/TCP: port 502 and the MBAP length.
    const modbusPoll = (s: TcpSession) =>
      s.clientSends(m.modbusReadHolding(1, 0, 2)).serverSends(m.modbusReadHoldingResponse(1, [0x1234, 0x5678]));
    t.tcp(502, 'Modbus read holding registers on 502', modbusPoll);
    t.tcp(5020, 'Modbus read holding registers on another port', modbusPoll);
    const modbusBadLength = m.modbusReadHolding(2, 0, 2);
    modbusBadLength[5] = modbusBadLength[5]! + 1;
    t.tcp(502, 'Modbus with a wrong MBAP length', (s) => s.clientSends(modbusBadLength));
    t.tcp(502, 'Modbus with protocol id 7', (s) => s.clientSends(m.modbusFrame(3, 1, [0x03, 0, 0, 0, 2], 7)));
    t.tcp(502, 'Modbus of 7 bytes (no function code)', (s) => s.clientSends(m.modbusFrame(4, 1, [])));
    t.tcp(502, 'Modbus response alone, from port 502', (s) => s.serverSends(m.modbusReadHoldingResponse(9, [1])));
    t.tcp(502, 'garbage on 502', (s) => s.clientSends(t.garbage(40, 5)));

    // VNC: a 12-byte ProtocolVersion each way.
    const rfb = (server: string, client: string) => (s: TcpSession) =>
      s.serverSends(ascii(server)).clientSends(ascii(client)).serverSends(m.rfbSecurityTypes());
    t.tcp(5900, 'VNC 3.8 handshake on 5900', rfb('RFB 003.008\n', 'RFB 003.008\n'));
    t.tcp(15900, 'VNC 3.8 handshake on another port', rfb('RFB 003.008\n', 'RFB 003.008\n'));
    t.tcp(5901, 'VNC 3.3 handshake on 5901', rfb('RFB 003.003\n', 'RFB 003.003\n'));
    t.tcp(5900, 'VNC 4.1 server, 3.8 client', rfb('RFB 004.001\n', 'RFB 003.008\n'));
    t.tcp(5900, "Apple's RFB 003.889 and Intel's RFB 004.000", rfb('RFB 003.889\n', 'RFB 004.000\n'));
    t.tcp(5900, 'VNC version 5.0', rfb('RFB 005.000\n', 'RFB 005.000\n'));
    t.tcp(15901, 'VNC version 5.0 on another port', rfb('RFB 005.000\n', 'RFB 005.000\n'));
    t.tcp(5900, 'VNC version without the newline', rfb('RFB 003.008 ', 'RFB 003.008 '));
    t.tcp(5900, 'VNC version with CR LF (13 bytes)', rfb('RFB 003.008\r\n', 'RFB 003.008\r\n'));
    t.tcp(5900, 'VNC server version, client answers garbage', rfb('RFB 003.008\n', 'hello there\n'));
    t.tcp(5900, 'VNC version twice from the server', (s) => s.serverSends(m.rfbVersion()).serverSends(m.rfbVersion()).clientSends(m.rfbVersion()));
    t.tcp(5900, 'garbage on 5900', (s) => s.serverSends(t.garbage(12, 9)).clientSends(t.garbage(12, 11)));

    // Redis: the first bytes of each side's latest message.
    t.tcp(6379, 'Redis PING and PONG on 6379', (s) => s.clientSends(m.respCommand('PING')).serverSends(m.respSimple('PONG')));
    t.tcp(16379, 'Redis SET and OK on another port', (s) => s.clientSends(m.respCommand('SET', 'k', 'v')).serverSends(m.respSimple('OK')));
    t.tcp(6379, 'Redis INCR and an integer reply', (s) => s.clientSends(m.respCommand('INCR', 'n')).serverSends(m.respInteger(1)));
    t.tcp(6379, 'Redis GET and a bulk reply', (s) => s.clientSends(m.respCommand('GET', 'k')).serverSends(m.respBulk('hello')));
    t.tcp(16380, 'Redis GET and a bulk reply on another port', (s) => s.clientSends(m.respCommand('GET', 'k')).serverSends(m.respBulk('hello')));
    t.tcp(6379, 'Redis inline PING', (s) => s.clientSends(ascii('PING\r\n')).serverSends(m.respSimple('PONG')));
    t.tcp(6379, 'Redis command refused with an error', (s) => s.clientSends(m.respCommand('FOO')).serverSends(m.respError('ERR unknown command')));
    t.tcp(6379, 'Redis bulk reply, then SET and OK', (s) =>
      s.clientSends(m.respCommand('GET', 'k')).serverSends(m.respBulk('v')).clientSends(m.respCommand('SET', 'k', 'w')).serverSends(m.respSimple('OK')));
    t.tcp(6379, 'Redis server speaks first', (s) => s.serverSends(m.respSimple('OK')).clientSends(m.respCommand('PING')));
    // NATS, which nDPI 4.2 tries on the same text (the inline PING above).
    t.tcp(4222, 'NATS INFO and CONNECT', (s) => s.serverSends(ascii('INFO {"server_id":"x","version":"2.10.1"}\r\n')).clientSends(ascii('CONNECT {"verbose":false}\r\n')));
    t.tcp(4222, 'NATS PUB without CR LF', (s) => s.clientSends(ascii('PUB foo 5 hello')));
    t.tcp(4222, 'NATS: 4 bytes (undecided), then PING', (s) => s.clientSends(ascii('PONG')).clientSends(ascii('PING\r\n')));
    t.tcp(4222, 'NATS PING with a NUL before CR LF', (s) => s.clientSends(ascii('PING\0\r\n')));
    // nDPI stops dissecting a flow after its 32nd packet (each command here is 2, with the ACK).
    const commands = (s: TcpSession, n: number) => Array.from({ length: n }).reduce<TcpSession>((acc) => acc.clientSends(m.respCommand('PING')), s);
    t.tcp(6379, 'Redis reply as the 32nd packet', (s) => commands(s, 14).serverSends(m.respSimple('PONG')));
    t.tcp(6379, 'Redis reply as the 34th packet', (s) => commands(s, 15).serverSends(m.respSimple('PONG')));
    // Redis's own limit, 20 payload packets: a reply in full segments, each starting with '+'.
    const segments = (n: number) => ascii(('+' + 'x'.repeat(1447)).repeat(n));
    t.tcp(6379, 'Redis command as the 20th payload packet', (s) => s.serverSends(segments(19)).clientSends(m.respCommand('PING')));
    t.tcp(6379, 'Redis command as the 21st payload packet', (s) => s.serverSends(segments(20)).clientSends(m.respCommand('PING')));
    t.tcp(6379, 'garbage on 6379', (s) => s.clientSends(t.garbage(20, 6)).serverSends(t.garbage(20, 7)));
  },
};
