import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCaptureFile } from '../../engine/run';
import { flowToJson, type FlowJson } from '../../engine/report/flow-json';
import { SHARED_PCAPS_DIR } from './shared-pcaps';

/** One flow of a NAME.ndpi.json ground-truth file (the fields the tests use). */
export interface GroundTruthFlow {
  id: number;
  detected: boolean;
  l4: string;
  ip_version: 4 | 6;
  client: { ip: string; port: number };
  server: { ip: string; port: number };
  vlan: number | null;
  c2s: { packets: number; bytes: number };
  s2c: { packets: number; bytes: number };
  proto: string;
  host: string | null;
}

export interface GroundTruth {
  capture: string;
  file: { container: string; packets: number; link_types: number[] };
  flows: GroundTruthFlow[];
}

/** Every ground-truth file next to the shared captures, sorted by capture name. */
export function loadGroundTruths(): GroundTruth[] {
  return readdirSync(SHARED_PCAPS_DIR)
    .filter((name) => name.endsWith('.ndpi.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(SHARED_PCAPS_DIR, name), 'utf8')) as GroundTruth);
}

export function capturePath(truth: GroundTruth): string {
  return join(SHARED_PCAPS_DIR, truth.capture);
}

type Endpoints = { l4: string; vlan: number | null; client: { ip: string; port: number }; server: { ip: string; port: number } };

/** How a ground-truth flow and one of ours are matched: L4, VLAN and both endpoints, in order. */
export const flowMatchKey = (f: Endpoints): string =>
  `${f.l4}|${f.vlan ?? 0}|${f.client.ip}|${f.client.port}|${f.server.ip}|${f.server.port}`;

/** Our flows of a ground-truth capture, read with ndpiReader's accounting, by flowMatchKey. */
export async function ourFlowsOf(truth: GroundTruth): Promise<Map<string, FlowJson>> {
  const ours = new Map<string, FlowJson>();
  await runCaptureFile(capturePath(truth), {
    accounting: 'ndpireader',
    observer: { flowEnded: (f) => { const j = flowToJson(f); ours.set(flowMatchKey(j), j); } },
  });
  return ours;
}
