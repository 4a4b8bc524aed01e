import { readCaptureFile } from '../engine/capture';

/** Packets in a capture, read with the project's own reader (for packets-per-second figures). */
export function countPackets(path: string): number {
  let packets = 0;
  readCaptureFile(path, { packet: () => packets++ });
  return packets;
}
