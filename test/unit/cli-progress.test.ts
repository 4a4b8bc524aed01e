import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TerminalProgress } from '../../engine/cli/progress';

function fakeTerminal(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (text: string) => (writes.push(text), true) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

test('progress appears on a terminal only after a second, and is erased at the end', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  const { stream, writes } = fakeTerminal(true);
  const progress = new TerminalProgress('reading x.pcap', stream);
  progress.update(10, 100, 5);
  assert.equal(writes.length, 0, 'nothing in the first second');
  t.mock.timers.tick(1500);
  progress.update(50, 100, 5000);
  assert.equal(writes.length, 1);
  assert.match(writes[0], /^\rreading x\.pcap \[#{12}-{12}\]  50%/);
  assert.match(writes[0], /5,000 packets/);
  progress.done();
  assert.equal(writes.at(-1), '\r\x1b[2K');
});

test('no progress when stderr is not a terminal', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  const { stream, writes } = fakeTerminal(false);
  const progress = new TerminalProgress('reading x.pcap', stream);
  t.mock.timers.tick(5000);
  progress.update(50, 100, 5000);
  progress.done();
  assert.deepEqual(writes, []);
});
