/**
 * PostgreSQL, MongoDB and Jabber conversations, well-formed and not, on their own ports
 * and elsewhere: the cases of binary/postgres.ts, binary/mongodb.ts and text/jabber.ts.
 * Messages come from scripts/samples/db-chat-messages.ts. The confidence tells a
 * dissector's yes ("DPI") from the port guess a refused flow on the standard port gets.
 */
import * as m from '../../../scripts/samples/db-chat-messages';
import type { TcpSession } from '../../../scripts/samples/conversations';
import { ascii } from '../../../scripts/samples/frames';
import type { TrafficBuilder, TrafficSet } from './builder';

export const DB_CHAT_TRAFFIC: TrafficSet = {
  name: 'PostgreSQL, MongoDB and Jabber',
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
  },
};
