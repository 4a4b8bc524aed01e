import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { endsWithCrlf, matchCI, matchExact, payloadPacketCount, scratch, splitLines, text, type Line } from './util';

/**
 * SMTP as nDPI 4.2 finds it: across CR LF-terminated packets it collects distinct server
 * replies (220, 250, 235, 334, 354) and client commands (HELO/EHLO, MAIL, RCPT, AUTH,
 * STARTTLS, DATA, NOOP, RSET); three distinct ones make SMTP. The host name is the first
 * word of the 220 greeting (when more text follows it).
 */

const BIT = {
  r220: 1 << 0, r250: 1 << 1, r235: 1 << 2, r334: 1 << 3, r354: 1 << 4,
  helo: 1 << 5, mail: 1 << 6, rcpt: 1 << 7, auth: 1 << 8, starttls: 1 << 9,
  data: 1 << 10, noop: 1 << 11, rset: 1 << 12,
} as const;

interface SmtpScratch {
  bits: number;
  host: string | undefined;
  authFound: boolean;
  /** Credential lines seen after AUTH (user, password). */
  authLines: number;
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

/** The server name of a "220 name more..." greeting, or undefined. */
export function greetingHost(p: Uint8Array, line: Line): string | undefined {
  const len = line.end - line.start;
  if (len <= 4 || p[line.start + 4] === 0x28 /* ( */) return undefined;
  let i = 5;
  while (i < len - 1 && p[line.start + i] !== 0x20) i++;
  const next = p[line.start + i + 1];
  if (next === undefined || next === 0x0d || next === 0x0a) return undefined;
  return text(p, line.start + 4, line.start + i);
}

/** Reads one line; returns false when the flow must be excluded (credentials exhausted). */
function readLine(p: Uint8Array, line: Line, s: SmtpScratch): boolean {
  const len = line.end - line.start;
  const at = line.start;
  if (len >= 3) {
    if (matchExact(p, at, '220')) {
      s.bits |= BIT.r220;
      if (s.host === undefined) s.host = greetingHost(p, line);
    } else if (matchExact(p, at, '250')) s.bits |= BIT.r250;
    else if (matchExact(p, at, '235')) s.bits |= BIT.r235;
    else if (matchExact(p, at, '334')) s.bits |= BIT.r334;
    else if (matchExact(p, at, '354')) s.bits |= BIT.r354;
  }
  if (len >= 5) {
    if ((matchCI(p, at, 'HELO') || matchCI(p, at, 'EHLO')) && p[at + 4] === 0x20) {
      s.bits |= BIT.helo;
      s.authFound = false;
    } else if (matchCI(p, at, 'MAIL ')) {
      s.bits |= BIT.mail;
      s.authFound = false;
    } else if (matchCI(p, at, 'RCPT ')) {
      s.bits |= BIT.rcpt;
      s.authFound = false;
    } else if (matchCI(p, at, 'AUTH ')) {
      s.bits |= BIT.auth;
      s.authFound = true;
    } else if (p[at + 3] !== 0x20 && s.authFound) {
      s.authLines++;
      if (s.authLines > 2) return false;
    }
  }
  if (len >= 8 && matchCI(p, at, 'STARTTLS')) s.bits |= BIT.starttls;
  if (len >= 4) {
    if (matchCI(p, at, 'DATA')) s.bits |= BIT.data;
    else if (matchCI(p, at, 'NOOP')) s.bits |= BIT.noop;
    else if (matchCI(p, at, 'RSET')) s.bits |= BIT.rset;
  }
  return true;
}

export const SMTP: Dissector = {
  protocol: 'SMTP',
  transports: ['tcp'],
  ports: [25, 587],
  inspect(ctx: DissectorContext): Verdict {
    const p = ctx.payload;
    const count = payloadPacketCount(ctx);
    const s = scratch<SmtpScratch>(ctx, 'SMTP', () => ({ bits: 0, host: undefined, authFound: false, authLines: 0 }));
    if (p.length > 2 && endsWithCrlf(p)) {
      for (const line of splitLines(p)) {
        if (!readLine(p, line, s)) return 'no';
      }
      const bits = popcount(s.bits);
      if (bits >= 3) return s.host !== undefined && s.host.length > 0 ? { host: s.host } : {};
      if (bits >= 1 && count < 12) return 'maybe';
    }
    if (count <= 4 && p.length >= 4 && (endsWithCrlf(p) || matchExact(p, 0, '220') || matchExact(p, 0, 'EHLO'))) return 'maybe';
    return 'no';
  },
};
