import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
