/**
 * The capture tools' standard error, as tcpdump 4.99 and dumpcap 4.0 write it (lines copied
 * from real runs on this system): readiness, counters and failures are told apart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInterfaceList, parseStats, parseToolLine } from '../../engine/capture/live';
import { LineSplitter } from '../../engine/capture/live/tool-messages';
import { captureArgs } from '../../engine/capture/live/tool';

test('tcpdump and dumpcap counters, live (SIGUSR1) and final', () => {
  assert.deepEqual(parseStats('12 packets captured, 24 packets received by filter, 3 packets dropped by kernel'), { captured: 12, received: 24, dropped: 3 });
  assert.deepEqual(parseStats('7 packets dropped by interface'), { interfaceDropped: 7 });
  assert.deepEqual(parseStats('1 packet captured'), { captured: 1 });
  assert.deepEqual(
    parseStats("Packets received/dropped on interface 'Loopback: lo': 10/2 (pcap:2/dumpcap:0/flushed:0/ps_ifdrop:1) (100.0%)"),
    { received: 10, dropped: 2, interfaceDropped: 1 });
  assert.deepEqual(parseStats('Packets captured: 5'), { captured: 5 });
  assert.equal(parseStats('listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes'), undefined);
});

test('start lines and failures', () => {
  assert.equal(parseToolLine('tcpdump: listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes').kind, 'listening');
  const cases: Array<[string, string]> = [
    ["tcpdump: lo: You don't have permission to perform this capture on that device", 'permission'],
    ['(socket: Operation not permitted)', 'permission'],
    ['dumpcap: You do not have permission to capture on device "lo".', 'permission'],
    ['tcpdump: nosuch: No such device exists', 'no-such-interface'],
    ['dumpcap: There is no device named "nosuch".', 'no-such-interface'],
    ["tcpdump: unknown port 'foo'", 'bad-filter'],
    ['tcpdump: syntax error in filter expression: syntax error', 'bad-filter'],
    ['dumpcap: Invalid capture filter "port foo" for interface \'lo\'.', 'bad-filter'],
  ];
  for (const [line, failure] of cases) assert.deepEqual(parseToolLine(line), { kind: 'failure', failure, text: line.replace(/^(tcpdump|dumpcap): /, '') }, line);
});

test('lines split across chunks, and -D lists', () => {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l));
  s.push('tcpdump: listen');
  s.push('ing on lo\n3 packets captured\r\n4 pack');
  s.end();
  assert.deepEqual(lines, ['tcpdump: listening on lo', '3 packets captured', '4 pack']);
  assert.deepEqual(parseInterfaceList('1.eth0 [Up, Running, Connected]\n2.any (Pseudo-device that captures on all interfaces) [Up, Running]\n4.ifb0 [none]\n3. lo (Loopback)\n'), [
    { index: 1, name: 'eth0', flags: ['Up', 'Running', 'Connected'] },
    { index: 2, name: 'any', description: 'Pseudo-device that captures on all interfaces', flags: ['Up', 'Running'] },
    { index: 4, name: 'ifb0', flags: [] },
    { index: 3, name: 'lo', description: 'Loopback', flags: [] },
  ]);
});

test('tool arguments: unbuffered pcap to stdout, filter as one argument', () => {
  assert.deepEqual(captureArgs('tcpdump', { interface: 'lo', filter: 'udp port 53', snaplen: 128, packets: 10 }),
    ['-i', 'lo', '-U', '--immediate-mode', '-n', '-s', '128', '-c', '10', '-w', '-', 'udp port 53']);
  assert.deepEqual(captureArgs('dumpcap', { interface: 'lo', filter: 'udp port 53', bufferMiB: 8 }),
    ['-i', 'lo', '-B', '8', '-f', 'udp port 53', '-w', '-']);
});
