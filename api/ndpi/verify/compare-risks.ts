/**
 * Compares api/ndpi/risks.ts with a JSON dump written by dump-risks.c from a real nDPI
 * build and prints every difference. Exit status 0 when they agree, 1 otherwise.
 *
 *   node --import tsx api/ndpi/verify/compare-risks.ts /tmp/ndpi-risks.json
 *
 * Not part of the test suite (it needs libndpi-dev 4.2, which the project does not
 * install); the unit tests check the names against the shared ground truth instead.
 */
import { readFileSync } from 'node:fs';
import { NDPI_RISKS } from '../risks';

interface RiskDump {
  revision: string;
  risks: { id: number; name: string; severity: string; score: number; client: number; server: number }[];
}

export function compareRisksWithDump(dump: RiskDump): string[] {
  const problems: string[] = [];
  const theirs = dump.risks.filter((r) => r.id > 0);
  if (theirs.length !== NDPI_RISKS.length) problems.push(`risk count: ours ${NDPI_RISKS.length}, library ${theirs.length}`);
  for (const t of theirs) {
    const o = NDPI_RISKS.find((r) => r.id === t.id);
    if (!o) {
      problems.push(`risk ${t.id} (${t.name}) missing`);
      continue;
    }
    const ours = [o.name, o.severity, o.score, o.clientScore, o.serverScore];
    const lib = [t.name, t.severity, t.score, t.client, t.server];
    if (JSON.stringify(ours) !== JSON.stringify(lib)) problems.push(`risk ${t.id}: ours ${JSON.stringify(ours)}, library ${JSON.stringify(lib)}`);
  }
  return problems;
}

if (process.argv[1]?.endsWith('compare-risks.ts')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: compare-risks.ts <dump.json>');
    process.exit(2);
  }
  const problems = compareRisksWithDump(JSON.parse(readFileSync(file, 'utf8')) as RiskDump);
  for (const p of problems) console.log(p);
  console.log(problems.length === 0 ? `${NDPI_RISKS.length} risks agree with the library` : `${problems.length} difference(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
