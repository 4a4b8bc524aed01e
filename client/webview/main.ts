/**
 * The hits panel's script (bundled to dist/webview/hits.js, no framework, no network): it
 * receives hits from the host (protocol.ts), keeps them in a HitStore and draws the filters,
 * the summary with its timeline, the virtually scrolled table and the flow detail pane.
 */
import './hits.css';
import type { Hit } from '../../engine/hits';
import { renderFlowDetail } from './flow-detail';
import { flowIdOf, flowKeyOf, HitStore, NO_FLOW, type Row, type Selection } from './hit-store';
import type { HostMessage, RunEndInfo, RunInfo, ViewMessage } from './protocol';
import { renderTimeline } from './timeline';
import { VirtualTable } from './virtual-table';

declare function acquireVsCodeApi(): { postMessage(message: ViewMessage): void };
const vscode = acquireVsCodeApi();

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const store = new HitStore();
let run: RunInfo | undefined;
let end: RunEndInfo | undefined;
let percent = 0;
let rows: Row[] = [];
/** What the user selected; its row is found again after every change of the rows. */
let selection: Selection | undefined;
/**
 * A new run started while a hit was selected: its flow (flowKeyOf), selected again as soon as
 * the new run shows a hit of it; dropped when the run ends without one.
 */
let carriedFlow: string | undefined;
/** store.hits.length when the detail pane was drawn: it is redrawn when its flow may have new hits. */
let detailDrawnAt = -1;

const text = byId<HTMLInputElement>('filter-text');
const kind = byId<HTMLSelectElement>('filter-kind');
const hook = byId<HTMLSelectElement>('filter-hook');
const script = byId<HTMLSelectElement>('filter-script');
const grouped = byId<HTMLInputElement>('group-by-flow');
const status = byId('status');
const counts = byId('counts');
const timeline = byId('timeline');
const detail = byId('detail');

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function endpoints(hit: Hit): string {
  const f = hit.flow;
  if (!f) return '';
  const side = (ip: string, port: number, country?: string) => `${ip.includes(':') ? `[${ip}]` : ip}${port ? `:${port}` : ''}${country ? ` (${country})` : ''}`;
  return `${f.l4} ${side(f.client, f.clientPort, f.countries.client)} → ${side(f.server, f.serverPort, f.countries.server)} ${f.l7}`;
}

function clock(time: number | undefined): string {
  return time === undefined ? '' : new Date(time * 1000).toISOString().slice(11, 23);
}

function cell(row: HTMLElement, className: string, value: string): void {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = value;
  span.title = value;
  row.appendChild(span);
}

function renderRow(index: number, el: HTMLElement): void {
  const row = rows[index];
  el.textContent = '';
  el.className = el.className.replace(/\b(kind-\w+|group|depth-1)\b/g, '').trim();
  if (!row) return;
  if (row.type === 'flow') {
    const first = store.hits[row.first]!;
    el.classList.add('group');
    el.setAttribute('aria-expanded', String(row.expanded));
    cell(el, 'twisty', row.expanded ? '▾' : '▸');
    cell(el, 'flow', row.flowId === NO_FLOW ? 'outside any flow' : `#${row.flowId} ${endpoints(first)}`);
    cell(el, 'count', `${row.count} hit${row.count === 1 ? '' : 's'}`);
    return;
  }
  el.removeAttribute('aria-expanded');
  const hit = store.hits[row.index]!;
  el.classList.add(`kind-${hit.kind}`);
  if (row.depth === 1) el.classList.add('depth-1');
  cell(el, 'kind', hit.kind);
  cell(el, 'time', clock(hit.time));
  cell(el, 'hook', hit.hook);
  cell(el, 'flow', endpoints(hit));
  cell(el, 'message', hit.message);
  cell(el, 'where', `${fileName(hit.file)}:${hit.line}`);
}

function reveal(hit: Hit): void {
  if (hit.file && hit.line > 0) vscode.postMessage({ type: 'reveal', file: hit.file, line: hit.line });
}

function drawDetail(): void {
  const hit = selection && store.hits[selection.hit];
  renderFlowDetail(detail, hit, hit ? store.hitsOfFlow(flowIdOf(hit)) : [], reveal);
  detailDrawnAt = store.hits.length;
}

const table = new VirtualTable({
  container: byId('table'),
  renderRow,
  onSelect: (index) => {
    selection = store.selectionAt(index);
    carriedFlow = undefined;
    drawDetail();
  },
  onActivate: (index) => {
    const row = rows[index];
    if (!row) return;
    if (row.type === 'flow') {
      store.toggleFlow(row.flowId);
      update();
    } else reveal(store.hits[row.index]!);
  },
});

function fillSelect(select: HTMLSelectElement, values: string[], label: string): void {
  const current = select.value;
  const wanted = ['', ...values];
  if (select.options.length === wanted.length && wanted.every((v, i) => select.options[i]!.value === v)) return;
  select.textContent = '';
  for (const v of wanted) {
    const option = document.createElement('option');
    option.value = v;
    option.textContent = v || `any ${label}`;
    select.appendChild(option);
  }
  select.value = wanted.includes(current) ? current : '';
}

function statusText(): string {
  if (!run) return 'No run yet: open a flow script and use "Flow Script: Run on Capture..."';
  const what = `${run.scripts.map(fileName).join(', ')} on ${fileName(run.capture)}`;
  if (!end) return `Running ${what}… ${percent}%`;
  const note = end.note ? ` (${end.note})` : '';
  if (end.status === 'done') return `${what}: ${end.packets ?? 0} packets, ${end.flows ?? 0} flows${note}`;
  if (end.status === 'cancelled') return `${what}: stopped${note}`;
  return `${what}: failed${note}`;
}

let pending = 0;
/** Redraws at most once a frame however many batches arrive. */
function update(): void {
  if (pending) return;
  pending = requestAnimationFrame(() => {
    pending = 0;
    rows = store.rows();
    table.setCount(rows.length);
    followSelection();
    table.refresh();
    const s = store.summary();
    status.textContent = statusText();
    document.body.dataset.runState = end ? end.status : run ? 'running' : 'idle';
    const kinds = Object.entries(s.byKind).map(([k, n]) => `${n} ${k}`).join(', ');
    counts.textContent = `${s.shown} of ${s.total} hits shown · ${s.flows} flow${s.flows === 1 ? '' : 's'}${kinds ? ` · ${kinds}` : ''}`;
    renderTimeline(timeline, store.timeline(48));
    fillSelect(kind, store.values('kind'), 'kind');
    fillSelect(hook, store.values('hook'), 'hook');
    fillSelect(script, store.values('script'), 'script');
  });
}

/** Keeps the table's highlight and the detail pane on the selected hit as rows change. */
function followSelection(): void {
  if (carriedFlow !== undefined) {
    const row = store.firstRowOfFlow(carriedFlow);
    if (row >= 0) table.select(row);
    else if (end) carriedFlow = undefined;
    return;
  }
  if (!selection) return;
  const row = store.rowOf(selection);
  if (row < 0) {
    // Filtered out: nothing is selected any more, and the detail pane says so.
    selection = undefined;
    table.clearSelection();
    drawDetail();
    return;
  }
  table.setSelected(row);
  if (detailDrawnAt !== store.hits.length) drawDetail();
}

text.addEventListener('input', () => {
  store.setFilter({ text: text.value });
  update();
});
for (const [select, field] of [[kind, 'kind'], [hook, 'hook'], [script, 'script']] as const) {
  select.addEventListener('change', () => {
    store.setFilter({ [field]: select.value });
    update();
  });
}
grouped.addEventListener('change', () => {
  store.setGrouped(grouped.checked);
  update();
});

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'runStarted':
      run = message.run;
      end = undefined;
      percent = 0;
      // Keep looking at the same flow across runs (Re-run, re-run on save) if it is still there.
      carriedFlow = selection ? flowKeyOf(store.hits[selection.hit]!) : carriedFlow;
      selection = undefined;
      store.clear();
      table.clearSelection();
      drawDetail();
      break;
    case 'hits':
      store.add(message.hits);
      break;
    case 'progress':
      percent = message.percent;
      break;
    case 'runEnded':
      end = message.end;
      break;
    case 'focus':
      table.focus();
      break;
  }
  update();
});

drawDetail();
update();
vscode.postMessage({ type: 'ready' });
