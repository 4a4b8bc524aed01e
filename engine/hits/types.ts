/**
 * The typed Hit model (ARCHITECTURE.md, "Hits"): one event a script caused while running over a
 * capture. The engine streams them; the CLI prints them (text or JSON lines); the client maps
 * `file`/`line` back to the script.
 */

export type HitKind = 'print' | 'status' | 'alert' | 'score' | 'error' | 'stats';

export const HIT_KINDS: readonly HitKind[] = ['print', 'status', 'alert', 'score', 'error', 'stats'];

/** What a hit says about the flow it happened on. */
export interface HitFlow {
  id: number;
  /** Transport name: TCP, UDP, ICMP, ... or the IP protocol number. */
  l4: string;
  /** Client address ("192.168.1.10"), and its port (0 when the protocol has none). */
  client: string;
  clientPort: number;
  server: string;
  serverPort: number;
  /** nDPI label (master.app), "Unknown" when undetected. */
  l7: string;
  category?: string;
  /** ISO country codes of the peers, when known. */
  countries: { client?: string; server?: string };
  /** The flow's counters when the hit happened (client→server, server→client). */
  counters?: HitFlowCounters;
}

export interface HitFlowCounters {
  packets: [number, number];
  /** Bytes as captured, both directions. */
  bytes: [number, number];
  /** Packet times (seconds since the epoch) of the flow's first and latest packet. */
  firstSeen: number;
  lastSeen: number;
}

export interface Hit {
  kind: HitKind;
  /** Script key (file name without .lua); '' for hits of the engine itself. */
  script: string;
  /** Hook that was running ('' while loading, 'setup', 'teardown'). */
  hook: string;
  /** Script file (path as given) and line; line 0 when unknown. */
  file: string;
  line: number;
  /** Packet time (seconds since the epoch) of the hook call; undefined outside hooks. */
  time?: number;
  flow?: HitFlow;
  message: string;
  /** Kind-specific details (an error's kind and traceback, a native's name, ...). */
  data?: { [key: string]: unknown };
}
