/**
 * A large capture for the Cancel test, written with the project's own capture writer: the
 * sample capture's packets `copies` times over, each copy an hour later so that every copy
 * makes new flows (and new hook calls).
 */
import { writeFileSync } from 'node:fs';
import { copyPacket, PcapWriter, readCaptureFile, type CapturedPacket } from '../engine/capture';

export function writeLargeCapture(sample: string, out: string, copies: number): number {
  const packets: CapturedPacket[] = [];
  readCaptureFile(sample, { packet: (p) => packets.push(copyPacket(p)) });
  const writer = new PcapWriter({ linkType: packets[0]!.linkType });
  for (let copy = 0; copy < copies; copy++) for (const p of packets) writer.packet({ ...p, sec: p.sec + copy * 3600 });
  writeFileSync(out, writer.toBytes());
  return packets.length * copies;
}
