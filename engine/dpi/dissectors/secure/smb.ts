/**
 * SMB directly over TCP port 445 (a 4-byte NetBIOS session header, then the SMB header),
 * as nDPI 4.2 labels it: "NetBIOS.SMBv1" for "\xffSMB", "NetBIOS.SMBv23" for "\xfeSMB".
 *
 * The dissector's protocol is "NetBIOS" (the master of both labels), a name it shares with
 * the naming family's NetBIOS dissector; the detector excludes by protocol name, so this
 * one never answers 'no' off port 445, where it would rule NetBIOS out for the flow.
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { scratchOf, u8 } from './bytes';
import { smbRisks } from '../../risks/smb';

const PROTOCOL = 'NetBIOS';
const SMB_PORT = 445;

/** 'SMBv1', 'SMBv23', or undefined for a payload that is not a session message with an SMB header. */
export function smbVersion(p: Uint8Array): 'SMBv1' | 'SMBv23' | undefined {
  if (p.length < 8 || p[0] !== 0x00) return undefined;
  if (u8(p, 5) !== 0x53 || u8(p, 6) !== 0x4d || u8(p, 7) !== 0x42) return undefined;
  if (p[4] === 0xff) return 'SMBv1';
  if (p[4] === 0xfe) return 'SMBv23';
  return undefined;
}

export const smbDissector: Dissector = {
  protocol: PROTOCOL,
  transports: ['tcp'],
  ports: [SMB_PORT],
  inspect(ctx: DissectorContext): Verdict {
    if (ctx.srcPort !== SMB_PORT && ctx.dstPort !== SMB_PORT) return 'maybe';
    const version = smbVersion(ctx.payload);
    if (version) {
      smbRisks(ctx.state, version, ctx.payload);
      return { app: version };
    }
    const s = scratchOf<{ seen: number }>(ctx.state.scratch, 'SMB', () => ({ seen: 0 }));
    return ++s.seen >= 4 ? 'no' : 'maybe';
  },
};
