/**
 * nDPI 4.2's guess of IRC over TLS from packet sizes alone ("ninety percent but very
 * fast"): one side sends a run of payloads of particular sizes, then the other side a
 * 4-byte packet whose bytes 2-3 (big-endian) give an expected total. The runs, as nDPI
 * lists them: 1460 1460 1176 (answered 4096 or 8192); 1448 1448 1200 (4096 or 8192);
 * 1380 (1380 or 2760); 1200 (1200 or 2400); 1024 (1024 or 2048); 1248 (1248 or 2496);
 * 1448 or 1448 1448 (1448 or 2896), up to five 1448 and a 952 (8192); 1024 1448 1448 1200
 * 1448 600 (7168); 1024 1380 (2404). Each run may repeat. The rules are tried in nDPI's
 * order and the first that fits a packet consumes it (the text rules then skip it).
 * Flows of ordinary TLS can match: this is nDPI's heuristic, imitated as it is.
 */

/** State of the size rules (nDPI's irc_stage2, irc_direction and irc_0x1000_full). */
export interface IrcSizeState {
  stage: number;
  /** Side that sends the run: undefined until a run starts. */
  runFromClient: boolean | undefined;
  full4k: boolean;
}

export function newIrcSizeState(): IrcSizeState {
  return { stage: 0, runFromClient: undefined, full4k: false };
}

/** Run packets: [size, stages it may follow (0 = a fresh start), stage it leads to]. */
const RUN_STEPS: readonly [size: number, from: readonly number[], to: number][] = [
  [1460, [0, 3], 1], [1460, [1], 2], [1176, [2], 3],
  [1448, [0, 6], 4], [1448, [4], 5], [1200, [5], 6],
  [1380, [0, 7], 7], [1200, [0, 8], 8], [1024, [0, 9], 9], [1248, [0, 10], 10],
  [1448, [5], 11], [1448, [11], 12], [1448, [12], 13], [952, [13], 14],
  [1448, [9], 15], [1448, [15], 16], [1200, [16], 17], [1448, [17], 18], [600, [18], 19],
  [1380, [9], 20],
];

/** Answers: [stages (or the 4096 flag) it closes, totals accepted]. */
const ANSWERS: readonly [stages: readonly number[] | 'full4k-or-3' | 'full4k-or-6', totals: readonly number[]][] = [
  ['full4k-or-3', [0x1000, 0x2000]],
  ['full4k-or-6', [0x1000, 0x2000]],
  [[7], [1380, 2760]],
  [[8], [1200, 2400]],
  [[9, 15], [1024, 2048]],
  [[10], [1248, 2496]],
  [[4, 5, 11, 13], [1448, 2896]],
  [[14], [8192]],
  [[19], [7168]],
  [[20], [2404]],
];

/** True when this run step takes a packet of `size` from this side in the current state. */
function runStepApplies(s: IrcSizeState, size: number, fromClient: boolean, step: (typeof RUN_STEPS)[number]): boolean {
  const [len, from] = step;
  if (size !== len) return false;
  return from.some((st) =>
    st === 0 ? s.stage === 0 && s.runFromClient === undefined : s.stage === st && s.runFromClient === fromClient);
}

/**
 * Feeds one payload packet to the size rules: 'detected', 'consumed' (a rule took the
 * packet, state advanced) or 'none'.
 */
export function ircSizeRules(s: IrcSizeState, p: Uint8Array, fromClient: boolean): 'detected' | 'consumed' | 'none' {
  if (p.length === 4) {
    if (s.runFromClient === undefined || s.runFromClient === fromClient) return 'none';
    const total = (p[2]! << 8) | p[3]!;
    for (const [stages, totals] of ANSWERS) {
      const open =
        stages === 'full4k-or-3' ? s.stage === 3 || s.full4k : stages === 'full4k-or-6' ? s.stage === 6 || s.full4k : stages.includes(s.stage);
      if (open && totals.includes(total)) return 'detected';
    }
    return 'none';
  }
  for (const step of RUN_STEPS) {
    if (!runStepApplies(s, p.length, fromClient, step)) continue;
    const to = step[2];
    if (step[1].includes(0)) s.runFromClient = fromClient;
    s.stage = to;
    if (to === 3 || to === 6) s.full4k = true;
    return 'consumed';
  }
  return 'none';
}
