/**
 * How packets are counted into flows, as one named choice across the decoder and the
 * flow table: like ntopng (the default, since flow scripts are written for ntopng), or
 * like nDPI 4.2's ndpiReader on a capture file (to compare flow tables with nDPI's).
 * docs/flows.md explains every difference.
 */
import type { DecodeOptions } from './decode';
import type { DetectionLimits } from './dpi/detector';
import { NDPIREADER_FLOW_TABLE, NTOPNG_FLOW_TABLE, type FlowTableOptions } from './flows/options';

export interface Accounting {
  flowTable: FlowTableOptions;
  decoder: DecodeOptions;
  /**
   * Count a packet whose IP header is fine but whose TCP/UDP header is short or
   * inconsistent, keyed on what the IP header gives (ports 0 when missing).
   */
  countBadTransport: boolean;
  /** When the L7 detector stops looking at a flow's packets and falls back to a guess. */
  detection: DetectionLimits;
}

export const ACCOUNTING = {
  ntopng: {
    flowTable: NTOPNG_FLOW_TABLE,
    decoder: { ipAfterUnknownEtherType: false },
    countBadTransport: false,
    // ntopng gives up after 12 packets, or 5 s without packets (spec §3.2).
    detection: { maxPackets: { tcp: 12, udp: 12 }, idleGiveUpSeconds: 5 },
  },
  ndpireader: {
    flowTable: NDPIREADER_FLOW_TABLE,
    // ndpiReader parses the bytes after any EtherType it does not know as IP when they
    // start with a 4 or 6 nibble, and counts packets with broken transport headers.
    decoder: { ipAfterUnknownEtherType: true },
    countBadTransport: true,
    // ndpiReader's defaults: 80 TCP or 24 UDP packets per flow, no idle give-up on files.
    detection: { maxPackets: { tcp: 80, udp: 24 }, idleGiveUpSeconds: Infinity },
  },
} as const satisfies { [name: string]: Accounting };

export type AccountingName = keyof typeof ACCOUNTING;

export function isAccountingName(name: string): name is AccountingName {
  return Object.prototype.hasOwnProperty.call(ACCOUNTING, name);
}
