/**
 * Acceptance: our flow table against nDPI 4.2's ndpiReader on the 43 shared captures.
 * A ground-truth flow agrees when we have a flow with the same L4 protocol, VLAN, client
 * and server (address and port, same orientation) and exactly the same packets and
 * bytes in each direction. Prints a per-capture table; fails below 98% overall.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCaptureFile } from '../../engine/run';
import { flowToJson, type FlowJson } from '../../engine/report/flow-json';
import type { AccountingPreset } from '../../engine/flows/options';
import { capturePath, loadGroundTruths, type GroundTruth, type GroundTruthFlow } from '../support/ground-truth';

const truths = loadGroundTruths();

function ourFlows(truth: GroundTruth, accounting: AccountingPreset): { flows: FlowJson[]; packets: number } {
  const flows: FlowJson[] = [];
  const summary = runCaptureFile(capturePath(truth), {
    accounting,
    observer: { flowEnded: (flow) => flows.push(flowToJson(flow)) },
  });
  return { flows, packets: summary.packets };
}

function tupleKey(l4: string, vlan: number | null, client: { ip: string; port: number }, server: { ip: string; port: number }) {
  return `${l4}|${vlan ?? 0}|${client.ip}|${client.port}|${server.ip}|${server.port}`;
}

function agreement(truth: GroundTruth, flows: FlowJson[]): { matched: number; misses: string[] } {
  const ours = new Map<string, FlowJson[]>();
  for (const f of flows) {
    const key = tupleKey(f.l4, f.vlan, f.client, f.server);
    ours.set(key, [...(ours.get(key) ?? []), f]);
  }
  let matched = 0;
  const misses: string[] = [];
  for (const g of truth.flows) {
    const candidates = ours.get(tupleKey(g.l4, g.vlan, g.client, g.server)) ?? [];
    const same = (f: FlowJson) =>
      f.c2s.packets === g.c2s.packets && f.c2s.bytes === g.c2s.bytes && f.s2c.packets === g.s2c.packets && f.s2c.bytes === g.s2c.bytes;
    if (candidates.some(same)) matched++;
    else misses.push(describeMiss(g, candidates));
  }
  return { matched, misses };
}

function describeMiss(g: GroundTruthFlow, candidates: FlowJson[]): string {
  const theirs = `${g.c2s.packets}/${g.c2s.bytes} <-> ${g.s2c.packets}/${g.s2c.bytes}`;
  const ours = candidates.map((f) => `${f.c2s.packets}/${f.c2s.bytes} <-> ${f.s2c.packets}/${f.s2c.bytes}`).join('; ') || 'no such flow';
  return `${g.l4} ${g.client.ip}:${g.client.port} -> ${g.server.ip}:${g.server.port} vlan ${g.vlan}: nDPI ${theirs}, ours ${ours}`;
}

for (const accounting of ['ndpireader', 'ntopng'] as const) {
  test(`flow tables agree with ndpiReader 4.2 (${accounting} accounting)`, () => {
    let total = 0;
    let matched = 0;
    const rows: string[] = [];
    const allMisses: string[] = [];
    for (const truth of truths) {
      const { flows, packets } = ourFlows(truth, accounting);
      assert.equal(packets, truth.file.packets, `${truth.capture}: packet count`);
      const result = agreement(truth, flows);
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
