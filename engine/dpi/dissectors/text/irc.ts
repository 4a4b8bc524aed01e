/**
 * IRC as nDPI 4.2 finds it, on any TCP port, within the flow's first ten payload packets
 * (after the tenth it is ruled out; before that it never says no). Only packets of at
 * least 8 bytes ending in LF (or LF NUL) count:
 * - a packet starting with one of the words USER, NICK, PASS, PONG, PING, JOIN, MODE
 *   (each followed by a space), NOTICE, PRIVMSG, VERSION (with a space), or a ':' prefix
 *   followed by NOTICE or PRIVMSG within its first two lines, is a sign; the third sign
 *   decides, and so does one sign whose packet has a later line starting "NICK " or
 *   "USER " (a client's usual "NICK x / USER x" login packet);
 * - packets starting with ':' add their lines that start with ':' to a counter (3 bits
 *   wide in nDPI, so it wraps after 7) and the 7th such line decides: a server's welcome
 *   burst.
 * Off port 194, lines are only found between CR LFs (see ircLines), so IRC with Unix line
 * breaks is only found there by three signs.
 * After the first sign, a packet starting "interface=" with a nick=/nickname= pair, or
 * "item=" with "cmd=", also decides (nDPI's web-chat login rule).
 * Before all that, nDPI's guesses from TLS packet sizes (irc-sizes.ts) may decide.
 * Not imitated: the "POST" to an irc.* URL of web chats, and DCC port tracking after
 * detection.
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { ircSizeRules, newIrcSizeState, type IrcSizeState } from './irc-sizes';
import { matchExact, payloadPacketCount, scratch, splitLines, type Line } from './util';

const IRC_PORT = 194;
const MAX_PACKETS = 10;
const MIN_BYTES = 8;
const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SIGN_WORDS = ['USER ', 'NICK ', 'PASS ', 'PONG ', 'PING ', 'JOIN ', 'MODE ', 'NOTICE ', 'PRIVMSG ', 'VERSION '];
const SIGNS_TO_DECIDE = 3;
const COLON_LINES_TO_DECIDE = 7;

interface IrcState {
  /** Signs seen (nDPI's irc_stage, 0 to 2). */
  signs: number;
  /** Lines starting with ':' seen, modulo 8 (nDPI's 3-bit irc_3a_counter). */
  colonLines: number;
  sizes: IrcSizeState;
}

/**
 * Lines the way nDPI splits this packet. IRC asks for CR LF lines when the packet ends with
 * CR LF, else for LF lines; but nDPI splits a packet once and keeps that split, and on
 * a port other than IRC's 194 an earlier dissector has already split it on CR LF, so a
 * packet of LF-only lines has no lines at all there. On 194 IRC runs first (the port's
 * dissector is tried first) and gets the split it asks for.
 */
function ircLines(p: Uint8Array, onIrcPort: boolean): Line[] {
  if (!onIrcPort || p[p.length - 2] === CR) return splitLines(p);
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < p.length && lines.length < 64; i++) {
    if (p[i] !== LF) continue;
    lines.push({ start, end: i > 0 && p[i - 1] === CR ? i - 1 : i });
    start = i + 1;
  }
  return lines;
}

/**
 * "NOTICE " or "PRIVMSG " before the second LF. nDPI looks for an 'N' or a 'P' followed by
 * either tail, so "POTICE " and "NRIVMSG " count too; its scan stops 7 bytes short of the end.
 */
function hasNoticeOrPrivmsg(p: Uint8Array): boolean {
  let newlines = 0;
  for (let i = 0; i < p.length - 7; i++) {
    const initial = p[i] === 0x4e || p[i] === 0x50; // 'N' | 'P'
    if (initial && (matchExact(p, i + 1, 'OTICE ') || matchExact(p, i + 1, 'RIVMSG '))) return true;
    if (p[i] === LF && ++newlines === 2) return false;
  }
  return false;
}

/** True when the packet starts with one of nDPI's IRC words. */
export function isIrcSign(p: Uint8Array): boolean {
  if (p[0] === COLON && hasNoticeOrPrivmsg(p)) return true;
  return SIGN_WORDS.some((w) => matchExact(p, 0, w));
}

/** A later line (not the first) starting "NICK " or "USER ". */
function hasLoginLine(p: Uint8Array, onIrcPort: boolean): boolean {
  return ircLines(p, onIrcPort).slice(1).some((l) => l.end - l.start > 4 && (matchExact(p, l.start, 'NICK ') || matchExact(p, l.start, 'USER ')));
}

/** nDPI's web-chat rule: "interface=" with a nick, or "item=" with a "cmd=". */
function isWebChatLogin(p: Uint8Array): boolean {
  const search = (from: number, until: number, test: (i: number) => boolean) => {
    for (let i = from; i < until; i++) if (test(i)) return true;
    return false;
  };
  if (p.length > 10 && matchExact(p, 0, 'interface=')) {
    const nick = (i: number) =>
      (p[i]! & 0xdf) === 0x4e &&
      (matchExact(p, i + 1, 'ick=') || matchExact(p, i + 1, 'ickname=') || matchExact(p, i + 1, 'ickName='));
    if (search(0, p.length - 4, nick)) return true;
  }
  return p.length > 5 && matchExact(p, 0, 'item=') && search(0, p.length - 4, (i) => matchExact(p, i, 'cmd='));
}

function endsLikeIrc(p: Uint8Array): boolean {
  return p[p.length - 1] === LF || (p[p.length - 2] === LF && p[p.length - 1] === 0);
}

export const IRC: Dissector = {
  protocol: 'IRC',
  transports: ['tcp'],
  ports: [IRC_PORT],
  inspect(ctx: DissectorContext): Verdict {
    if (payloadPacketCount(ctx) > MAX_PACKETS) return 'no';
    const p = ctx.payload;
    const s = scratch<IrcState>(ctx, 'IRC', () => ({ signs: 0, colonLines: 0, sizes: newIrcSizeState() }));
    const onIrcPort = ctx.srcPort === IRC_PORT || ctx.dstPort === IRC_PORT;
    // nDPI tries its TLS size rules first; a packet they take is not read as text.
    const sized = ircSizeRules(s.sizes, p, ctx.fromClient);
    if (sized === 'detected') return {};
    if (sized === 'consumed') return 'maybe';
    if (p.length >= MIN_BYTES && endsLikeIrc(p)) {
      if (p[0] === COLON) {
        // A packet ending in LF NUL counts once, whatever its lines.
        const lines = p[p.length - 1] === LF ? ircLines(p, onIrcPort) : [{ start: 0, end: 1 }];
        for (const l of lines) {
          if (l.end > l.start && p[l.start] === COLON) {
            s.colonLines = (s.colonLines + 1) & 7;
            if (s.colonLines === COLON_LINES_TO_DECIDE) return {};
          }
        }
      }
      if (isIrcSign(p)) {
        if (s.signs === SIGNS_TO_DECIDE - 1) return {};
        s.signs++;
        if (p[p.length - 1] === LF && hasLoginLine(p, onIrcPort)) return {};
      }
    }
    if (s.signs === 1 && isWebChatLogin(p)) return {};
    return 'maybe';
  },
};
