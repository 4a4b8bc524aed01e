/**
 * The detail pane: the selected hit's flow (5-tuple, label, countries, counters when the hit
 * happened, every other field the engine put on it) and every
 * hit of that flow, each clickable to reveal its line.
 */
import type { Hit, HitFlow } from '../../engine/hits';

const MAX_LISTED_HITS = 200;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function endpoint(ip: string, port: number): string {
  const host = ip.includes(':') ? `[${ip}]` : ip;
  return port ? `${host}:${port}` : host;
}

function fields(flow: HitFlow): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['flow', `#${flow.id}`],
    ['5-tuple', `${flow.l4} ${endpoint(flow.client, flow.clientPort)} → ${endpoint(flow.server, flow.serverPort)}`],
    ['label', flow.l7 + (flow.category ? ` (${flow.category})` : '')],
    ['countries', `client ${flow.countries.client ?? '-'}, server ${flow.countries.server ?? '-'}`],
  ];
  const c = flow.counters;
  if (c) {
    out.push(['packets', `${c.packets[0] + c.packets[1]} (${c.packets[0]} → / ${c.packets[1]} ←)`]);
    out.push(['bytes', `${c.bytes[0] + c.bytes[1]} (${c.bytes[0]} → / ${c.bytes[1]} ←)`]);
    out.push(['seen', `${new Date(c.firstSeen * 1000).toISOString()} for ${(c.lastSeen - c.firstSeen).toFixed(3)} s`]);
  }
  const known = new Set(['id', 'l4', 'client', 'clientPort', 'server', 'serverPort', 'l7', 'category', 'countries', 'counters']);
  for (const [key, value] of Object.entries(flow)) {
    if (known.has(key)) continue;
    out.push([key, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
  }
  return out;
}

export function renderFlowDetail(host: HTMLElement, hit: Hit | undefined, flowHits: Hit[], reveal: (hit: Hit) => void): void {
  host.textContent = '';
  if (!hit) {
    host.appendChild(el('p', 'Select a hit to see its flow.', 'muted'));
    return;
  }
  if (!hit.flow) {
    host.appendChild(el('h3', 'Outside any flow'));
    host.appendChild(el('p', `${hit.file}:${hit.line} ${hit.hook || '(loading)'}`, 'muted'));
    return;
  }
  host.appendChild(el('h3', `Flow #${hit.flow.id}`));
  const table = el('dl');
  for (const [key, value] of fields(hit.flow)) {
    table.appendChild(el('dt', key));
    table.appendChild(el('dd', value));
  }
  const kinds: Record<string, number> = {};
  for (const h of flowHits) kinds[h.kind] = (kinds[h.kind] ?? 0) + 1;
  table.appendChild(el('dt', 'hits'));
  table.appendChild(el('dd', Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')));
  host.appendChild(table);
  const list = el('ol', undefined, 'flow-hits');
  // A flow can have thousands of hits: list the first ones, so selecting a row stays instant.
  for (const h of flowHits.slice(0, MAX_LISTED_HITS)) {
    const item = el('li');
    const link = el('a', `${h.hook || '(load)'} ${h.file.split(/[\\/]/).pop()}:${h.line} ${h.message}`);
    link.href = '#';
    link.addEventListener('click', (e) => {
      e.preventDefault();
      reveal(h);
    });
    item.appendChild(link);
    list.appendChild(item);
  }
  host.appendChild(list);
  if (flowHits.length > MAX_LISTED_HITS) {
    host.appendChild(el('p', `and ${flowHits.length - MAX_LISTED_HITS} more hits of this flow (group by flow to see them all)`, 'muted'));
  }
}
