import type { CapturedPacket } from '../capture/packet';
import type { DecodedPacket } from '../decode/decoded';
import type { Flow } from '../flows/flow';
import type { FlowObserver } from '../flows/table';
import type { Detection, Dissector, DissectorContext } from './dissector';
import { ALL_DISSECTORS } from './dissectors';
import { guessByPort, labelByIpProtocol } from './guess';
import { classifyHost, classifyHostCategory } from './apps/host-apps';
import { classifyIPv4, type AddressMatch } from './apps/ip-apps';
import { L7State } from './l7-state';
import { icmpRisks } from './risks/icmp';
import { detectionRisks, labelRisks, portRisks } from './risks/protocol';

/** When the detector stops looking at a flow and falls back to a guess. */
export interface DetectionLimits {
  /** Packets of a flow (with or without payload) inspected before giving up. */
  maxPackets: { tcp: number; udp: number };
  /** Give up on a flow that had no packet for this long (packet time, seconds). */
  idleGiveUpSeconds: number;
}

/**
 * nDPI 4.2 itself hands a flow's packets to its dissectors up to the 32nd (empty ones
 * counted); later packets change nothing until the caller gives up (ndpiReader at 80).
 */
const NDPI_MAX_DISSECTED_PACKETS = 32;

/** ndpiReader 4.2's limits (ntopng's are in accounting.ts). */
export const NDPI_READER_LIMITS: DetectionLimits = { maxPackets: { tcp: 80, udp: 24 }, idleGiveUpSeconds: Infinity };

export interface DetectorStats {
  /** Exceptions thrown by dissectors on hostile payloads (each a bug to fix; the flow goes on). */
  dissectorErrors: number;
}

/**
 * The L7 stage: a FlowObserver that labels flows the way nDPI 4.2 does, by handing each
 * flow's payloads to the dissectors until one recognises its protocol, then falling back
 * to a port guess. Other observers (the hook scheduler) run after it on the same events.
 */
export class L7Detector implements FlowObserver {
  readonly stats: DetectorStats = { dissectorErrors: 0 };
  /** The dissectors of each transport, with their numbers (bits in L7State's exclusion mask). */
  private readonly byTransport: { tcp: Candidates; udp: Candidates };
  /** Every dissector's name, by number. */
  private readonly names: string[];
  /** Protocols whose dissector's 'no' also rules out their port guess (Dissector.noPortGuessOnceExcluded). */
  private readonly noPortGuessOnceExcluded: Set<string>;

  constructor(
    private readonly limits: DetectionLimits = NDPI_READER_LIMITS,
    dissectors: readonly Dissector[] = ALL_DISSECTORS,
  ) {
    if (dissectors.length > 64) throw new Error('the L7 detector supports at most 64 dissectors (widen L7State\'s exclusion mask)');
    this.names = dissectors.map((d) => d.protocol);
    this.noPortGuessOnceExcluded = new Set(dissectors.filter((d) => d.noPortGuessOnceExcluded).map((d) => d.protocol));
    const candidates = (transport: 'tcp' | 'udp'): Candidates => {
      const numbers = dissectors.flatMap((d, i) => (d.transports.includes(transport) ? [i] : []));
      const list = numbers.map((i) => dissectors[i]!);
      const byPort = new Map<number, Uint8Array>();
      list.forEach((d, k) => {
        for (const port of d.ports ?? []) {
          const flags = byPort.get(port) ?? new Uint8Array(list.length);
          flags[k] = 1;
          byPort.set(port, flags);
        }
      });
      return { dissectors: list, numbers, byPort };
    };
    this.byTransport = { tcp: candidates('tcp'), udp: candidates('udp') };
  }

  flowCreated(flow: Flow): void {
    flow.l7 = new L7State(this.names);
  }

  flowPacket(flow: Flow, fromClient: boolean, packet: CapturedPacket, d: DecodedPacket): void {
    const state = flow.l7;
    if (!state || state.done) return;
    const transport = d.l4Proto === 6 ? 'tcp' : d.l4Proto === 17 ? 'udp' : undefined;
    if (!transport) {
      // ICMP, IGMP, GRE, ...: nDPI labels these from the IP protocol number at once.
      const name = labelByIpProtocol(d.l4Proto);
      if (name) {
        state.app = name;
        state.confidence = 'DPI';
        state.detectedAtPacket = packet.number;
      }
      if (d.l4Proto === 1 && !d.laterFragment) {
        const end = Math.min(packet.data.length, d.l4Offset + d.ipPayloadLength);
        icmpRisks(state, packet.data.subarray(d.l4Offset, end), !d.ipTruncated && !d.moreFragments);
      }
      state.endDetection();
      return;
    }
    const time = packet.sec + packet.nsec / 1e9;
    if (state.packetsInspected > 0 && time - state.lastPacketTime > this.limits.idleGiveUpSeconds) {
      // ntopng's housekeeping gave up on this flow while it was silent.
      this.finish(flow, state);
      return;
    }
    state.lastPacketTime = time;
    state.packetsInspected++;
    if (d.payloadLength > 0 && !d.laterFragment && state.packetsInspected <= NDPI_MAX_DISSECTED_PACKETS) {
      const ctx: DissectorContext = {
        flow,
        state,
        payload: packet.data.subarray(d.payloadOffset, d.payloadOffset + d.payloadLength),
        fromClient,
        srcPort: d.srcPort,
        dstPort: d.dstPort,
        transport,
        time,
        ipFragmented: d.moreFragments,
      };
      if (state.detailsFrom) this.moreDetails(state, state.detailsFrom, ctx);
      else this.detect(state, ctx, packet.number);
    }
    if (!state.done && state.packetsInspected >= this.limits.maxPackets[transport]) this.finish(flow, state);
  }

  /**
   * Stops detection of a flow now and applies nDPI's guesses (the hook scheduler calls this
   * when ntopng's housekeeping would give up on a silent flow, and at the end of a capture).
   */
  giveUp(flow: Flow): void {
    const state = flow.l7;
    if (state && !state.done) this.finish(flow, state);
  }

  flowEnded(flow: Flow): void {
    const state = flow.l7;
    if (state && !state.done) this.finish(flow, state);
  }

  private detect(state: L7State, ctx: DissectorContext, packetNumber: number): void {
    const { dissectors, numbers, byPort } = this.byTransport[ctx.transport];
    const srcMatches = byPort.get(ctx.srcPort);
    const dstMatches = byPort.get(ctx.dstPort);
    let undecided = 0;
    // Dissectors whose ports match go first; the others after, in registry order.
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < dissectors.length; k++) {
        const number = numbers[k]!;
        if (state.isExcludedIndex(number)) continue;
        const onPort = (srcMatches !== undefined && srcMatches[k] === 1) || (dstMatches !== undefined && dstMatches[k] === 1);
        if (onPort !== (pass === 0)) continue;
        const dissector = dissectors[k]!;
        const verdict = this.run(dissector, ctx);
        if (verdict === 'no') state.exclude(number);
        else if (verdict === 'maybe') undecided++;
        else {
          this.label(ctx.flow, state, dissector, verdict);
          state.confidence = 'DPI';
          state.detectedAtPacket = packetNumber;
          if (dissector.portRisk !== false) portRisks(ctx.flow, state);
          detectionRisks(state);
          labelRisks(state);
          state.matchPacket = ctx.payload.slice();
          if (verdict.moreDetails) state.detailsFrom = dissector;
          else state.endDetection();
          return;
        }
      }
    }
    // Every dissector said no, now or before: nothing is left to try.
    if (undecided === 0) this.finish(ctx.flow, state);
  }

  private moreDetails(state: L7State, dissector: Dissector, ctx: DissectorContext): void {
    const verdict = this.run(dissector, ctx);
    if (verdict === 'no') {
      state.endDetection();
    } else if (verdict !== 'maybe') {
      // Details can still name the application (a TLS certificate when there was no SNI).
      if (verdict.app !== undefined || (verdict.host !== undefined && state.host === undefined)) this.label(ctx.flow, state, dissector, verdict);
      if (!verdict.moreDetails) state.endDetection();
    }
  }

  private run(dissector: Dissector, ctx: DissectorContext) {
    try {
      return dissector.inspect(ctx);
    } catch {
      this.stats.dissectorErrors++;
      return 'no' as const;
    }
  }

  /**
   * Records a detection: the protocol, and an application from the dissector, the host
   * name, or (as nDPI 4.2 does when neither names one) the flow's addresses. The category
   * is the application's, unless a category-only host rule says otherwise.
   */
  private label(flow: Flow, state: L7State, dissector: Dissector, detection: Detection): void {
    if (detection.host !== undefined) state.host = detection.host;
    const hostApp = state.host !== undefined ? classifyHost(state.host) : undefined;
    let app = detection.app ?? hostApp?.app;
    let category = hostApp !== undefined && hostApp.app === app ? hostApp.category : undefined;
    if (app === undefined && ADDRESS_APP_MASTERS.has(dissector.protocol)) {
      const byAddress = addressApp(flow);
      if (byAddress && byAddress.app !== dissector.protocol) {
        app = byAddress.app;
        category = byAddress.category;
      }
    }
    if (state.host !== undefined) category = classifyHostCategory(state.host) ?? category;
    state.categoryOverride = category;
    if (app && app !== dissector.protocol) {
      state.master = dissector.protocol;
      state.app = app;
    } else {
      state.master = 'Unknown';
      state.app = dissector.protocol;
    }
  }

  /**
   * Gives up: detection is over. An undetected flow gets nDPI's guesses: an application
   * from its addresses, or else one a dissector suspected (L7State.suspected), as "Match
   * by IP" under the port guess as master; else the protocol of its port ("Match by port").
   */
  private finish(flow: Flow, state: L7State): void {
    state.endDetection();
    state.detailsFrom = undefined;
    if (state.detected) return;
    this.guess(flow, state);
    labelRisks(state);
  }

  private guess(flow: Flow, state: L7State): void {
    let guess = guessByPort(flow);
    if (guess !== undefined && this.noPortGuessOnceExcluded.has(guess) && state.isExcluded(guess)) guess = undefined;
    const byAddress = addressApp(flow) ?? suspectedApp(state);
    if (byAddress) {
      state.master = guess !== undefined && guess !== byAddress.app ? guess : 'Unknown';
      state.app = byAddress.app;
      state.categoryOverride = byAddress.category;
      state.confidence = 'Match by IP';
    } else if (guess) {
      state.master = 'Unknown';
      state.app = guess;
      state.confidence = 'Match by port';
    }
  }
}

/** Protocols that nDPI 4.2 gives an application from the flow's addresses after DPI (ground truth: NTP to an Apple server stays "NTP"). */
const ADDRESS_APP_MASTERS = new Set(['DNS', 'HTTP', 'TLS', 'QUIC']);

/** The application nDPI knows an address of the flow for: the client's first, then the server's. */
function addressApp(flow: Flow): AddressMatch | undefined {
  // nDPI 4.2 has address lists for IPv4 only; numbers from the flow key, no text round trip.
  const client = flow.clientIPv4;
  const server = flow.serverIPv4;
  if (client === undefined || server === undefined) return undefined;
  return classifyIPv4(client) ?? classifyIPv4(server);
}

/** A dissector's unconfirmed suspicion, in the shape of an address match (the protocol's own category). */
function suspectedApp(state: L7State): { app: string; category: string | undefined } | undefined {
  return state.suspected === undefined ? undefined : { app: state.suspected, category: undefined };
}

/** Dissectors in registry order, each with its number (they run in this order). */
interface Candidates {
  dissectors: Dissector[];
  numbers: number[];
  /** For each port some dissector lists, which of `dissectors` list it (1) or not (0). */
  byPort: Map<number, Uint8Array>;
}
