/** The hits panel's data model (client/webview/hit-store.ts): filters, grouping, summary, timeline, scale. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit, HitFlow } from '../../engine/hits';
import { flowKeyOf, HitStore, NO_FLOW } from '../../client/webview/hit-store';

function flow(id: number, server: string): HitFlow {
  return { id, l4: 'TCP', client: '10.0.0.1', clientPort: 1000 + id, server, serverPort: 443, l7: 'TLS', countries: {} };
}

function hit(over: Partial<Hit>): Hit {
  return { kind: 'print', script: 'a', hook: 'protocolDetected', file: '/a.lua', line: 1, message: '', ...over };
}

const HITS: Hit[] = [
  hit({ message: 'From China', flow: flow(1, '1.2.4.8'), time: 100 }),
  hit({ kind: 'error', message: 'boom', flow: flow(2, '8.8.8.8'), time: 110 }),
  hit({ message: 'From China again', flow: flow(1, '1.2.4.8'), hook: 'flowEnd', time: 200 }),
  hit({ script: 'b', message: 'setup', hook: '' }),
];

test('filters combine text, kind, hook and script', () => {
  const store = new HitStore();
  store.add(HITS);
  assert.equal(store.matches().length, 4);
  store.setFilter({ text: 'china' });
  assert.deepEqual(store.matches(), [0, 2]);
  store.setFilter({ hook: 'flowEnd' });
  assert.deepEqual(store.matches(), [2]);
  store.setFilter({ text: '', hook: '', kind: 'error' });
  assert.deepEqual(store.matches(), [1]);
  store.setFilter({ kind: '', text: '8.8.8.8' });
  assert.deepEqual(store.matches(), [1], 'flow endpoints are searchable');
  store.setFilter({ text: '', script: 'b' });
  assert.deepEqual(store.matches(), [3]);
  assert.deepEqual(store.values('script'), ['a', 'b']);
});

test('group by flow: one header per flow, in order of first hit, collapsible', () => {
  const store = new HitStore();
  store.add(HITS);
  store.setGrouped(true);
  const rows = store.rows();
  assert.deepEqual(rows.filter((r) => r.type === 'flow').map((r) => r.type === 'flow' && [r.flowId, r.count]), [[1, 2], [2, 1], [NO_FLOW, 1]]);
  assert.equal(rows.length, 3 + 4);
  store.toggleFlow(1);
  assert.equal(store.rows().length, 3 + 2);
  assert.equal(store.hitsOfFlow(1).length, 2);
});

test('summary and timeline count what is shown', () => {
  const store = new HitStore();
  store.add(HITS);
  assert.deepEqual(store.summary(), { total: 4, shown: 4, byKind: { print: 3, error: 1 }, flows: 2 });
  const tl = store.timeline(10)!;
  assert.equal(tl.start, 100);
  assert.equal(tl.end, 200);
  assert.deepEqual(tl.counts, [1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  store.setFilter({ kind: 'error' });
  assert.deepEqual(store.timeline(2)!.counts, [1, 0]);
});

test('a selection follows its hit through filters and grouping, and is lost only when filtered out', () => {
  const store = new HitStore();
  store.add(HITS);
  // The second "From China" hit (index 2) is row 2 of the flat list.
  const selected = store.selectionAt(2)!;
  assert.deepEqual(selected, { hit: 2, group: false });
  store.setFilter({ text: 'china' });
  assert.equal(store.rowOf(selected), 1, 'rows 0 and 2 remain: the hit moved up');
  store.setGrouped(true);
  assert.equal(store.rowOf(selected), 2, 'flow 1 header, its first hit, then this one');
  store.toggleFlow(1);
  assert.equal(store.rowOf(selected), 0, 'a folded group: its header stands for the hit');
  store.toggleFlow(1);
  const header = store.selectionAt(0)!;
  assert.deepEqual(header, { hit: 0, group: true });
  assert.equal(store.rowOf(header), 0, 'a selected header stays the header, not its first hit');
  store.setGrouped(false);
  assert.equal(store.rowOf(header), 0, 'without groups, the header becomes its first hit');
  store.setFilter({ text: 'boom' });
  assert.equal(store.rowOf(selected), -1);
});

test('a flow is found again in a new run by its endpoints, not its id', () => {
  const store = new HitStore();
  store.add(HITS);
  const key = flowKeyOf(HITS[2]!)!;
  assert.equal(key, 'TCP 10.0.0.1:1001 1.2.4.8:443');
  assert.equal(flowKeyOf(HITS[3]!), undefined, 'a hit outside any flow has no key');
  store.clear();
  // The next run numbers flows differently and this flow's first hit comes second.
  store.add([hit({ flow: flow(7, '8.8.8.8') }), hit({ flow: { ...flow(9, '1.2.4.8'), clientPort: 1001 } })]);
  assert.equal(store.firstRowOfFlow(key), 1);
  store.clear();
  store.add([hit({ flow: flow(1, '9.9.9.9') })]);
  assert.equal(store.firstRowOfFlow(key), -1, 'same id, other endpoints: another flow');
});

test('100,000 hits: every filter and regroup is computed over all of them', () => {
  const store = new HitStore();
  const many: Hit[] = [];
  for (let i = 0; i < 100_000; i++) many.push(hit({ message: i % 10 === 0 ? 'rare' : 'common', flow: flow(i % 5000, '1.1.1.1'), time: i }));
  store.add(many);
  store.setFilter({ text: 'rare' });
  assert.equal(store.matches().length, 10_000);
  store.setGrouped(true);
  assert.equal(store.rows().filter((r) => r.type === 'flow').length, 500);
  assert.equal(store.summary().total, 100_000);
});
