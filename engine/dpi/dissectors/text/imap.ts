import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { endsWithCrlf, matchCI, payloadPacketCount, scratch } from './util';
import { RISK } from '../../risks/ids';
import { TextBuilder } from '../../util/latin1';

/**
 * IMAP as nDPI 4.2 finds it: CR LF-terminated lines "tag [number] COMMAND ..." whose
 * command or status is a known IMAP word each advance a stage; the flow is IMAP at
 * stage 3, 5 or 7 once a LOGIN user name was seen (or at stage 7 without one). After
 * STARTTLS is accepted the flow is left to TLS.
 */

/** IMAP words and the minimum bytes that must follow the command start, as nDPI checks them. */
const WORDS: readonly (readonly [string, number])[] = [
  ['OK ', 3], ['UID', 3], ['CAPABILITY', 10], ['STARTTLS', 8], ['LOGIN', 5], ['FETCH', 5], ['FLAGS', 5],
  ['CHECK', 5], ['STORE', 5], ['AUTHENTICATE', 12], ['NAMESPACE', 9], ['LSUB', 4], ['LIST', 4], ['NOOP', 4],
  ['IDLE', 4], ['SELECT', 6], ['EXISTS', 6], ['APPEND', 6],
];

interface ImapScratch {
  stage: number;
  /** 0 none, 1 STARTTLS asked, 2 STARTTLS accepted. */
  starttls: number;
  username: string;
}

function isTagChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2a || c === 0x2e;
}

/** Start of the command after the tag and an optional message number, or -1 when not IMAP-like. */
export function commandStart(p: Uint8Array): number {
  let spacePos = 0;
  let i = 0;
  while (i < 20 && i < p.length) {
    if (i > 0 && p[i] === 0x20) {
      spacePos = i;
      break;
    }
    if (!isTagChar(p[i]!)) return -1;
    i++;
  }
  if (spacePos === 0 || spacePos === p.length - 1) return -1;
  i++;
  if (i < p.length && p[i]! >= 0x30 && p[i]! <= 0x39) {
    spacePos = 0;
    while (i < 20 && i < p.length) {
      if (p[i] === 0x20) {
        spacePos = i;
        break;
      }
      if (!(p[i]! >= 0x30 && p[i]! <= 0x39)) return -1;
      i++;
    }
    if (spacePos === 0 || spacePos === p.length - 1) return -1;
  }
  return spacePos + 1;
}

const userBuilder = new TextBuilder();

/** The first argument of "LOGIN user ...", without quotes. */
function loginUser(p: Uint8Array, from: number): string {
  let i = from;
  while (i < p.length && p[i] === 0x20) i++;
  const out = userBuilder.reset();
  while (i < p.length && p[i] !== 0x20 && p[i] !== 0x0d && p[i] !== 0x0a && out.length < 64) {
    if (p[i] !== 0x22) out.push(p[i]!);
    i++;
  }
  return out.text();
}

export const IMAP: Dissector = {
  protocol: 'IMAP',
  transports: ['tcp'],
  ports: [143],
  inspect(ctx: DissectorContext): Verdict {
    const p = ctx.payload;
    const count = payloadPacketCount(ctx);
    const s = scratch<ImapScratch>(ctx, 'IMAP', () => ({ stage: 0, starttls: 0, username: '' }));
    if (s.starttls === 2) return 'no';
    let excluded = false;
    if (p.length >= 4 && endsWithCrlf(p)) {
      let saw = false;
      if (p.length === 6 && matchCI(p, 0, 'DONE')) {
        s.stage++;
        saw = true;
      } else {
        const start = commandStart(p);
        if (start < 0) excluded = true;
        else {
          for (const [word, need] of WORDS) {
            if (start + need < p.length && matchCI(p, start, word)) {
              s.stage++;
              saw = true;
              if (word === 'OK ' && s.starttls === 1) s.starttls = 2;
              if (word === 'STARTTLS') s.starttls = 1;
              if (word === 'LOGIN' && s.username === '') {
                s.username = loginUser(p, start + 5);
                // LOGIN sends the user name and password in clear text.
                if (s.username !== '') ctx.state.addRisk(RISK.CLEAR_TEXT_CREDENTIALS);
              }
              break;
            }
          }
        }
      }
      if (!excluded && saw && (s.stage === 3 || s.stage === 5 || s.stage === 7)) {
        return s.username !== '' || s.stage >= 7 ? {} : 'maybe';
      }
    }
    if (!excluded && p.length > 1 && p[p.length - 1] === 0x20) {
      s.stage = 4;
      return 'maybe';
    }
    if (p.length >= 2 && endsWithCrlf(p) && count < 6 && s.stage >= 1) return 'maybe';
    return 'no';
  },
};
