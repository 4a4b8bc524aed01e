/**
 * Compares api/ndpi with a JSON dump written by dump-ndpi.c from a real nDPI build, and
 * prints every difference. Exit status 0 when the two agree, 1 otherwise.
 *
 *   node --import tsx api/ndpi/verify/compare-dump.ts /tmp/ndpi-dump.json
 *
 * Not part of the test suite: it needs the C library (libndpi-dev 4.2), which the project
 * does not install. The unit tests check the data against the shared ground truth instead.
 */
import { readFileSync } from 'node:fs';
import {
  NDPI_BREEDS,
  NDPI_PROTOCOLS,
  NDPI_SHARED_DEFAULT_PORTS,
  breedName,
  categoryName,
  isEncryptedPair,
  protocolForDefaultPort,
  protocolIdLabel,
  protocolLabel,
} from '../index';

interface Dump {
  revision: string;
  protocols: { id: number; name: string; category: number; breed: number; clearText: number; tcp: number[]; udp: number[] }[];
  categories: [number, string | null][];
  breeds: [number, string | null][];
  tcp_port_table: [number, number][];
  udp_port_table: [number, number][];
  labels: { master: number; app: number; label: string; ids: string; encrypted: number }[];
}

export function compareWithDump(dump: Dump): string[] {
  const problems: string[] = [];
  const same = (what: string, ours: unknown, theirs: unknown): void => {
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      problems.push(`${what}: ours ${JSON.stringify(ours)}, library ${JSON.stringify(theirs)}`);
    }
  };

  same('protocol count', NDPI_PROTOCOLS.length, dump.protocols.length);
  for (const theirs of dump.protocols) {
    const ours = NDPI_PROTOCOLS[theirs.id];
    if (!ours) {
      problems.push(`protocol ${theirs.id} (${theirs.name}) missing`);
      continue;
    }
    same(`protocol ${theirs.id} id`, ours.id, theirs.id);
    same(`protocol ${theirs.id} name`, ours.name, theirs.name);
    same(`protocol ${theirs.id} category`, ours.category, theirs.category);
    same(`protocol ${theirs.id} breed`, ours.breed, theirs.breed);
    same(`protocol ${theirs.id} encrypted`, ours.encrypted, theirs.clearText === 0);
    same(`protocol ${theirs.id} tcp`, ours.tcp, theirs.tcp);
    same(`protocol ${theirs.id} udp`, ours.udp, theirs.udp);
  }
  for (const [id, name] of dump.categories) same(`category ${id}`, categoryName(id), name ?? '');
  for (const [id, name] of dump.breeds) same(`breed ${id}`, breedName(id), name);
  same('breed count', NDPI_BREEDS.length, dump.breeds.length - 1);

  for (const [l4, table] of [['TCP', dump.tcp_port_table], ['UDP', dump.udp_port_table]] as const) {
    const listed = new Set(NDPI_PROTOCOLS.flatMap((p) => (l4 === 'TCP' ? p.tcp : p.udp)));
    same(`${l4} port table size`, listed.size, table.length);
    for (const [port, id] of table) same(`${l4} port ${port} guess`, protocolForDefaultPort(l4, port)?.id, id);
  }
  const shared = Object.keys(NDPI_SHARED_DEFAULT_PORTS.tcp).length + Object.keys(NDPI_SHARED_DEFAULT_PORTS.udp).length;
  same('shared default ports', shared, countShared('tcp') + countShared('udp'));

  for (const l of dump.labels) {
    same(`label (${l.master}, ${l.app})`, protocolLabel(l.master, l.app), l.label);
    same(`id label (${l.master}, ${l.app})`, protocolIdLabel(l.master, l.app), l.ids);
    same(`encrypted (${l.master}, ${l.app})`, isEncryptedPair(l.master, l.app), l.encrypted !== 0);
  }
  return problems;
}

function countShared(l4: 'tcp' | 'udp'): number {
  const seen = new Map<number, number>();
  for (const p of NDPI_PROTOCOLS) for (const port of p[l4]) seen.set(port, (seen.get(port) ?? 0) + 1);
  return [...seen.values()].filter((n) => n > 1).length;
}

if (require.main === module) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: compare-dump.ts DUMP.json');
    process.exit(2);
  }
  const dump = JSON.parse(readFileSync(path, 'utf8')) as Dump;
  const problems = compareWithDump(dump);
  for (const p of problems) console.log(p);
  console.log(`library ${dump.revision}: ${dump.protocols.length} protocols, ${problems.length} difference(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
