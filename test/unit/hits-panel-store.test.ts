/** The hits panel's data model (client/webview/hit-store.ts): filters, grouping, summary, timeline, scale. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit, HitFlow } from '../../engine/hits';
import { HitStore, NO_FLOW } from '../../client/webview/hit-store';

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
