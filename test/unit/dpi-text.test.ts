/**
 * Text-family dissectors (engine/dpi/dissectors/text), with hand-built payloads: each
 * protocol's positive case, near misses, and malformed or truncated input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dissector, DissectorContext, Verdict } from '../../engine/dpi/dissector';
import type { Flow } from '../../engine/flows/flow';
import { L7State } from '../../engine/dpi/l7-state';
import { TEXT_DISSECTORS } from '../../engine/dpi/dissectors/text';
import { HTTP, categoryFromContentType, hostFromHeader, requestUrlOffset } from '../../engine/dpi/dissectors/text/http';
import { RTSP } from '../../engine/dpi/dissectors/text/rtsp';
import { SIP } from '../../engine/dpi/dissectors/text/sip';
import { RTP } from '../../engine/dpi/dissectors/text/rtp';
import { RTCP } from '../../engine/dpi/dissectors/text/rtcp';
import { SMTP } from '../../engine/dpi/dissectors/text/smtp';
import { IMAP } from '../../engine/dpi/dissectors/text/imap';
import { POP3 } from '../../engine/dpi/dissectors/text/pop3';
import { FTP_CONTROL } from '../../engine/dpi/dissectors/text/ftp-control';
import { WHOIS_DAS } from '../../engine/dpi/dissectors/text/whois-das';
import { AJP } from '../../engine/dpi/dissectors/text/ajp';
import { Z3950 } from '../../engine/dpi/dissectors/text/z3950';
import { TELNET } from '../../engine/dpi/dissectors/text/telnet';
import { splitLines } from '../../engine/dpi/dissectors/text/util';

type Packet = { c?: string | number[]; s?: string | number[] };

interface Sim {
  state: L7State;
  verdicts: Verdict[];
}

const bytes = (x: string | number[]) => (typeof x === 'string' ? Uint8Array.from(x, (ch) => ch.charCodeAt(0) & 0xff) : Uint8Array.from(x));

/**
 * Feeds packets to one dissector as the detector would: client packets go clientPort →
 * serverPort, server ones the other way; stops after a 'no' or a detection without
 * moreDetails.
 */
function run(d: Dissector, packets: Packet[], o: { transport?: 'tcp' | 'udp'; clientPort?: number; serverPort?: number } = {}): Sim {
  const state = new L7State();
  const counts = { c2s: 0, s2c: 0 };
  const flow = {
    clientToServer: { get packets() { return counts.c2s; } },
    serverToClient: { get packets() { return counts.s2c; } },
  } as unknown as Flow;
  const clientPort = o.clientPort ?? 40000;
  const serverPort = o.serverPort ?? (d.ports?.[0] ?? 9999);
  const verdicts: Verdict[] = [];
  for (const pk of packets) {
    const fromClient = pk.c !== undefined;
    if (fromClient) counts.c2s++;
    else counts.s2c++;
    state.packetsInspected++;
    const ctx: DissectorContext = {
      flow,
      state,
      payload: bytes((fromClient ? pk.c : pk.s)!),
      fromClient,
      srcPort: fromClient ? clientPort : serverPort,
      dstPort: fromClient ? serverPort : clientPort,
      transport: o.transport ?? d.transports[0]!,
      time: 0,
      ipFragmented: false,
    };
    const v = d.inspect(ctx);
    verdicts.push(v);
    if (v === 'no' || (typeof v === 'object' && !v.moreDetails)) break;
  }
  return { state, verdicts };
}

const last = (s: Sim) => s.verdicts[s.verdicts.length - 1];
const detected = (s: Sim) => typeof s.verdicts.find((v) => typeof v === 'object') === 'object';

test('text family: every dissector is registered once, with a distinct nDPI name', () => {
  const names = TEXT_DISSECTORS.map((d) => d.protocol);
  assert.deepEqual(new Set(names).size, names.length);
  for (const n of ['HTTP', 'RTSP', 'SIP', 'RTP', 'RTCP', 'SMTP', 'IMAP', 'POP3', 'FTP_CONTROL', 'Whois-DAS', 'AJP', 'Z39.50', 'Telnet']) {
    assert.ok(names.includes(n), n);
  }
});

test('util: lines split on CR LF only, with the remainder as a last line', () => {
  assert.deepEqual(splitLines(bytes('no line end')), []);
  assert.deepEqual(splitLines(bytes('a\r\nbc')), [{ start: 0, end: 1 }, { start: 3, end: 5 }]);
  assert.deepEqual(splitLines(bytes('a\r\n')), [{ start: 0, end: 1 }, { start: 3, end: 3 }]);
});

test('HTTP: a request is detected at once; host, URL, agent, then status and media type from the response', () => {
  const sim = run(HTTP, [
    { c: 'GET /video/a.jpg HTTP/1.1\r\nHost: Pic.Example.COM:8080\r\nUser-Agent: Mozilla/5.0 (X11)\r\nAccept: */*\r\n\r\n' },
    { s: 'HTTP/1.1 200 OK\r\nContent-Type: image/jpeg; charset=x\r\nContent-Length: 3\r\n\r\nabc' },
  ], { serverPort: 80 });
  const first = sim.verdicts[0];
  assert.deepEqual(first, { moreDetails: true, host: 'pic.example.com' });
  assert.deepEqual(last(sim), { moreDetails: false, host: 'pic.example.com' });
  assert.deepEqual(sim.state.http, {
    method: 'GET',
    host: 'pic.example.com',
    url: 'Pic.Example.COM:8080/video/a.jpg',
    userAgent: 'Mozilla/5.0 (X11)',
    statusCode: 200,
    contentType: 'image/jpeg',
  });
});

test('HTTP: a request split over packets still yields the host and the agent', () => {
  const sim = run(HTTP, [
    { c: 'GET / HTTP/1.1\r\nHost: toni.lan:31337\r\n' },
    { c: 'User-Agent: uclient-fetch\r\n\r\n' },
    { s: 'HTTP/1.0 200 OK\r\n' },
    { s: 'Server: x\r\nContent-type: text/html\r\n\r\n' },
  ]);
  assert.equal(sim.verdicts.length, 3, 'stops once host and status are known');
  assert.equal(sim.state.http?.userAgent, 'uclient-fetch');
  assert.equal(sim.state.http?.url, 'toni.lan:31337/');
  assert.equal(sim.state.http?.contentType, undefined);
});

test('HTTP: a request line alone is HTTP, the host comes later', () => {
  const sim = run(HTTP, [{ c: 'POST /servlets/mms' }, { c: ' HTTP/1.1\r\nHost: 172.20.3.13\r\n\r\n' }]);
  assert.deepEqual(sim.verdicts[0], { moreDetails: true });
  assert.equal(sim.state.http?.method, 'POST');
  assert.equal(sim.state.http?.host, '172.20.3.13');
});

test('HTTP: a response seen first is HTTP; odd status codes read as 0', () => {
  const sim = run(HTTP, [{ s: 'HTTP/1.1 999 Weird\r\n\r\n' }]);
  assert.equal(typeof sim.verdicts[0], 'object');
  assert.equal(sim.state.http?.statusCode, undefined);
  const ok = run(HTTP, [{ s: 'HTTP/1.1 302 Found\r\n\r\n' }]);
  assert.equal(ok.state.http?.statusCode, 302);
});

test('HTTP: absolute http:// targets are proxy requests; rtsp:// targets are left to RTSP', () => {
  const proxy = run(HTTP, [{ c: 'GET http://example.org/x HTTP/1.1\r\nHost: example.org\r\n\r\n' }], { serverPort: 3128 });
  assert.equal((proxy.verdicts[0] as { app?: string }).app, 'HTTP_Proxy');
  assert.equal(proxy.state.http?.url, 'http://example.org/x');
  assert.equal(run(HTTP, [{ c: 'OPTIONS rtsp://10.0.0.1/a RTSP/1.0\r\nCSeq: 1\r\n\r\n' }]).verdicts[0], 'no');
});

test('HTTP: non-HTTP payloads are excluded, header-looking ones are kept a while', () => {
  assert.equal(run(HTTP, [{ c: [0x16, 0x03, 0x01, 0x00, 0x10] }]).verdicts[0], 'no');
  assert.equal(run(HTTP, [{ c: 'get / HTTP/1.1\r\n' }]).verdicts[0], 'no', 'first letter must be upper case');
  assert.equal(run(HTTP, [{ c: 'X: y\r\nHost: a\r\n' }]).verdicts[0], 'maybe');
  assert.equal(run(HTTP, [{ c: '' }]).verdicts[0], 'no');
  assert.equal(requestUrlOffset(bytes('GET    /x')), 7);
  assert.equal(hostFromHeader('A'.repeat(100) + '.COM'), ('a'.repeat(75) + '.com'));
  assert.equal(hostFromHeader('[::1]:80'), '[');
});

test('HTTP: URLs are capped at 255 characters as ndpiReader reports them', () => {
  const sim = run(HTTP, [{ c: `GET /${'x'.repeat(400)} HTTP/1.1\r\nHost: h\r\n\r\n` }]);
  assert.equal(sim.state.http?.url?.length, 255);
});

test('RTSP: a request line ending RTSP/1.0 is RTSP; a reply from the other side also is', () => {
  assert.deepEqual(run(RTSP, [{ c: 'OPTIONS rtsp://10.2.2.2:8554/x RTSP/1.0\r\nCSeq: 1\r\n\r\n' }]).verdicts[0], {});
  const sim = run(RTSP, [{ c: 'something unknown' }, { s: 'RTSP/1.0 200 OK\r\nCSeq: 1\r\n' }]);
  assert.deepEqual(sim.verdicts, ['maybe', {}]);
  assert.equal(last(run(RTSP, [{ c: 'aaa' }, { c: 'bbb' }, { c: 'ccc' }], { transport: 'tcp' })), 'no');
});

test('SIP: requests and status lines, upper or lower case, behind an optional TURN prefix', () => {
  assert.deepEqual(run(SIP, [{ c: 'REGISTER sip:example.com SIP/2.0\r\n' }]).verdicts[0], {});
  assert.deepEqual(run(SIP, [{ s: 'SIP/2.0 200 OK\r\nVia: x\r\n' }]).verdicts[0], {});
  assert.deepEqual(run(SIP, [{ c: 'invite sip:bob@x SIP/2.0\r\n' }]).verdicts[0], {});
  const body = bytes('OPTIONS sip:a@b SIP/2.0\r\n');
  assert.deepEqual(run(SIP, [{ c: [0x40, 0x00, 0x00, body.length, ...body] }]).verdicts[0], {});
  assert.equal(run(SIP, [{ c: 'Invite sip:x SIP/2.0' }], { transport: 'tcp' }).verdicts[0], 'no', 'mixed case is not SIP');
  const udp = run(SIP, Array.from({ length: 7 }, () => ({ c: 'hello' })), { transport: 'udp' });
  assert.equal(last(udp), 'no', 'gives up after 5 packets');
});

test('RTP and RTCP: one packet each, with the RTCP section chain checked', () => {
  const rtp = [0x80, 0x08, 0x00, 0x10, 0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3];
  assert.deepEqual(run(RTP, [{ c: rtp }], { clientPort: 30000, serverPort: 40392 }).verdicts[0], {});
  assert.equal(run(RTP, [{ c: rtp }], { clientPort: 30000, serverPort: 53 }).verdicts[0], 'no', 'low destination port');
  assert.equal(run(RTP, [{ c: rtp }], { clientPort: 30303, serverPort: 40000 }).verdicts[0], 'no');
  const rtcp = [0x80, 0xc8, 0x00, 0x01, 1, 2, 3, 4];
  assert.equal(run(RTP, [{ c: rtcp.concat(0, 0, 0, 0) }], { serverPort: 40393 }).verdicts[0], 'no', 'RTCP types are not RTP');
  assert.deepEqual(run(RTCP, [{ c: rtcp }], { serverPort: 40393 }).verdicts[0], {});
  assert.equal(run(RTCP, [{ c: [0x80, 0xc8, 0x00, 0x05, 1, 2] }]).verdicts[0], 'no', 'section longer than the packet');
  assert.equal(run(RTCP, [{ c: [0x80, 0xc8] }]).verdicts[0], 'no');
  assert.equal(run(RTCP, [{ c: [0x90, 0x00, 0x00, 0x00] }]).verdicts[0], 'maybe');
});

test('SMTP: three distinct commands or replies; the host is the greeting name', () => {
  const sim = run(SMTP, [
    { s: '220 pigeon.eyrie.af.mil ESMTP Sendmail 8.8.7\r\n' },
    { c: 'EHLO delta.peach.mil\r\n' },
    { s: '500 Command unrecognized\r\n' },
    { c: 'HELO delta.peach.mil\r\n' },
    { s: '250 (delta.peach.mil) pleased to meet you.\r\n' },
  ]);
  assert.deepEqual(sim.verdicts, ['maybe', 'maybe', 'maybe', 'maybe', { host: 'pigeon.eyrie.af.mil' }]);
  const bare = run(SMTP, [{ s: '220 onlyname\r\n' }, { c: 'HELO x\r\n' }, { s: '250 ok\r\n' }]);
  assert.deepEqual(last(bare), {}, 'no host without text after the name');
  assert.equal(run(SMTP, [{ c: [0xff, 0x00, 0x01, 0x02, 0x03] }]).verdicts[0], 'no');
});

test('IMAP: tagged commands and replies; detected at LOGIN with a user name', () => {
  const sim = run(IMAP, [
    { s: '* OK IMAP4Rev1 Server Version 4.9\r\n' },
    { c: 'C00000 CAPABILITY\r\n' },
    { s: '* CAPABILITY IMAP4rev1 IDLE AUTH=LOGIN\r\n' },
    { s: 'C00000 OK CAPABILITY completed\r\n' },
    { c: 'C00001 LOGIN samir pfres\r\n' },
  ]);
  assert.deepEqual(sim.verdicts, ['maybe', 'maybe', 'maybe', 'maybe', {}]);
  assert.equal(run(IMAP, [{ c: 'GET / HTTP/1.1\r\n' }]).verdicts[0], 'no');
  assert.equal(run(IMAP, [{ c: '!!bad tag\r\n' }]).verdicts[0], 'no');
  assert.equal(run(IMAP, [{ c: 'a' }]).verdicts[0], 'no');
});

test('POP3: replies plus distinct commands', () => {
  const sim = run(POP3, [
    { s: '+OK POP server ready\r\n' },
    { c: 'user someone@mail.com\r\n' },
    { s: '+OK password required\r\n' },
  ]);
  assert.deepEqual(sim.verdicts, ['maybe', 'maybe', {}]);
  assert.equal(run(POP3, [{ c: [0x00, 0x01, 0x02, 0x03, 0x04, 0x05] }]).verdicts[0], 'no');
});

test('FTP_CONTROL: command, reply, and a password before labelling; never on port 25', () => {
  const ok = run(FTP_CONTROL, [{ s: '220 welcome\r\n' }, { c: 'USER anna\r\n' }, { s: '331 pw\r\n' }, { c: 'PASS secret\r\n' }, { s: '230 in\r\n' }]);
  assert.deepEqual(last(ok), {});
  const empty = run(FTP_CONTROL, [{ c: 'USER hello\r\n' }, { s: '331 pw\r\n' }, { c: 'PASS \r\n' }, { s: '530 no\r\n' }]);
  assert.ok(!detected(empty), 'an empty password never labels the flow');
  assert.equal(run(FTP_CONTROL, [{ c: 'USER x\r\n' }], { serverPort: 25 }).verdicts[0], 'no');
  const long = run(FTP_CONTROL, Array.from({ length: 10 }, () => ({ c: 'zzz' })));
  assert.equal(last(long), 'no');
});

test('Whois-DAS: a host-name query on port 43 names the flow; server text alone does not', () => {
  assert.deepEqual(run(WHOIS_DAS, [{ c: 'Example.com\r\n' }], { serverPort: 43 }).verdicts[0], { host: 'example.com' });
  assert.equal(run(WHOIS_DAS, [{ s: '   Domain Name: X.COM\r\n' }], { serverPort: 43 }).verdicts[0], 'no');
  assert.equal(run(WHOIS_DAS, [{ c: [0x16, 0x03, 0x01, 0x0d, 0x0a] }], { serverPort: 4343 }).verdicts[0], 'no');
  assert.equal(run(WHOIS_DAS, [{ c: 'example.com\r\n' }], { serverPort: 80 }).verdicts[0], 'no');
  assert.equal(run(WHOIS_DAS, [{ c: '\r\n' }], { serverPort: 43 }).verdicts[0], 'no');
});

test('AJP: magic, length and packet code', () => {
  assert.deepEqual(run(AJP, [{ c: [0x12, 0x34, 0x00, 0x10, 0x02, 0x00] }]).verdicts[0], {});
  assert.deepEqual(run(AJP, [{ s: [0x41, 0x42, 0x00, 0x03, 0x04] }]).verdicts[0], {});
  assert.equal(run(AJP, [{ c: [0x12, 0x34, 0x00, 0x00, 0x02] }]).verdicts[0], 'no', 'zero length');
  assert.equal(run(AJP, [{ c: [0x12, 0x34, 0x00, 0x10, 0x03] }]).verdicts[0], 'no', 'response code towards the container');
  assert.equal(run(AJP, [{ c: [0x12, 0x34] }]).verdicts[0], 'no');
});

test('Z39.50: four well-formed PDUs, traffic both ways', () => {
  // PDU tag 20 (initRequest, constructed) and six primitive elements of 1 byte each.
  const pdu = [0xb4, 18, ...Array.from({ length: 6 }, (_, i) => [0x80 + i, 1, 0x00]).flat()];
  const sim = run(Z3950, [{ c: pdu }, { s: pdu }, { c: pdu }, { s: pdu }]);
  assert.deepEqual(sim.verdicts, ['maybe', 'maybe', 'maybe', {}]);
  const oneWay = run(Z3950, [{ c: pdu }, { c: pdu }, { c: pdu }, { c: pdu }]);
  assert.equal(last(oneWay), 'no');
  assert.equal(run(Z3950, [{ c: [0x01, 0x02, 0x03, 0x04, 0x05, 0x06] }]).verdicts[0], 'no');
  assert.equal(run(Z3950, [{ c: [0xb4, 0x05, 0x80, 0x7f, 0x00, 0x00] }]).verdicts[0], 'no', 'element longer than the packet');
});

test('Telnet: the third option-negotiation packet', () => {
  const iac = [0xff, 0xfd, 0x18, 0xff, 0xfd, 0x20];
  assert.deepEqual(run(TELNET, [{ s: iac }, { c: iac }, { s: iac }]).verdicts, ['maybe', 'maybe', {}]);
  assert.equal(last(run(TELNET, Array.from({ length: 6 }, () => ({ c: 'text' })))), 'no');
  assert.equal(run(TELNET, [{ c: [0xff, 0xff, 0x00] }]).verdicts[0], 'maybe', 'not negotiation, but too early to give up');
});

test('text family: hostile payloads never throw and only give valid verdicts', () => {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) & 0xff;
  const seeds = [
    'GET / HTTP/1.1\r\nHost:', 'HTTP/1.', 'HTTP/1.1 2', '220 ', '* OK', 'C1 LOGIN', '+OK', 'USER', 'RTSP/1.0 ',
    'REGISTER sip:', '\r\n', 'Host: \r\n', 'Content-Type:\r\n', '', ' ',
  ].map(bytes);
  for (const d of TEXT_DISSECTORS) {
    for (let round = 0; round < 300; round++) {
      const packets: Packet[] = [];
      for (let i = 0; i < 1 + (round % 12); i++) {
        const base = seeds[(round + i) % seeds.length]!;
        const extra = Array.from({ length: rand() % 40 }, rand);
        const payload = round % 3 === 0 ? extra : [...base, ...extra];
        packets.push(i % 2 ? { s: payload } : { c: payload });
      }
      for (const transport of d.transports) {
        const sim = run(d, packets, { transport, clientPort: 1024 + round, serverPort: d.ports?.[round % d.ports.length] ?? 5000 });
        for (const v of sim.verdicts) assert.ok(v === 'no' || v === 'maybe' || typeof v === 'object', `${d.protocol}: ${String(v)}`);
      }
    }
  }
});

test('HTTP: the response media type sets nDPI\'s content category', () => {
  assert.equal(categoryFromContentType('video/mp4'), 'Media');
  assert.equal(categoryFromContentType('audio/mpeg'), 'Media');
  assert.equal(categoryFromContentType('application/java-vm'), 'Download');
  assert.equal(categoryFromContentType('application/octet-stream'), 'Download');
  assert.equal(categoryFromContentType('application/mpeg'), 'Streaming');
  assert.equal(categoryFromContentType('application/json'), undefined);
  assert.equal(categoryFromContentType('image/jpeg'), undefined);
  assert.equal(categoryFromContentType(''), undefined);
  const sim = run(HTTP, [{ c: 'GET /a HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n' }, { s: 'HTTP/1.1 206 Partial\r\nContent-Type: video/mp4\r\n\r\n' }]);
  assert.equal(sim.state.category, 'Media');
});
