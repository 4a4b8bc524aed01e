/**
 * The panel's data model, free of the DOM so that it can be tested on its own: every hit of
 * the current run, the filters, the rows the table shows (flat or grouped by flow), the
 * summary counts and the timeline's bins. Rows are recomputed only when hits or filters
 * change; the table asks for a slice of them while scrolling.
 */
import type { Hit } from '../../engine/hits';

export interface HitFilter {
  /** Case-insensitive substring of the message, script, hook, file or flow endpoints. */
  text: string;
  /** '' = any. */
  kind: string;
  hook: string;
  script: string;
}

export type Row =
  | { type: 'hit'; index: number; depth: 0 | 1 }
  | { type: 'flow'; flowId: number; count: number; first: number; expanded: boolean };

export interface Summary {
  total: number;
  shown: number;
  byKind: Record<string, number>;
  flows: number;
}

export const EMPTY_FILTER: HitFilter = { text: '', kind: '', hook: '', script: '' };

/** Flow id used for hits outside any flow (load errors, setup prints). */
export const NO_FLOW = -1;

export function flowIdOf(hit: Hit): number {
  return hit.flow ? hit.flow.id : NO_FLOW;
}

/**
 * What makes a flow "the same flow" in another run: protocol and both endpoints (ids are
 * numbered per run). Undefined for hits outside any flow.
 */
export function flowKeyOf(hit: Hit): string | undefined {
  const f = hit.flow;
  return f ? `${f.l4} ${f.client}:${f.clientPort} ${f.server}:${f.serverPort}` : undefined;
}

/** A selected row, by what it shows rather than where: rows move with filters, grouping and new hits. */
export interface Selection {
  /** Index in `hits` (the header of a group stands for its first matching hit). */
  hit: number;
  /** The flow's header row rather than the hit's own row. */
  group: boolean;
}

function searchText(hit: Hit): string {
  const f = hit.flow;
  const flow = f ? ` ${f.client}:${f.clientPort} ${f.server}:${f.serverPort} ${f.l4} ${f.l7} ${f.countries.client ?? ''} ${f.countries.server ?? ''}` : '';
  return `${hit.kind} ${hit.script} ${hit.hook} ${hit.file}:${hit.line} ${hit.message}${flow}`.toLowerCase();
}

export class HitStore {
  readonly hits: Hit[] = [];
  private filter: HitFilter = { ...EMPTY_FILTER };
  private grouped = false;
  private readonly collapsed = new Set<number>();
  private rowsCache: Row[] | undefined;
  private matchCache: number[] | undefined;
  private readonly lowered: string[] = [];

  clear(): void {
    this.hits.length = 0;
    this.lowered.length = 0;
    this.collapsed.clear();
    this.invalidate();
  }

  add(hits: readonly Hit[]): void {
    for (const hit of hits) {
      this.hits.push(hit);
      this.lowered.push(searchText(hit));
    }
    this.invalidate();
  }

  setFilter(filter: Partial<HitFilter>): void {
    this.filter = { ...this.filter, ...filter };
    this.invalidate();
  }

  getFilter(): HitFilter {
    return { ...this.filter };
  }

  setGrouped(grouped: boolean): void {
    this.grouped = grouped;
    this.invalidate();
  }

  isGrouped(): boolean {
    return this.grouped;
  }

  toggleFlow(flowId: number): void {
    if (this.collapsed.has(flowId)) this.collapsed.delete(flowId);
    else this.collapsed.add(flowId);
    this.rowsCache = undefined;
  }

  /** Indices of the hits that pass the filter, in engine order. */
  matches(): number[] {
    if (this.matchCache) return this.matchCache;
    const { text, kind, hook, script } = this.filter;
    const needle = text.trim().toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < this.hits.length; i++) {
      const h = this.hits[i]!;
      if (kind && h.kind !== kind) continue;
      if (hook && h.hook !== hook) continue;
      if (script && h.script !== script) continue;
      if (needle && !this.lowered[i]!.includes(needle)) continue;
      out.push(i);
    }
    this.matchCache = out;
    return out;
  }

  rows(): Row[] {
    if (this.rowsCache) return this.rowsCache;
    const matches = this.matches();
    if (!this.grouped) {
      this.rowsCache = matches.map((index) => ({ type: 'hit', index, depth: 0 }));
      return this.rowsCache;
    }
    // Groups in the order of their first matching hit.
    const groups = new Map<number, number[]>();
    for (const i of matches) {
      const id = flowIdOf(this.hits[i]!);
      let g = groups.get(id);
      if (!g) groups.set(id, (g = []));
      g.push(i);
    }
    const rows: Row[] = [];
    for (const [flowId, indices] of groups) {
      const expanded = !this.collapsed.has(flowId);
      rows.push({ type: 'flow', flowId, count: indices.length, first: indices[0]!, expanded });
      if (expanded) for (const index of indices) rows.push({ type: 'hit', index, depth: 1 });
    }
    this.rowsCache = rows;
    return rows;
  }

  /** The hit (or group header) a row shows. */
  selectionAt(row: number): Selection | undefined {
    const r = this.rows()[row];
    if (!r) return undefined;
    return r.type === 'hit' ? { hit: r.index, group: false } : { hit: r.first, group: true };
  }

  /**
   * The row that shows `selection` now: its own row, else its flow's header (its group is
   * folded, or grouping was switched), else -1 (filtered out).
   */
  rowOf(selection: Selection): number {
    const hit = this.hits[selection.hit];
    if (!hit) return -1;
    const flowId = flowIdOf(hit);
    const rows = this.rows();
    let header = -1;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.type === 'flow' && r.flowId === flowId) {
        if (selection.group) return i;
        header = i;
      } else if (r.type === 'hit' && r.index === selection.hit) return i;
    }
    return header;
  }

  /** The first row showing a hit of the flow with this key (flowKeyOf), -1 when none. */
  firstRowOfFlow(key: string): number {
    const rows = this.rows();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const hit = this.hits[r.type === 'hit' ? r.index : r.first]!;
      if (flowKeyOf(hit) === key) return i;
    }
    return -1;
  }

  /** Every hit of one flow, for the detail pane. */
  hitsOfFlow(flowId: number): Hit[] {
    return this.hits.filter((h) => flowIdOf(h) === flowId);
  }

  summary(): Summary {
    const byKind: Record<string, number> = {};
    const flows = new Set<number>();
    for (const h of this.hits) {
      byKind[h.kind] = (byKind[h.kind] ?? 0) + 1;
      if (h.flow) flows.add(h.flow.id);
    }
    return { total: this.hits.length, shown: this.matches().length, byKind, flows: flows.size };
  }

  /** Distinct values of a field over all hits (the filter drop-downs). */
  values(field: 'kind' | 'hook' | 'script'): string[] {
    const seen = new Set<string>();
    for (const h of this.hits) if (h[field]) seen.add(h[field]);
    return [...seen].sort();
  }

  /** Matching hits counted over `bins` equal slices of packet time; hits without a time are left out. */
  timeline(bins: number): { start: number; end: number; counts: number[] } | undefined {
    let start = Infinity;
    let end = -Infinity;
    const matches = this.matches();
    for (const i of matches) {
      const t = this.hits[i]!.time;
      if (t === undefined) continue;
      if (t < start) start = t;
      if (t > end) end = t;
    }
    if (start === Infinity) return undefined;
    const counts = new Array<number>(bins).fill(0);
    const span = end - start;
    for (const i of matches) {
      const t = this.hits[i]!.time;
      if (t === undefined) continue;
      const bin = span > 0 ? Math.min(bins - 1, Math.floor(((t - start) / span) * bins)) : 0;
      counts[bin]!++;
    }
    return { start, end, counts };
  }

  private invalidate(): void {
    this.rowsCache = undefined;
    this.matchCache = undefined;
  }
}
