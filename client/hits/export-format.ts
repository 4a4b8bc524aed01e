/** Hits as files: JSON lines (the CLI's format) or CSV (one row per hit, RFC 4180 quoting). */
import { hitJson, type Hit } from '../../engine/hits';

export function hitsToJsonLines(hits: readonly Hit[]): string {
  return hits.map((h) => hitJson(h) + '\n').join('');
}

const CSV_COLUMNS = ['kind', 'script', 'hook', 'file', 'line', 'time', 'flow_id', 'l4', 'client', 'client_port', 'server', 'server_port', 'l7', 'client_country', 'server_country', 'message'] as const;

function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function hitsToCsv(hits: readonly Hit[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const h of hits) {
    const f = h.flow;
    lines.push([
      h.kind, h.script, h.hook, h.file, h.line, h.time, f?.id, f?.l4, f?.client, f?.clientPort, f?.server, f?.serverPort, f?.l7,
      f?.countries.client, f?.countries.server, h.message,
    ].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
