/**
 * Acceptance: our flow table against nDPI 4.2's ndpiReader on the 43 shared captures.
 *
 * With `--accounting ndpireader` (count like ndpiReader) a ground-truth flow agrees when
 * we have a flow with the same L4 protocol, VLAN, client and server (address and port,
 * same orientation) and exactly the same packets and bytes in each direction; at least
 * 98% must agree.
 *
 * With the default ntopng accounting, flows legitimately differ (ntopng ends idle flows,
 * counts later fragments and truncated packets: docs/flows.md), so the check is that the
 * same conversations exist and that, summed over the flows we split a conversation into,
 * we count at least what ndpiReader counted in each direction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCaptureFile } from '../../engine/run';
import { flowToJson, type FlowJson } from '../../engine/report/flow-json';
import type { AccountingName } from '../../engine/accounting';
import { capturePath, loadGroundTruths, type GroundTruth, type GroundTruthFlow } from '../support/ground-truth';

const truths = loadGroundTruths();

async function ourFlows(truth: GroundTruth, accounting: AccountingName): Promise<{ flows: FlowJson[]; packets: number }> {
  const flows: FlowJson[] = [];
  const summary = await runCaptureFile(capturePath(truth), {
    accounting,
    observer: { flowEnded: (flow) => flows.push(flowToJson(flow)) },
  });
  return { flows, packets: summary.packets };
}

function tupleKey(l4: string, vlan: number | null, client: { ip: string; port: number }, server: { ip: string; port: number }) {
  return `${l4}|${vlan ?? 0}|${client.ip}|${client.port}|${server.ip}|${server.port}`;
}

type Verdict = (g: GroundTruthFlow, ours: FlowJson[]) => boolean;

/** Exactly the same counts on one flow. */
const exactlyTheSame: Verdict = (g, ours) =>
  ours.some((f) => f.c2s.packets === g.c2s.packets && f.c2s.bytes === g.c2s.bytes && f.s2c.packets === g.s2c.packets && f.s2c.bytes === g.s2c.bytes);

/** At least the same counts, summed over the flows of the same conversation. */
const atLeastTheSameSummed: Verdict = (g, ours) => {
  const sum = (pick: (f: FlowJson) => number) => ours.reduce((total, f) => total + pick(f), 0);
  return (
    ours.length > 0 &&
    sum((f) => f.c2s.packets) >= g.c2s.packets && sum((f) => f.c2s.bytes) >= g.c2s.bytes &&
    sum((f) => f.s2c.packets) >= g.s2c.packets && sum((f) => f.s2c.bytes) >= g.s2c.bytes
  );
};

function agreement(truth: GroundTruth, flows: FlowJson[], verdict: Verdict): { matched: number; misses: string[] } {
  const ours = new Map<string, FlowJson[]>();
  for (const f of flows) {
    const key = tupleKey(f.l4, f.vlan, f.client, f.server);
    ours.set(key, [...(ours.get(key) ?? []), f]);
  }
  let matched = 0;
  const misses: string[] = [];
  for (const g of truth.flows) {
    const candidates = ours.get(tupleKey(g.l4, g.vlan, g.client, g.server)) ?? [];
    if (verdict(g, candidates)) matched++;
    else misses.push(describeMiss(g, candidates));
  }
  return { matched, misses };
}

function describeMiss(g: GroundTruthFlow, candidates: FlowJson[]): string {
  const theirs = `${g.c2s.packets}/${g.c2s.bytes} <-> ${g.s2c.packets}/${g.s2c.bytes}`;
  const ours = candidates.map((f) => `${f.c2s.packets}/${f.c2s.bytes} <-> ${f.s2c.packets}/${f.s2c.bytes}`).join('; ') || 'no such flow';
  return `${g.l4} ${g.client.ip}:${g.client.port} -> ${g.server.ip}:${g.server.port} vlan ${g.vlan}: nDPI ${theirs}, ours ${ours}`;
}

const CHECKS = [
  { accounting: 'ndpireader', verdict: exactlyTheSame, what: 'exactly the same packets and bytes' },
  { accounting: 'ntopng', verdict: atLeastTheSameSummed, what: 'the same conversations, at least the same counts summed' },
] as const;

for (const { accounting, verdict, what } of CHECKS) {
  test(`flow tables agree with ndpiReader 4.2 (${accounting} accounting: ${what})`, async () => {
    let total = 0;
    let matched = 0;
    const rows: string[] = [];
    const allMisses: string[] = [];
    for (const truth of truths) {
      const { flows, packets } = await ourFlows(truth, accounting);
      assert.equal(packets, truth.file.packets, `${truth.capture}: packet count`);
      const result = agreement(truth, flows, verdict);
      total += truth.flows.length;
      matched += result.matched;
      const pct = truth.flows.length ? ((100 * result.matched) / truth.flows.length).toFixed(1) : '-';
      rows.push(`${truth.capture.padEnd(40)} ${String(truth.flows.length).padStart(5)} ${String(flows.length).padStart(5)} ${String(result.matched).padStart(6)} ${pct.padStart(6)}`);
      allMisses.push(...result.misses.map((m) => `${truth.capture}: ${m}`));
    }
    const overall = (100 * matched) / total;
    console.log(`\n[${accounting}] ${'capture'.padEnd(32)} nDPI  ours  agree      %\n${rows.join('\n')}`);
    console.log(`[${accounting}] overall: ${matched}/${total} = ${overall.toFixed(2)}%`);
    if (allMisses.length) console.log(`[${accounting}] differences:\n  ${allMisses.join('\n  ')}`);
    assert.ok(overall >= 98, `only ${overall.toFixed(2)}% of ground-truth flows agree (need 98%)`);
  });
}
