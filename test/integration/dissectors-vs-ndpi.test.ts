/**
 * Dissectors of protocols the shared captures do not hold (MQTT, SNMP, STUN, ...) against
 * ndpiReader 4.2 itself, run on the same capture: conversations built from the
 * protocols' specifications (test/support/oracle-traffic/), well-formed and broken, on
 * the protocols' ports and elsewhere. Each flow's label, confidence (a dissector's "DPI"
 * or a "Match by port" guess) and risks must agree with the
 * peer's, except the differences a traffic set names. Flows are matched by client port;
 * both tools count like ndpiReader (`--accounting ndpireader`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { caseKey, TrafficBuilder } from '../support/oracle-traffic/builder';
import { TRAFFIC_SETS } from '../support/oracle-traffic';

interface Verdict {
  label: string;
  /** How the label was found ("DPI", "Match by port", ...): tells a dissector's yes from a port guess. */
  confidence: string;
  /** Risk names as nDPI prints them, sorted. */
  risks: string[];
}

/**
 * ndpiReader's label, confidence and risks for each flow, by client port, from its flow lines:
 * "UDP 10.0.0.2:41000 <-> 10.0.0.9:161 [proto: 14/SNMP][ClearText][Confidence: DPI]...[Risk: ** A **** B **]..."
 * (IPv6 in brackets).
 */
function ndpiVerdicts(capture: string): Map<number, Verdict> {
  const run = spawnSync('ndpiReader', ['-i', capture, '-v', '2', '-q'], { encoding: 'utf8' });
  assert.equal(run.status, 0, `ndpiReader failed: ${run.stderr}`);
  const verdicts = new Map<number, Verdict>();
  for (const line of run.stdout.split('\n')) {
    const m = /(?:TCP|UDP) \[?[\da-f.:]+?\]?:(\d+) <?-> \[?[\da-f.:]+?\]?:(\d+) \[proto: [\d.]+\/([^\]]+)\]/.exec(line);
    if (!m) continue;
    const risks = (/\[Risk: ([^\]]*)\]/.exec(line)?.[1] ?? '').split('**').map((r) => r.trim()).filter(Boolean).sort();
    const confidence = /\[Confidence: ([^\]]*)\]/.exec(line)?.[1] ?? 'Unknown';
    verdicts.set(caseKey(Number(m[1]), Number(m[2])), { label: m[3]!, confidence, risks });
  }
  return verdicts;
}

function ourVerdicts(capture: string): Map<number, Verdict> {
  const run = runCli(['flows', capture, '--json', '--accounting', 'ndpireader']);
  assert.equal(run.status, 0, run.stderr);
  const verdicts = new Map<number, Verdict>();
  for (const line of run.stdout.trim().split('\n')) {
    const flow = JSON.parse(line);
    if (flow.summary) continue;
    verdicts.set(caseKey(flow.client.port, flow.server.port), { label: flow.proto, confidence: flow.confidence, risks: [...(flow.risks ?? [])].sort() });
  }
  return verdicts;
}

const text = (v: Verdict | undefined) => (v ? `${v.label} (${v.confidence})` + (v.risks.length ? ` [${v.risks.join(', ')}]` : '') : 'none');
for (const set of TRAFFIC_SETS) {
  test(`${set.name}: each flow gets the label, confidence and risks ndpiReader 4.2 gives it`, () => {
    // scripts/install-test-tools.sh installs it (libndpi-bin) with the other peers.
    assert.equal(spawnSync('ndpiReader', ['-h']).error, undefined, 'ndpiReader (apt-get install libndpi-bin) is needed');
    const dir = mkdtempSync(join(tmpdir(), 'flowscript-oracle-'));
    try {
      const builder = new TrafficBuilder();
      set.build(builder);
      const capture = join(dir, 'traffic.pcap');
      writeFileSync(capture, builder.pcap());
      const theirs = ndpiVerdicts(capture);
      const ours = ourVerdicts(capture);
      const rows = builder.cases.map((c) => ({ ...c, ndpi: theirs.get(c.clientPort), ours: ours.get(c.clientPort) }));
      console.log(rows.map((r) => `${String(r.clientPort).padEnd(6)} ${r.what.padEnd(46)} nDPI ${text(r.ndpi).padEnd(66)} ours ${text(r.ours)}`).join('\n'));
      assert.equal(theirs.size, rows.length, 'ndpiReader saw every case as one flow');
      const differences = rows.filter((r) => text(r.ndpi) !== text(r.ours)).map((r) => r.what);
      assert.deepEqual(differences, [...(set.knownGaps ?? [])]);
      // A set must show its dissectors recognising something, and refusing something.
      assert.ok(rows.some((r) => r.ours && r.ours.label !== 'Unknown'), 'a case with a label');
      assert.ok(rows.some((r) => r.ours?.label === 'Unknown'), 'a case left Unknown');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
