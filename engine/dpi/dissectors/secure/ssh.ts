/**
 * SSH as nDPI 4.2 labels it: the flow is SSH once a side sends an "SSH-x.y-..." banner.
 * nDPI calls the side that sent the first banner the client (usually the real server,
 * which speaks first): that banner is the flow's host name as ndpiReader reports it, the
 * other its server info. The dissector then reads each side's KEXINIT (reassembled across TCP
 * segments) for the HASSH fingerprints (these by the real roles: the connecting side's is
 * the client HASSH): MD5 of the key-exchange, cipher, MAC and
 * compression name-lists of that side's direction, printed in uppercase hex like nDPI.
 */
import { sshBannerRisks } from '../../risks/ssh';
import { createHash } from 'node:crypto';
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import type { SshDetails } from '../../l7-state';
import { concat, latin1, scratchOf, startsWith, u32, u8 } from './bytes';

const PROTOCOL = 'SSH';
const MAX_BUFFER = 64 * 1024;
const MAX_BANNER = 255;

interface Side {
  banner?: string;
  /** Bytes after the banner, until the KEXINIT is read. */
  buffer: Uint8Array;
  hassh?: string;
}

interface SshScratch {
  sides: [Side, Side];
  /** Which direction (true = client) sent the first banner: nDPI calls that side the client. */
  firstFromClient?: boolean;
  detected: boolean;
  packets: number;
}

/** The banner line at the start of a payload ("SSH-2.0-..."), and where the line ends. */
function readBanner(b: Uint8Array): { text: string; next: number } | undefined {
  if (!startsWith(b, 'SSH-')) return undefined;
  const limit = Math.min(b.length, MAX_BANNER);
  for (let i = 4; i < limit; i++) {
    if (b[i] === 0x0a) {
      const end = i > 0 && b[i - 1] === 0x0d ? i - 1 : i;
      return { text: latin1(b.subarray(0, end)), next: i + 1 };
    }
  }
  return undefined;
}

/**
 * The HASSH string of a KEXINIT packet (binary packet: length, padding length, code 20,
 * cookie, ten name-lists): "kex;cipher;mac;compression" for the given direction.
 * Returns undefined while the packet is incomplete or when it is not a KEXINIT.
 */
export function hasshOfKexinit(b: Uint8Array, clientToServer: boolean): string | undefined | null {
  const packetLen = u32(b, 0);
  if (packetLen < 0) return undefined;
  if (packetLen > MAX_BUFFER) return null;
  if (4 + packetLen > b.length) return undefined;
  if (u8(b, 5) !== 20) return null;
  let p = 6 + 16;
  const lists: string[] = [];
  for (let i = 0; i < 10; i++) {
    const len = u32(b, p);
    if (len < 0 || p + 4 + len > 4 + packetLen) return null;
    lists.push(latin1(b.subarray(p + 4, p + 4 + len)));
    p += 4 + len;
  }
  const pick = clientToServer ? [0, 2, 4, 6] : [0, 3, 5, 7];
  return pick.map((i) => lists[i]).join(';');
}

const md5Upper = (s: string) => createHash('md5').update(s).digest('hex').toUpperCase();

function readKexinit(side: Side, fromClient: boolean, ssh: SshDetails): void {
  if (side.hassh !== undefined) return;
  const text = hasshOfKexinit(side.buffer, fromClient);
  if (text === undefined) {
    if (side.buffer.length > MAX_BUFFER) side.hassh = '';
    return;
  }
  side.hassh = text === null ? '' : md5Upper(text);
  side.buffer = new Uint8Array(0);
  if (side.hassh) {
    if (fromClient) ssh.hasshClient = side.hassh;
    else ssh.hasshServer = side.hassh;
  }
}

export const sshDissector: Dissector = {
  protocol: PROTOCOL,
  transports: ['tcp'],
  ports: [22],
  inspect(ctx: DissectorContext): Verdict {
    const s = scratchOf<SshScratch>(ctx.state.scratch, PROTOCOL, () => ({ sides: [{ buffer: new Uint8Array(0) }, { buffer: new Uint8Array(0) }], detected: false, packets: 0 }));
    s.packets++;
    // nDPI names the sides by who spoke first, not by who opened the connection.
    const first = s.firstFromClient ?? ctx.fromClient;
    const asClient = ctx.fromClient === first;
    const side = s.sides[asClient ? 0 : 1];
    const ssh = (ctx.state.ssh ??= {});
    let rest = ctx.payload;
    if (side.banner === undefined) {
      const banner = readBanner(rest);
      if (!banner) {
        if (s.detected) return s.packets > 40 ? {} : 'maybe';
        // Another protocol, unless a banner could still be arriving in pieces.
        return startsWith(rest, 'SSH-') && rest.length < MAX_BANNER ? 'maybe' : 'no';
      }
      side.banner = banner.text;
      s.firstFromClient ??= ctx.fromClient;
      if (asClient) ssh.clientSignature = banner.text;
      else ssh.serverSignature = banner.text;
      sshBannerRisks(ctx.state, banner.text, asClient);
      rest = rest.subarray(banner.next);
    }
    if (side.hassh === undefined && rest.length) {
      side.buffer = concat(side.buffer, rest);
      readKexinit(side, ctx.fromClient, ssh);
    }
    const complete = s.sides[0].hassh !== undefined && s.sides[1].hassh !== undefined;
    if (!s.detected) {
      s.detected = true;
      const host = s.sides[0].banner;
      return host !== undefined ? { host, moreDetails: !complete } : { moreDetails: !complete };
    }
    if (complete || s.packets > 40) return {};
    return 'maybe';
  },
};
