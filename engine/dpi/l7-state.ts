import { categoryName, defaultCategoryOf, protocolByName } from '../../api/ndpi';
import type { Dissector } from './dissector';

/**
 * What the L7 detector knows about one flow: the protocol labels as nDPI prints them,
 * how sure it is, and the protocol details the flow API exposes (DNS query, HTTP URL,
 * TLS SNI, ...). Attached to the flow as `flow.l7` when the detector is running.
 */

/** nDPI 4.2's confidence names, as ndpiReader prints them. */
export type Confidence = 'Unknown' | 'Match by port' | 'Match by IP' | 'DPI (partial)' | 'DPI (cache)' | 'DPI';

export interface DnsDetails {
  query?: string;
  /** Query type of the last query (1 A, 28 AAAA, ...). */
  queryType?: number;
  /** Response code of the last response (0 NOERROR, 3 NXDOMAIN, ...). */
  returnCode?: number;
  /** Addresses in the answers of the last response. */
  answers?: string[];
  invalidCharsInQuery?: boolean;
}

export interface HttpDetails {
  method?: string;
  url?: string;
  host?: string;
  userAgent?: string;
  statusCode?: number;
  contentType?: string;
}

export interface TlsDetails {
  /** Negotiated or offered version number (0x0303 for TLS 1.2). */
  version?: number;
  sni?: string;
  alpn?: string[];
  supportedVersions?: number[];
  ja3Client?: string;
  ja3Server?: string;
  cipher?: number;
  cipherClass?: 'safe' | 'weak' | 'insecure';
  certificateSubject?: string;
  certificateIssuer?: string;
  serverNames?: string[];
  /** The server certificate's validity period, epoch seconds (for the expiry risks). */
  certificateNotBefore?: number;
  certificateNotAfter?: number;
}

export interface SshDetails {
  clientSignature?: string;
  serverSignature?: string;
  hasshClient?: string;
  hasshServer?: string;
}

export class L7State {
  /** Master protocol name ("TLS" in "TLS.Google"); 'Unknown' for single-level labels. */
  master = 'Unknown';
  /** Application protocol name ("Google" in "TLS.Google", or the only name). */
  app = 'Unknown';
  confidence: Confidence = 'Unknown';
  /** Category name when an application or host rule overrides the protocol's own. */
  categoryOverride: string | undefined;
  /** What nDPI stores as the flow's host/server name (HTTP Host, SNI, DNS query, ...). */
  host: string | undefined;
  /**
   * ntopng's free-text flow info (`getInfo()["info"]`): the DNS query, else the HTTP URL,
   * else the TLS server name, else the SSH client banner; undefined when none is known.
   */
  get info(): string | undefined {
    return this.dns?.query ?? this.http?.url ?? this.tls?.sni ?? this.ssh?.clientSignature;
  }
  /** Detection finished: no more packets are inspected. */
  done = false;
  /** Packets handed to dissectors so far, and the number of the packet that detected the protocol. */
  packetsInspected = 0;
  detectedAtPacket = 0;
  /** Packet time of the last packet inspected (for the idle give-up). */
  lastPacketTime = 0;
  /**
   * Dissectors that ruled themselves out for this flow: bit i for the detector's dissector
   * number i (a number, not a Set: a Set per flow, grown as dissectors drop out, was a
   * large share of the detector's garbage).
   */
  excludedMask = 0;
  excludedMaskHigh = 0;
  private scratchMap: Map<string, unknown> | undefined;
  /**
   * A protocol a dissector suspects without having confirmed it (nDPI's
   * guessed_host_protocol_id, which WireGuard's transport packets set). At give-up it is
   * used like an address match ("Match by IP"), when the addresses name no application.
   */
  suspected: string | undefined;

  constructor(
    /** Protocol names of the detector's dissectors, by number (to answer `isExcluded`). */
    private readonly dissectorNames: readonly string[] = [],
  ) {}

  /** Per-dissector scratch state (reassembly buffers, counters), by dissector name; made on first use. */
  get scratch(): Map<string, unknown> {
    return (this.scratchMap ??= new Map());
  }

  isExcludedIndex(i: number): boolean {
    return i < 32 ? (this.excludedMask & (1 << i)) !== 0 : (this.excludedMaskHigh & (1 << (i - 32))) !== 0;
  }

  exclude(i: number): void {
    if (i < 32) this.excludedMask |= 1 << i;
    else this.excludedMaskHigh |= 1 << (i - 32);
  }

  /** Whether a dissector of that protocol name ruled itself out (for dissectors that depend on another's verdict). */
  isExcluded(protocol: string): boolean {
    for (let i = 0; i < this.dissectorNames.length; i++) {
      if (this.dissectorNames[i] === protocol && this.isExcludedIndex(i)) return true;
    }
    return false;
  }
  dns: DnsDetails | undefined;
  http: HttpDetails | undefined;
  tls: TlsDetails | undefined;
  ssh: SshDetails | undefined;
  /** The payload of the packet that decided the protocol (ntopng 4.2's getnDPIMatchPacket). */
  matchPacket: Uint8Array | undefined;
  /** The dissector still filling details after detection (Detection.moreDetails). */
  detailsFrom: Dissector | undefined;

  /**
   * nDPI flow risks found so far, as bits by risk id (api/ndpi/risks.ts): ids 0..31 in
   * `riskLow`, 32..63 in `riskHigh` (two numbers, not a Set: most flows have none).
   */
  riskLow = 0;
  riskHigh = 0;

  addRisk(id: number): void {
    if (id < 32) this.riskLow |= 1 << id;
    else this.riskHigh |= 1 << (id - 32);
  }

  hasRisk(id: number): boolean {
    if (!Number.isInteger(id) || id < 0 || id > 63) return false;
    return id < 32 ? (this.riskLow & (1 << id)) !== 0 : (this.riskHigh & (1 << (id - 32))) !== 0;
  }

  get hasAnyRisk(): boolean {
    return this.riskLow !== 0 || this.riskHigh !== 0;
  }

  /** The ids of the risks found, ascending. */
  riskIds(): number[] {
    const ids: number[] = [];
    for (let id = 0; id < 64; id++) if (this.hasRisk(id)) ids.push(id);
    return ids;
  }

  /**
   * Detection is over: drop the dissectors' working state now, so that it does not live
   * (and get copied by every garbage collection) for the rest of the flow's life.
   */
  endDetection(): void {
    this.done = true;
    this.scratchMap = undefined;
  }

  /** The label as nDPI prints it: "master.app", or one name. */
  get label(): string {
    if (this.master === 'Unknown' || this.master === this.app) return this.app;
    if (this.app === 'Unknown') return this.master;
    return `${this.master}.${this.app}`;
  }

  /**
   * The category as nDPI prints it: a host or content rule's, else the application's
   * default (the master's when the application has none); undefined when Unspecified.
   */
  get category(): string | undefined {
    if (this.categoryOverride !== undefined) return this.categoryOverride;
    const master = protocolByName(this.master)?.id ?? 0;
    const app = protocolByName(this.app)?.id ?? 0;
    const id = defaultCategoryOf(master, app);
    return id === 0 ? undefined : categoryName(id);
  }

  /** Setting the category overrides the protocol's default for this flow. */
  set category(name: string | undefined) {
    this.categoryOverride = name;
  }

  get detected(): boolean {
    return this.app !== 'Unknown' || this.master !== 'Unknown';
  }
}
