// Seeded, deterministic fuzzing of decodePacket with mutations of real packets from the
// shared captures: bit flips, truncations, length fields forced to 0/0xffff/random, random
// header bytes, other link types, lying capturedLength. For every mutant:
// - decodePacket never throws and returns null or a known skip reason;
// - every offset it reports lies within the captured bytes;
// - it never looks past capturedLength: the same mutant decoded again inside a larger
//   buffer whose extra bytes are random garbage must give the identical result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameBytes, readCaptureFile } from '../../engine/capture';
import type { CapturedPacket } from '../../engine/capture/packet';
import {
  decodePacket, hasIpKey, newDecodedPacket, DECODE_SKIP_REASONS, SUPPORTED_LINK_TYPES,
  type DecodedPacket, type DecodeSkipReason,
} from '../../engine/decode';
import { SHARED_CAPTURES, sharedCapturePath } from '../support/shared-pcaps';
import { captured } from '../support/packet-builders';

const MUTANTS = 30_000;
const SEED = 0x5eed_dec0;
/** Seed packets kept per capture: small captures whole, big ones sampled evenly. */
const SEEDS_PER_CAPTURE = 60;

/** mulberry32: tiny, fast, good enough for fuzzing, and the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Seed {
  linkType: number;
  bytes: Uint8Array;
}

function collectSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const name of SHARED_CAPTURES) {
    const all: Seed[] = [];
    readCaptureFile(sharedCapturePath(name), {
      packet: (p) => all.push({ linkType: p.linkType, bytes: frameBytes(p) }),
    });
    const step = Math.max(1, Math.floor(all.length / SEEDS_PER_CAPTURE));
    for (let i = 0; i < all.length; i += step) seeds.push(all[i]);
  }
  return seeds;
}

/** The fields of a DecodedPacket as one comparable string. */
function snapshot(reason: DecodeSkipReason | null, d: DecodedPacket): string {
  return JSON.stringify([reason, d]);
}

function checkOffsets(reason: DecodeSkipReason | null, d: DecodedPacket, end: number, where: string): void {
  assert.ok(reason === null || DECODE_SKIP_REASONS.includes(reason), `${where}: unknown result ${reason}`);
  assert.ok(d.vlan >= 0 && d.vlan <= 0x0fff, `${where}: vlan ${d.vlan}`);
  assert.ok(d.carriedOffset === -1 || (d.carriedOffset >= 0 && d.carriedOffset + 40 <= end), `${where}: carriedOffset`);
  if (!hasIpKey(reason)) return;
  const addressLength = d.ipVersion === 4 ? 4 : 16;
  assert.ok(d.ipOffset >= 0 && d.ipOffset < end, `${where}: ipOffset ${d.ipOffset} of ${end}`);
  assert.ok(d.outerIpOffset >= 0 && d.outerIpOffset <= d.ipOffset, `${where}: outerIpOffset`);
  assert.ok(d.srcAddrOffset > d.ipOffset && d.srcAddrOffset + addressLength <= end, `${where}: srcAddrOffset`);
  assert.ok(d.dstAddrOffset > d.ipOffset && d.dstAddrOffset + addressLength <= end, `${where}: dstAddrOffset`);
  assert.ok(d.l4Offset > d.ipOffset && d.l4Offset <= end, `${where}: l4Offset ${d.l4Offset} of ${end}`);
  assert.ok(d.l4Proto >= 0 && d.l4Proto <= 255, `${where}: l4Proto`);
  assert.ok(d.srcPort >= 0 && d.srcPort <= 0xffff && d.dstPort >= 0 && d.dstPort <= 0xffff, `${where}: ports`);
  assert.ok(d.ttl >= 0 && d.ttl <= 255, `${where}: ttl`);
  assert.ok(d.ipPayloadLength >= 0 && d.ipPayloadLength <= 0xffff, `${where}: ipPayloadLength`);
  if (reason !== null) return;
  assert.ok(d.payloadLength >= 0, `${where}: payloadLength ${d.payloadLength}`);
  assert.ok(d.payloadOffset >= d.l4Offset && d.payloadOffset + d.payloadLength <= end, `${where}: payload ${d.payloadOffset}+${d.payloadLength} of ${end}`);
  assert.ok(d.tcpSeq >= 0 && d.tcpSeq <= 0xffffffff && d.tcpAck >= 0 && d.tcpAck <= 0xffffffff, `${where}: seq/ack`);
  assert.ok(d.tcpFlags >= 0 && d.tcpFlags <= 0xff, `${where}: flags`);
  assert.ok(d.icmpType >= -1 && d.icmpType <= 255 && d.icmpCode >= -1 && d.icmpCode <= 255, `${where}: icmp`);
}

/** Offsets of the length-like fields of the original packet, to aim mutations at. */
function lengthFields(d: DecodedPacket, reason: DecodeSkipReason | null): number[] {
  if (!hasIpKey(reason)) return [];
  const fields = d.ipVersion === 4 ? [d.ipOffset, d.ipOffset + 2, d.ipOffset + 6] : [d.ipOffset + 4, d.ipOffset + 40];
  fields.push(d.outerIpOffset + 2, d.l4Offset + 4, d.l4Offset + 12);
  return fields;
}


test(`fuzz: ${MUTANTS} mutations of real packets never throw, stay in bounds, never read past capturedLength`, (t) => {
  const rnd = random(SEED);
  const int = (n: number) => Math.floor(rnd() * n);
  const seeds = collectSeeds();
  assert.ok(seeds.length > 500, `enough seed packets (${seeds.length})`);
  const d = newDecodedPacket();
  const again = newDecodedPacket();
  const results = new Map<string, number>();
  const kinds = ['flip', 'truncate', 'length', 'bytes', 'link', 'caplen', 'mixed'];

  for (let i = 0; i < MUTANTS; i++) {
    const seed = seeds[int(seeds.length)];
    const bytes = seed.bytes.slice();
    let linkType = seed.linkType;
    let capturedLength = bytes.length;
    const originalReason = decodePacket(captured(linkType, bytes), d);
    const aims = lengthFields(d, originalReason);
    const kind = kinds[i % kinds.length];
    const rounds = kind === 'mixed' ? 1 + int(4) : 1;
    for (let r = 0; r < rounds; r++) {
      const op = kind === 'mixed' ? kinds[int(kinds.length - 1)] : kind;
      if (bytes.length === 0) break;
      switch (op) {
        case 'flip':
          for (let k = 1 + int(8); k > 0; k--) bytes[int(Math.min(bytes.length, 96))] ^= 1 << int(8);
          break;
        case 'truncate':
          capturedLength = int(capturedLength + 1);
          break;
        case 'length': {
          const at = aims.length > 0 && rnd() < 0.8 ? aims[int(aims.length)] : int(bytes.length);
          const value = [0, 0xffff, int(0x10000), 0x0f0f, 5, 20][int(6)];
          if (at + 1 < bytes.length) {
            bytes[at] = value >> 8;
            bytes[at + 1] = value & 0xff;
          }
          break;
        }
        case 'bytes':
          for (let k = 1 + int(6); k > 0; k--) bytes[int(Math.min(bytes.length, 128))] = int(256);
          break;
        case 'link':
          linkType = SUPPORTED_LINK_TYPES[int(SUPPORTED_LINK_TYPES.length)];
          break;
        case 'caplen':
          capturedLength = [0, 1, bytes.length + 1 + int(100), -1, int(bytes.length)][int(5)];
          break;
      }
    }

    const where = `mutant ${i} (${kind}, link ${linkType}, ${capturedLength}/${bytes.length} bytes)`;
    const packet: CapturedPacket = captured(linkType, bytes, { capturedLength, number: i });
    let reason: DecodeSkipReason | null;
    try {
      reason = decodePacket(packet, d);
    } catch (error) {
      assert.fail(`${where}: threw ${String(error)}`);
    }
    const end = Math.max(0, Math.min(capturedLength, bytes.length));
    checkOffsets(reason, d, end, where);
    results.set(reason ?? 'flow packet', (results.get(reason ?? 'flow packet') ?? 0) + 1);

    // The same bytes followed by garbage the decoder must not look at.
    const padded = new Uint8Array(end + 64);
    padded.set(bytes.subarray(0, end));
    for (let k = end; k < padded.length; k++) padded[k] = int(256);
    const reasonAgain = decodePacket(captured(linkType, padded, { capturedLength: end, number: i }), again);
    assert.equal(snapshot(reasonAgain, again), snapshot(reason, d), `${where}: result depends on bytes past capturedLength`);
  }

  const table = [...results].sort((a, b) => b[1] - a[1]);
  t.diagnostic(`${seeds.length} seed packets, ${MUTANTS} mutants: ${table.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  // The mutations must actually reach the decoder's corners, not just bounce off one check.
  assert.ok((results.get('flow packet') ?? 0) > MUTANTS / 10, 'many mutants still decode');
  for (const reason of ['truncated-link-header', 'non-ip', 'truncated-ip-header', 'bad-ip-header', 'truncated-transport-header', 'bad-transport-header'] as const) {
    assert.ok((results.get(reason) ?? 0) > 0, `fuzzing reached ${reason}`);
  }
});
