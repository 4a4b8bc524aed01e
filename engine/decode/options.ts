/**
 * Decoder options. The defaults follow ntopng; each option imitates one ndpiReader 4.2
 * behaviour so the pipeline's "ndpireader" accounting can reproduce its ground truth.
 */
export interface DecodeOptions {
  /**
   * Parse the bytes after an EtherType the decoder does not know (not IP, VLAN, MPLS or
   * PPPoE) as IP when their version nibble is 4 or 6. ndpiReader 4.2 does this: its
   * EtherType switch falls through to the IP header check for any other type, so in
   * fuzz-2006-09-29-28586.pcap frames with EtherTypes 0x0900, 0x08c6, 0x5500 and 0x0881
   * are counted on TCP flows. ntopng treats such frames as non-IP. Default false.
   */
  ipAfterUnknownEtherType?: boolean;
}

export const DEFAULT_DECODE_OPTIONS: Readonly<DecodeOptions> = Object.freeze({ ipAfterUnknownEtherType: false });
