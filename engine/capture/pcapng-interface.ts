/**
 * Reads a pcapng Interface Description Block body: link type, snaplen and the options
 * that change how packets must be read (timestamp resolution and offset, FCS length),
 * plus the name and description a user recognises.
 */
import type { CaptureInterface } from './packet';
import type { CaptureIssueReason } from './issues';
import { TimestampSplitter } from './timestamp';

const OPT_END = 0;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;
const IF_FCSLEN = 13;
const IF_TSOFFSET = 14;

/** An interface as the packet loop needs it: its description plus a ready timestamp splitter. */
export interface PcapngInterface {
  info: CaptureInterface;
  splitter: TimestampSplitter;
}

export type OptionWarning = [reason: CaptureIssueReason, offset: number, message: string];

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * `pos` is the block start, `len` its validated total length. Problems in options are
 * returned as warnings; the interface is always usable (defaults fill the gaps).
 */
export function readInterfaceBlock(dv: DataView, bytes: Uint8Array, pos: number, len: number, le: boolean, base: number):
  { iface: PcapngInterface; warnings: OptionWarning[] } {
  const warnings: OptionWarning[] = [];
  const info: CaptureInterface = {
    linkType: dv.getUint16(pos + 8, le),
    snaplen: dv.getUint32(pos + 12, le),
    unitsPerSecond: 1e6,
    offsetSeconds: 0,
  };
  const optionsEnd = pos + len - 4;
  let o = pos + 16;
  while (optionsEnd - o >= 4) {
    const code = dv.getUint16(o, le);
    const length = dv.getUint16(o + 2, le);
    if (code === OPT_END) break;
    const value = o + 4;
    if (value + length > optionsEnd) {
      warnings.push(['bad-option', base + o,
        `interface option ${code} claims ${length} bytes but only ${optionsEnd - value} are left in its block; ignored it and the options after it`]);
      break;
    }
    switch (code) {
      case IF_NAME: info.name = utf8.decode(stripNul(bytes.subarray(value, value + length))); break;
      case IF_DESCRIPTION: info.description = utf8.decode(stripNul(bytes.subarray(value, value + length))); break;
      case IF_TSRESOL: {
        const units = length >= 1 ? unitsFromTsresol(bytes[value]!) : undefined;
        if (units === undefined) {
          warnings.push(['bad-timestamp-resolution', base + o,
            `interface declares timestamp resolution byte ${length >= 1 ? '0x' + bytes[value]!.toString(16) : '(missing)'}, which this reader cannot represent; used microseconds instead`]);
        } else {
          info.unitsPerSecond = units;
        }
        break;
      }
      case IF_FCSLEN: if (length >= 1) info.fcsLength = bytes[value]!; break;
      case IF_TSOFFSET: if (length >= 8) info.offsetSeconds = Number(dv.getBigInt64(value, le)); break;
      default: break;
    }
    o = value + ((length + 3) & ~3);
  }
  return { iface: { info, splitter: new TimestampSplitter(info.unitsPerSecond) }, warnings };
}

/**
 * if_tsresol: high bit clear means 10^-v seconds, set means 2^-(v & 0x7f). We accept up
 * to 10^-18 and 2^-63, beyond which a 64-bit timestamp covers less than 20 seconds.
 */
export function unitsFromTsresol(v: number): number | undefined {
  if ((v & 0x80) !== 0) {
    const exp = v & 0x7f;
    return exp <= 63 ? 2 ** exp : undefined;
  }
  return v <= 18 ? 10 ** v : undefined;
}

function stripNul(bytes: Uint8Array): Uint8Array {
  let n = bytes.length;
  while (n > 0 && bytes[n - 1] === 0) n -= 1;
  return bytes.subarray(0, n);
}
