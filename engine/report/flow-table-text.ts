import type { FlowJson } from './flow-json';
import { humanBytes, humanDuration, renderTable, type Column } from './text-table';

function endpoint(ip: string, port: number, ipVersion: 4 | 6, hasPorts: boolean): string {
  const host = ipVersion === 6 ? `[${ip}]` : ip;
  return hasPorts ? `${host}:${port}` : host;
}

const hasPorts = (f: FlowJson) => f.l4_proto === 6 || f.l4_proto === 17 || f.l4_proto === 132;

const COLUMNS: Column<FlowJson>[] = [
  { title: '#', value: (f) => String(f.id), align: 'right' },
  { title: 'L4', value: (f) => f.l4 },
  { title: 'Client', value: (f) => endpoint(f.client.ip, f.client.port, f.ip_version, hasPorts(f)) },
  { title: '', value: () => '<->' },
  { title: 'Server', value: (f) => endpoint(f.server.ip, f.server.port, f.ip_version, hasPorts(f)) },
  { title: 'VLAN', value: (f) => (f.vlan === null ? '' : String(f.vlan)), align: 'right' },
  { title: 'Protocol', value: (f) => (f.proto === undefined ? '' : f.confidence === 'DPI' ? f.proto : `${f.proto}?`) },
  { title: 'Category', value: (f) => f.category ?? '' },
  { title: 'Pkts c>s', value: (f) => String(f.c2s.packets), align: 'right' },
  { title: 'Bytes c>s', value: (f) => humanBytes(f.c2s.bytes), align: 'right' },
  { title: 'Pkts s>c', value: (f) => String(f.s2c.packets), align: 'right' },
  { title: 'Bytes s>c', value: (f) => humanBytes(f.s2c.bytes), align: 'right' },
  { title: 'Duration', value: (f) => humanDuration(f.last_seen - f.first_seen), align: 'right' },
  { title: 'TCP', value: (f) => (f.tcp ? `${f.tcp.flags_c2s}/${f.tcp.flags_s2c}` : '') },
  { title: 'End', value: (f) => f.end_reason ?? '' },
  { title: 'Host', value: (f) => f.host ?? '' },
  { title: 'Risks', value: (f) => (f.risks ?? []).join(', ') },
];

/**
 * The human-readable flow list of `flowscript flows`, in flow id order. A protocol
 * followed by "?" was guessed (by port or address), not recognised in the payload.
 */
export function renderFlowTable(flows: FlowJson[]): string {
  const sorted = [...flows].sort((a, b) => a.id - b.id);
  const columns = sorted.some((f) => f.proto !== undefined) ? COLUMNS : COLUMNS.filter((c) => !L7_COLUMNS.includes(c.title));
  return renderTable(columns, sorted);
}

const L7_COLUMNS = ['Protocol', 'Category', 'Host', 'Risks'];
