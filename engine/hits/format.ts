/** Hits as text lines (for people) and JSON lines (for tools). */
import type { Hit, HitFlow } from './types';

function endpoint(ip: string, port: number): string {
  const host = ip.includes(':') ? `[${ip}]` : ip;
  return port ? `${host}:${port}` : host;
}

/** `TCP 192.168.1.23:52010 -> 1.2.4.8:443 TLS (-/CN)` */
export function flowText(flow: HitFlow): string {
  const c = flow.countries;
  const geo = c.client || c.server ? ` (${c.client ?? '-'}/${c.server ?? '-'})` : '';
  return `#${flow.id} ${flow.l4} ${endpoint(flow.client, flow.clientPort)} -> ${endpoint(flow.server, flow.serverPort)} ${flow.l7}${geo}`;
}

function timeText(time: number): string {
  return new Date(time * 1000).toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * One readable line:
 * `print  suspicious_countries.lua:28  protocolDetected  #4 TCP a:1 -> b:2 TLS (-/CN)  From China`
 */
export function hitText(hit: Hit): string {
  const where = hit.line > 0 ? `${hit.file}:${hit.line}` : hit.file || '(engine)';
  const parts = [hit.kind.padEnd(5), where];
  if (hit.hook) parts.push(hit.hook);
  if (hit.time !== undefined) parts.push(timeText(hit.time));
  if (hit.flow) parts.push(flowText(hit.flow));
  // Multi-line messages (tprint of a table) stay readable: continuation lines are indented.
  parts.push(hit.message.replace(/\n/g, '\n    '));
  return parts.join('  ');
}

/** One JSON object per line, keys in the order of the Hit model. */
export function hitJson(hit: Hit): string {
  return JSON.stringify({
    kind: hit.kind,
    script: hit.script,
    hook: hit.hook,
    file: hit.file,
    line: hit.line,
    ...(hit.time !== undefined ? { time: hit.time } : {}),
    ...(hit.flow ? { flow: hit.flow } : {}),
    message: hit.message,
    ...(hit.data ? { data: hit.data } : {}),
  });
}
