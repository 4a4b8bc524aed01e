/**
 * PostgreSQL, MongoDB, Jabber and IRC conversations, well-formed and not, on their own
 * ports and elsewhere: the cases of binary/postgres.ts, binary/mongodb.ts, text/jabber.ts
 * and text/irc.ts.
 * Messages come from scripts/samples/db-chat-messages.ts. The confidence tells a
 * dissector's yes ("DPI") from the port guess a refused flow on the standard port gets.
 */
import * as m from '../../../scripts/samples/db-chat-messages';
import type { TcpSession } from '../../../scripts/samples/conversations';
import { ascii } from '../../../scripts/samples/frames';
import type { TrafficBuilder, TrafficSet } from './builder';

export const DB_CHAT_TRAFFIC: TrafficSet = {
  name: 'PostgreSQL, MongoDB, Jabber and IRC',
  build(t: TrafficBuilder): void {
    // PostgreSQL: the opening message and the other side's first answer.
    const pgLogin = (auth: number[]) => (s: TcpSession) =>
      s.clientSends(m.pgStartup('app', 'shop')).serverSends(auth).clientSends(m.pgQuery('SELECT 1'));
    t.tcp(5432, 'PostgreSQL startup and AuthenticationOk on 5432', pgLogin(m.pgAuthOk()));
    // Two messages in one segment: the length no longer covers the rest, so no.
    t.tcp(5432, 'PostgreSQL AuthenticationOk + ReadyForQuery together', pgLogin(m.pgAuthOkReady()));
    t.tcp(15432, 'PostgreSQL startup and AuthenticationOk on another port', pgLogin(m.pgAuthOk()));
    t.tcp(5432, 'PostgreSQL startup and MD5 password request', pgLogin(m.pgAuthMd5()));
    t.tcp(5432, 'PostgreSQL startup and SASL (SCRAM) request', pgLogin(m.pgAuthSasl()));
    t.tcp(15433, 'PostgreSQL startup and SASL request on another port', pgLogin(m.pgAuthSasl()));
    t.tcp(5432, 'PostgreSQL SSLRequest accepted', (s) => s.clientSends(m.pgSslRequest()).serverSends(ascii('S')).clientSends(t.garbage(40, 21)));
    t.tcp(25432, 'PostgreSQL SSLRequest refused on another port', (s) => s.clientSends(m.pgSslRequest()).serverSends(ascii('N')).clientSends(m.pgStartup('app', 'shop')));
    t.tcp(5432, 'PostgreSQL SSLRequest answered with two bytes', (s) => s.clientSends(m.pgSslRequest()).serverSends(ascii('SS')));
    t.tcp(5432, 'PostgreSQL SSLRequest sent twice', (s) => s.clientSends(m.pgSslRequest()).clientSends(m.pgSslRequest()).serverSends(ascii('S')));
    t.tcp(5432, 'PostgreSQL startup with protocol version 4.0', (s) => s.clientSends(m.pgStartup('app', 'shop', 0x00040000)).serverSends(m.pgAuthOk()));
    const badLength = m.pgStartup('app', 'shop');
    badLength[3] = badLength[3]! + 1;
    t.tcp(5432, 'PostgreSQL startup with a wrong length', (s) => s.clientSends(badLength).serverSends(m.pgAuthOk()));
    t.tcp(5432, 'PostgreSQL cancel request alone', (s) => s.clientSends(m.pgCancelRequest(4242, 0x1234abcd)));
    t.tcp(5432, 'PostgreSQL server speaks first', (s) => s.serverSends(m.pgAuthOk()).clientSends(m.pgStartup('app', 'shop')));
    t.tcp(5432, 'garbage on 5432', (s) => s.clientSends(t.garbage(30, 23)).serverSends(t.garbage(9, 25)));

    // MongoDB: one packet with a known op code among the first six.
    t.tcp(27017, 'MongoDB OP_MSG ping and ok on 27017', (s) => s.clientSends(m.mongoMsgPing()).serverSends(m.mongoMsgOk()));
    t.tcp(37017, 'MongoDB OP_MSG ping and ok on another port', (s) => s.clientSends(m.mongoMsgPing()).serverSends(m.mongoMsgOk()));
    t.tcp(27017, 'MongoDB legacy OP_QUERY isMaster and OP_REPLY', (s) => s.clientSends(m.mongoQueryIsMaster()).serverSends(m.mongoReply()));
    t.tcp(27018, 'MongoDB OP_REPLY alone, odd flags, another port', (s) => s.serverSends(m.mongoReply(1, 0x100)));
    t.tcp(27017, 'MongoDB OP_COMPRESSED', (s) => s.clientSends(m.mongoMessage(m.MONGO_OP_COMPRESSED, 1, 0, t.garbage(24, 27))));
    t.tcp(27017, 'MongoDB header only (16 bytes)', (s) => s.clientSends(m.mongoMessage(m.MONGO_OP_MSG, 1, 0, [])));
    const huge = m.mongoMsgPing();
    huge[0] = 0x41; huge[1] = 0x42; huge[2] = 0x0f; // 1,000,001 bytes claimed
    t.tcp(27017, 'MongoDB length over 1,000,000', (s) => s.clientSends(huge));
    const wrongLength = m.mongoMsgPing();
    wrongLength[0] = wrongLength[0]! + 50;
    t.tcp(27019, 'MongoDB OP_MSG whose length is not the packet size', (s) => s.clientSends(wrongLength));
    t.tcp(27017, 'MongoDB OP_MSG as the seventh payload packet', (s) => {
      for (let i = 0; i < 6; i++) s.clientSends(ascii(`hello ${i}\n`));
      return s.clientSends(m.mongoMsgPing());
    });
    t.tcp(27017, 'garbage on 27017', (s) => s.clientSends(t.garbage(40, 29)));

    // Jabber: a stream header naming the streams namespace.
    const xmpp = (open: number[], reply: number[]) => (s: TcpSession) => s.clientSends(open).serverSends(reply);
    t.tcp(5222, 'XMPP stream with the XML declaration on 5222', xmpp(m.xmppStreamOpen('example.org'), m.xmppStreamReply('example.org')));
    t.tcp(15222, 'XMPP stream on another port', xmpp(m.xmppStreamOpen('example.org'), m.xmppStreamReply('example.org')));
    t.tcp(5222, 'XMPP stream without the declaration, double quotes', xmpp(m.xmppStreamOpen('example.org', { declaration: false, quote: '"' }), m.xmppStreamReply('example.org', '"')));
    t.tcp(5269, 'XMPP server-to-server stream', xmpp(m.xmppStreamOpen('b.example', { declaration: false }), m.xmppStreamReply('b.example')));
    t.tcp(5222, 'XMPP stream header without the namespace', (s) => s.clientSends(ascii("<?xml version='1.0'?><stream:stream to='example.org' version='1.0'>")));
    t.tcp(5222, 'XMPP namespace after a NUL byte', (s) => s.clientSends([...ascii("<?xml version='1.0'?>"), 0, ...m.xmppStreamOpen('example.org', { declaration: false })]));
    t.tcp(5222, 'XMPP stream header as the third payload packet', (s) =>
      s.clientSends(ascii('hi\n')).serverSends(ascii('hello\n')).clientSends(m.xmppStreamOpen('example.org')));
    t.tcp(5222, 'XMPP stream header as the fourth payload packet', (s) =>
      s.clientSends(ascii('hi\n')).serverSends(ascii('hello\n')).clientSends(ascii('again\n')).clientSends(m.xmppStreamOpen('example.org')));
    t.tcp(5222, 'XMPP stream:stream without the space', (s) => s.clientSends(ascii("<stream:stream\txmlns:stream='http://etherx.jabber.org/streams'>")));
    t.tcp(5222, 'garbage on 5222', (s) => s.clientSends(t.garbage(50, 31)));

    // IRC: three command words, a login packet, or seven ':' lines.
    const welcome = (n: number) => Array.from({ length: n }, (_, i) => `:irc.example.net 00${i + 1} bob :Welcome line ${i + 1}`);
    const login = m.ircLines('NICK bob', 'USER bob 0 * :Bob Smith');
    t.tcp(6667, 'IRC NICK and USER in one packet on 6667', (s) => s.clientSends(login).serverSends(m.ircLines(...welcome(2))));
    t.tcp(194, 'IRC NICK and USER in one packet on 194', (s) => s.clientSends(login));
    t.tcp(6667, 'IRC NICK, USER, JOIN in three packets', (s) =>
      s.clientSends(m.ircLines('NICK bob')).clientSends(m.ircLines('USER bob 0 * :Bob')).clientSends(m.ircLines('JOIN #flows')));
    t.tcp(6667, 'IRC NICK and USER in two packets only', (s) => s.clientSends(m.ircLines('NICK bob')).clientSends(m.ircLines('USER bob 0 * :Bob')));
    t.tcp(194, 'IRC two signs only on 194', (s) => s.clientSends(m.ircLines('NICK bob')).clientSends(m.ircLines('USER bob 0 * :Bob')));
    t.tcp(6667, 'IRC server welcome of 7 lines', (s) => s.serverSends(m.ircLines(...welcome(7))));
    t.tcp(6667, 'IRC server welcome of 6 lines', (s) => s.serverSends(m.ircLines(...welcome(6))));
    t.tcp(6667, 'IRC welcome of 4 + 3 lines', (s) => s.serverSends(m.ircLines(...welcome(4))).serverSends(m.ircLines(...welcome(3))));
    t.tcp(6667, 'IRC login with Unix line breaks', (s) => s.clientSends(ascii('NICK bob\nUSER bob 0 * :Bob\n')));
    t.tcp(6667, 'IRC welcome of 7 lines, Unix line breaks', (s) => s.serverSends(ascii(welcome(7).join('\n') + '\n')));
    t.tcp(194, 'IRC login with Unix line breaks on 194', (s) => s.clientSends(ascii('NICK bob\nUSER bob 0 * :Bob\n')));
    t.tcp(194, 'IRC welcome of 7 lines, Unix line breaks, 194', (s) => s.serverSends(ascii(welcome(7).join('\n') + '\n')));
    t.tcp(6667, 'IRC login, CR LF then a bare LF', (s) => s.clientSends(ascii('NICK bob\r\nUSER bob 0 * :Bob\n')));
    const privmsg = m.ircLines(':alice!a@example.net PRIVMSG #flows :hello there');
    t.tcp(6667, 'IRC three PRIVMSG relays from the server', (s) => s.serverSends(privmsg).serverSends(privmsg).serverSends(privmsg));
    t.tcp(6667, 'IRC PING, PONG, MODE', (s) => s.serverSends(m.ircLines('PING :irc.example.net')).clientSends(m.ircLines('PONG :irc.example.net')).clientSends(m.ircLines('MODE bob +i')));
    t.tcp(6667, 'IRC lower-case commands', (s) => s.clientSends(m.ircLines('nick bob', 'user bob 0 * :Bob')).clientSends(m.ircLines('join #flows')));
    t.tcp(6667, 'IRC commands without line ends', (s) => s.clientSends(ascii('NICK bob USER bob')).clientSends(ascii('JOIN #flows')).clientSends(ascii('PING abc')));
    t.tcp(6667, 'IRC commands ending in LF NUL', (s) => s.clientSends([...ascii('NICK bob\n'), 0]).clientSends([...ascii('USER bob 0 * :Bob\n'), 0]).clientSends([...ascii('JOIN #x\n'), 0]));
    t.tcp(6667, 'IRC short PING lines (7 bytes)', (s) => s.clientSends(ascii('PING x\n')).clientSends(ascii('PING y\n')).clientSends(ascii('PING z\n')));
    t.tcp(6667, 'IRC login as the eleventh payload packet', (s) => {
      for (let i = 0; i < 10; i++) s.clientSends(ascii(`hello ${i}\n`));
      return s.clientSends(login);
    });
    t.tcp(6667, 'IRC sign, then a web-chat cmd= item', (s) => s.clientSends(m.ircLines('NICK bob')).clientSends(ascii('item=42&cmd=join')));
    t.tcp(194, 'garbage on 194', (s) => s.clientSends(t.garbage(40, 33)));
    // nDPI's IRC-over-TLS guess from sizes: a run from one side, a 4-byte total from the other.
    const total = (n: number) => [0x17, 0x03, (n >> 8) & 0xff, n & 0xff];
    t.tcp(6697, 'IRC size rule: 1380, answered 1380', (s) => s.clientSends(t.garbage(1380, 41)).serverSends(total(1380)));
    t.tcp(6697, 'IRC size rule: 1024 1024, answered 2048', (s) => s.clientSends(t.garbage(1024, 43)).clientSends(t.garbage(1024, 45)).serverSends(total(2048)));
    t.tcp(6697, 'IRC size rule: 1460 1460 1176, answered 4096', (s) =>
      s.clientSends(t.garbage(1460, 47)).clientSends(t.garbage(1460, 49)).clientSends(t.garbage(1176, 51)).serverSends(total(4096)));
    t.tcp(6697, 'IRC size rule: 1448 x5 and 952, answered 8192', (s) => {
      for (let i = 0; i < 5; i++) s.clientSends(t.garbage(1448, 53 + i));
      return s.clientSends(t.garbage(952, 59)).serverSends(total(8192));
    });
    t.tcp(6697, 'IRC size rule: 1024 1380, answered 2404', (s) => s.clientSends(t.garbage(1024, 61)).clientSends(t.garbage(1380, 63)).serverSends(total(2404)));
    t.tcp(6697, 'IRC size rule: 1380 answered by the same side', (s) => s.clientSends(t.garbage(1380, 65)).clientSends(total(1380)));
    t.tcp(6697, 'IRC size rule: 1380, answered 1400', (s) => s.clientSends(t.garbage(1380, 67)).serverSends(total(1400)));
    t.tcp(6697, 'IRC size rule: 1200, answered 2400 after other data', (s) => s.clientSends(t.garbage(1200, 69)).serverSends(t.garbage(30, 71)).serverSends(total(2400)));
  },
};
