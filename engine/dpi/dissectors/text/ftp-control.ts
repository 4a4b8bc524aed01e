import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import type { L7State } from '../../l7-state';
import { matchExact, payloadPacketCount, scratch } from './util';
import { RISK } from '../../risks/ids';
import { latin1 } from '../../util/latin1';

/**
 * FTP control as nDPI 4.2 finds it, within 8 payload packets and never on port 25: a
 * known command, then a reply from the other side starting 1, 2, 3, 4, 5 or 6. The flow
 * is only labelled once a password was sent with PASS (or after AUTH was accepted);
 * otherwise the exchange starts over.
 */

const COMMANDS = [
  'ABOR', 'ACCT', 'ADAT', 'ALLO', 'APPE', 'CCC', 'CDUP', 'CONF', 'CWD', 'DELE', 'ENC', 'EPRT', 'EPSV', 'FEAT',
  'HELP', 'LANG', 'LIST', 'LPRT', 'LPSV', 'MDTM', 'MIC', 'MKD', 'MLSD', 'MLST', 'MODE', 'NLST', 'NOOP', 'OPTS',
  'PASV', 'PBSZ', 'PORT', 'PROT', 'PWD', 'QUIT', 'REIN', 'REST', 'RETR', 'RMD', 'RNFR', 'RNTO', 'SITE', 'SIZE',
  'SMNT', 'STAT', 'STOR', 'STOU', 'STRU', 'SYST', 'TYPE', 'XCUP', 'XMKD', 'XPWD', 'XRCP', 'XRMD', 'XRSQ', 'XSEM',
  'XSEN', 'HOST',
];
/** Lower-case forms nDPI also accepts (including "user" and "pass", which store nothing). */
const LOWER = [...COMMANDS.map((c) => c.toLowerCase()), 'user', 'pass'];

/**
 * Every accepted command (3 or 4 letters) as the number its bytes make, so that "does the
 * payload start with a command" is two set lookups instead of 120 comparisons: this runs
 * on the first payloads of every TCP flow that is not yet recognised.
 */
const COMMAND_KEYS = new Set([...COMMANDS, ...LOWER].map((c) => prefixKey(Uint8Array.from(c, (ch) => ch.charCodeAt(0)), c.length)));

/** The first `length` (3 or 4) bytes of `p` as one number; -1 when `p` is shorter. */
function prefixKey(p: Uint8Array, length: number): number {
  if (p.length < length) return -1;
  const three = (p[0]! << 16) | (p[1]! << 8) | p[2]!;
  return length === 3 ? three : three * 256 + p[3]!;
}

interface FtpScratch {
  /** 0 waiting for a command, else 1 + the direction (0 client, 1 server) of the command. */
  stage: number;
  password: string;
  authFound: boolean;
  authTls: boolean;
}

/** The argument after "CMD " up to the end of the line. */
function argument(p: Uint8Array): string {
  let end = 5;
  while (end < p.length && end < 5 + 63 && p[end] !== 0x0d && p[end] !== 0x0a && p[end] !== 0) end++;
  return latin1(p, 5, end);
}

/** Records a command; false when the payload is not one. */
function checkRequest(p: Uint8Array, s: FtpScratch, state: L7State): boolean {
  if (matchExact(p, 0, 'USER')) {
    // A user name or password in clear text, whether or not the login then succeeds.
    state.addRisk(RISK.CLEAR_TEXT_CREDENTIALS);
    return true;
  }
  if (matchExact(p, 0, 'PASS')) {
    s.password = argument(p);
    state.addRisk(RISK.CLEAR_TEXT_CREDENTIALS);
    return true;
  }
  if (matchExact(p, 0, 'AUTH') || matchExact(p, 0, 'auth')) {
    s.authFound = true;
    return true;
  }
  return COMMAND_KEYS.has(prefixKey(p, 3)) || COMMAND_KEYS.has(prefixKey(p, 4));
}

export const FTP_CONTROL: Dissector = {
  protocol: 'FTP_CONTROL',
  transports: ['tcp'],
  ports: [21],
  inspect(ctx: DissectorContext): Verdict {
    if (ctx.srcPort === 25 || ctx.dstPort === 25) return 'no';
    if (payloadPacketCount(ctx) > 8) return 'no';
    const p = ctx.payload;
    const s = scratch<FtpScratch>(ctx, 'FTP_CONTROL', () => ({ stage: 0, password: '', authFound: false, authTls: false }));
    const dir = ctx.fromClient ? 0 : 1;
    if (s.stage === 0) {
      if (p.length > 0 && checkRequest(p, s, ctx.state)) s.stage = dir + 1;
      return 'maybe';
    }
    if (s.stage - dir === 1) return 'maybe';
    const first = p[0];
    let reply = false;
    if (first === 0x31 || first === 0x32 || first === 0x33 || first === 0x36) {
      if (s.authFound) s.authTls = true;
      reply = true;
    } else if (first === 0x34 || first === 0x35) {
      reply = true;
    }
    if (reply && (s.password !== '' || s.authTls)) return {};
    s.stage = 0;
    return 'maybe';
  },
};
