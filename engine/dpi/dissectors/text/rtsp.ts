import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { headerValue, matchExact, payloadPacketCount, scratch, splitLines, type Line } from './util';

/**
 * RTSP as nDPI 4.2 finds it: a first line ending "RTSP/1.0", or an Accept/Content-Type
 * of "application/x-rtsp-tunnelled"; failing that, a reply from the other side that
 * starts "RTSP/1.0 " or carries "rtsp://" in its first 31 bytes. On UDP the flow stays
 * open while RTP or RTCP may still claim it.
 */

const TUNNELLED = 'application/x-rtsp-tunnelled';

function lineEnds(p: Uint8Array, line: Line | undefined, suffix: string): boolean {
  if (!line || line.end - line.start < suffix.length) return false;
  return matchExact(p, line.end - suffix.length, suffix);
}

/** True when "rtsp://" occurs in the first 31 bytes, before any NUL byte. */
function rtspUrlNearStart(p: Uint8Array): boolean {
  let end = Math.min(p.length, 31);
  const nul = p.subarray(0, end).indexOf(0);
  if (nul >= 0) end = nul;
  for (let i = 0; i + 7 <= end; i++) if (matchExact(p, i, 'rtsp://')) return true;
  return false;
}

/** True when the dissector named `protocol` already ruled itself out for this flow. */
function isExcluded(ctx: DissectorContext, protocol: string): boolean {
  return ctx.state.isExcluded(protocol);
}

interface RtspScratch {
  /** 0 before the first packet, else 1 + the direction (0 client, 1 server) of the first one. */
  stage: number;
}

export const RTSP: Dissector = {
  protocol: 'RTSP',
  transports: ['tcp', 'udp'],
  ports: [554, 8554],
  inspect(ctx: DissectorContext): Verdict {
    const p = ctx.payload;
    const count = payloadPacketCount(ctx);
    const lines = splitLines(p);
    if (lines.length > 0) {
      if (lineEnds(p, lines[0], 'RTSP/1.0')) return {};
      for (const line of lines) {
        if (lineEnds(p, headerValue(p, line, 'Accept'), TUNNELLED) || lineEnds(p, headerValue(p, line, 'Content-Type'), TUNNELLED)) return {};
      }
    }
    const s = scratch<RtspScratch>(ctx, 'RTSP', () => ({ stage: 0 }));
    const dir = ctx.fromClient ? 0 : 1;
    if (s.stage === 0) {
      s.stage = 1 + dir;
      return 'maybe';
    }
    if (count < 3 && s.stage === 1 + dir) return 'maybe';
    if (p.length > 20 && s.stage === 2 - dir) {
      if (matchExact(p, 0, 'RTSP/1.0 ') || rtspUrlNearStart(p)) return {};
    }
    if (ctx.transport === 'udp' && !(isExcluded(ctx, 'RTP') && isExcluded(ctx, 'RTCP'))) return 'maybe';
    return 'no';
  },
};
