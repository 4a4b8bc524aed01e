/** How the flow table accounts packets and when flows end. */
export interface FlowTableOptions {
  /** Seconds of packet time without packets after which a flow ends (ntopng: 60). */
  idleTimeoutSeconds: number;
  /** The shorter timeout of TCP flows with FIN/RST or without a completed handshake (ntopng: 15). */
  tcpEarlyTimeoutSeconds: number;
  /** End idle flows while reading (ntopng) or only at the end of the capture (ndpiReader on files). */
  expireIdleFlows: boolean;
  /** Most flows kept at once; beyond it the least recently active flow is evicted (counted). */
  maxFlows: number;
  /** Count IP fragments after the first to the flow of the first fragment, or drop them (ndpiReader). */
  laterFragments: 'count' | 'drop';
  /** Count packets whose captured IP packet is shorter than its header says, or drop them (ndpiReader). */
  truncatedPackets: 'count' | 'drop';
}

/** ntopng's behaviour: the default, since flow scripts are written for ntopng. */
export const NTOPNG_FLOW_TABLE: FlowTableOptions = {
  idleTimeoutSeconds: 60,
  tcpEarlyTimeoutSeconds: 15,
  expireIdleFlows: true,
  maxFlows: 262_144,
  laterFragments: 'count',
  truncatedPackets: 'count',
};

/**
 * ndpiReader 4.2's behaviour on a capture file, to compare flow tables with nDPI
 * (`flowscript flows --accounting ndpireader`): no idle expiry, later fragments and
 * snaplen-truncated packets are not counted.
 */
export const NDPIREADER_FLOW_TABLE: FlowTableOptions = {
  ...NTOPNG_FLOW_TABLE,
  expireIdleFlows: false,
  maxFlows: 4_194_304,
  laterFragments: 'drop',
  truncatedPackets: 'drop',
};
