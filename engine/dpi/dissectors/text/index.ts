import type { Dissector } from '../../dissector';
import { AJP } from './ajp';
import { FTP_CONTROL } from './ftp-control';
import { GIT } from './git';
import { HTTP } from './http';
import { IMAP } from './imap';
import { IRC } from './irc';
import { JABBER } from './jabber';
import { MEMCACHED } from './memcached';
import { NATS } from './nats';
import { POP3 } from './pop3';
import { REDIS } from './redis';
import { RTCP } from './rtcp';
import { RTP } from './rtp';
import { RTSP } from './rtsp';
import { SIP } from './sip';
import { SMTP } from './smtp';
import { SYSLOG } from './syslog';
import { TELNET } from './telnet';
import { VNC } from './vnc';
import { WHOIS_DAS } from './whois-das';
import { Z3950 } from './z3950';

/** The text family of dissectors, one module per protocol in this folder. */
export const TEXT_DISSECTORS: readonly Dissector[] = [
  HTTP, RTSP, SIP, SMTP, IMAP, POP3, FTP_CONTROL, WHOIS_DAS, AJP, Z3950, TELNET, RTCP, RTP,
  VNC, REDIS, NATS, SYSLOG,
  JABBER, MEMCACHED, GIT, IRC,
];
