import { DECODE_SKIP_REASONS, type DecodedPacket, type DecodeSkipReason } from './decoded';

/**
 * Counts what the decoder did with each packet: flow packets, and skipped packets by
 * reason. Fixed fields, so counting is a property increment (no map, no allocation).
 */
export class DecodeStats {
  /** Packets passed to `count`. */
  packets = 0;
  /** Packets that decoded into a flow packet (`decodePacket` returned null). */
  flowPackets = 0;
  /** Flow packets that were non-first fragments (no ports). */
  laterFragments = 0;
  /** Flow packets whose IP total length exceeds the captured bytes. */
  ipTruncated = 0;
  /** Flow packets keyed on a decapsulated inner packet. */
  tunneled = 0;
  /** Skipped packets by reason. */
  readonly skipped: Record<DecodeSkipReason, number> = {
    'truncated-link-header': 0,
    'unsupported-link-type': 0,
    'non-ip': 0,
    'truncated-ip-header': 0,
    'bad-ip-header': 0,
    'truncated-transport-header': 0,
    'bad-transport-header': 0,
    'tunnel-too-deep': 0,
  };

  /** Records the result of one `decodePacket(packet, decoded)` call. */
  count(result: DecodeSkipReason | null, decoded: DecodedPacket): void {
    this.packets++;
    if (result !== null) {
      this.skipped[result]++;
      return;
    }
    this.flowPackets++;
    if (decoded.laterFragment) this.laterFragments++;
    if (decoded.ipTruncated) this.ipTruncated++;
    if (decoded.tunnel !== '') this.tunneled++;
  }

  /** Total of all skip reasons. */
  get skippedTotal(): number {
    let total = 0;
    for (const reason of DECODE_SKIP_REASONS) total += this.skipped[reason];
    return total;
  }

  /** Skip reasons with a non-zero count, in decoding order. */
  nonZeroSkips(): Array<[DecodeSkipReason, number]> {
    const rows: Array<[DecodeSkipReason, number]> = [];
    for (const reason of DECODE_SKIP_REASONS) if (this.skipped[reason] > 0) rows.push([reason, this.skipped[reason]]);
    return rows;
  }

  /** Adds another counter's numbers into this one (per-file stats into a run total). */
  merge(other: DecodeStats): void {
    this.packets += other.packets;
    this.flowPackets += other.flowPackets;
    this.laterFragments += other.laterFragments;
    this.ipTruncated += other.ipTruncated;
    this.tunneled += other.tunneled;
    for (const reason of DECODE_SKIP_REASONS) this.skipped[reason] += other.skipped[reason];
  }

  toJSON(): object {
    return {
      packets: this.packets,
      flowPackets: this.flowPackets,
      laterFragments: this.laterFragments,
      ipTruncated: this.ipTruncated,
      tunneled: this.tunneled,
      skipped: { ...this.skipped },
    };
  }
}
