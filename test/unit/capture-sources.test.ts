/**
 * The two ways bytes reach the parser, a file and a stream, and what a user sees when
 * the source itself fails (a typed error with a plain message, no stack needed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CaptureReadError, copyPacket, feedStream, formatCaptureIssue, readCaptureFile,
  type CapturedPacket,
} from '../../engine/capture';
import { packetRecord } from '../support/capture-collect';
import { pcapBytes, samplePackets } from '../support/capture-bytes';
import { sharedCapturePath } from '../support/shared-pcaps';

test('readCaptureFile reports progress after every chunk, ending at the file size', () => {
  const path = sharedCapturePath('rdp.pcap');
  const size = statSync(path).size;
  const calls: Array<[number, number]> = [];
  const summary = readCaptureFile(path, { packet: () => {} }, { chunkBytes: 100_000, onProgress: (done, total) => calls.push([done, total]) });
  assert.equal(calls.length, Math.ceil(size / 100_000));
  assert.ok(calls.every(([, total]) => total === size));
  assert.ok(calls.every(([done], i) => i === 0 || done > calls[i - 1]![0]), 'monotonic');
  assert.deepEqual(calls.at(-1), [size, size]);
  assert.equal(summary.packets, 2010);
  assert.equal(summary.bytes, size);
});

test('readCaptureFile: missing file and directory give a CaptureReadError with a plain message', () => {
  const missing = join(tmpdir(), 'no-such-capture-here.pcap');
  assert.throws(() => readCaptureFile(missing, { packet: () => {} }), (error: unknown) => {
    assert.ok(error instanceof CaptureReadError);
    assert.equal(error.code, 'ENOENT');
    assert.equal(error.message, `${missing}: no such file`);
    return true;
  });
  const dir = mkdtempSync(join(tmpdir(), 'capture-dir-'));
  try {
    assert.throws(() => readCaptureFile(dir, { packet: () => {} }), (error: unknown) =>
      error instanceof CaptureReadError && error.code === 'EISDIR' && error.message === `${dir}: is a directory, not a capture file`);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('readCaptureFile: bad content is never an exception (empty file, not a capture)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'capture-bad-'));
  try {
    const empty = join(dir, 'empty.pcap');
    writeFileSync(empty, '');
    const issues: string[] = [];
    const summary = readCaptureFile(empty, { packet: () => {}, issue: (i) => issues.push(formatCaptureIssue(i, 'empty.pcap')) });
    assert.equal(summary.fatal, true);
    assert.deepEqual(issues, ['empty.pcap: byte 0: the capture is empty (0 bytes); nothing could be read']);
    const text = join(dir, 'notes.pcap');
    writeFileSync(text, 'GET / HTTP/1.1\r\n');
    const s2 = readCaptureFile(text, { packet: () => {} });
    assert.deepEqual([s2.fatal, s2.packets, s2.issueCounts], [true, 0, { 'not-a-capture': 1 }]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('feedStream gives the same packets as the file reader, from a stream of small chunks', async () => {
  const bytes = pcapBytes(samplePackets(40, 2), { resolution: 'ns' });
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 13) chunks.push(bytes.slice(at, at + 13));
  const fromStream: CapturedPacket[] = [];
  const summary = await feedStream(Readable.from(chunks), { packet: (p) => fromStream.push(copyPacket(p)) });
  assert.equal(summary.packets, 40);
  const dir = mkdtempSync(join(tmpdir(), 'capture-stream-'));
  try {
    const path = join(dir, 'x.pcap');
    writeFileSync(path, bytes);
    const fromFile: CapturedPacket[] = [];
    readCaptureFile(path, { packet: (p) => fromFile.push(copyPacket(p)) });
    assert.deepEqual(fromStream.map(packetRecord), fromFile.map(packetRecord));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('feedStream reads a child process pipe, like `tcpdump -w -`, and reports a cut tail', async () => {
  // `head -c` stands in for tcpdump killed mid-write: a valid stream cut in a record.
  const path = sharedCapturePath('ssh.pcap');
  const child = spawn('head', ['-c', '20000', path], { stdio: ['ignore', 'pipe', 'ignore'] });
  const numbers: number[] = [];
  const reasons: string[] = [];
  const summary = await feedStream(child.stdout, { packet: (p) => numbers.push(p.number), issue: (i) => reasons.push(i.reason) }, { source: 'live' });
  assert.ok(numbers.length > 50 && numbers.length < 258);
  assert.deepEqual(numbers, numbers.map((_, i) => i + 1));
  assert.deepEqual(reasons, ['truncated-record']);
  assert.equal(summary.bytes, 20000);
});

test('feedStream: a stream that fails rejects with CaptureReadError carrying what was read', async () => {
  const bytes = pcapBytes(samplePackets(3, 4));
  async function* failing(): AsyncGenerator<Uint8Array> {
    yield bytes;
    throw Object.assign(new Error('read EPIPE'), { code: 'EPIPE' });
  }
  await assert.rejects(feedStream(failing(), { packet: () => {} }, { source: 'live capture' }), (error: unknown) => {
    assert.ok(error instanceof CaptureReadError);
    assert.equal(error.message, 'live capture: read EPIPE');
    assert.equal(error.summary?.packets, 3);
    return true;
  });
});

test('feedStream: a text-mode stream is refused with a clear message', async () => {
  await assert.rejects(feedStream(Readable.from(['abc']), { packet: () => {} }), (error: unknown) =>
    error instanceof CaptureReadError && /delivers text, not bytes/.test(error.message));
});

test('formatCaptureIssue: with and without a packet number and a source', () => {
  const issue = { offset: 1234, packet: 17, reason: 'captured-length-too-large', message: 'record claims 300000 captured bytes' };
  assert.equal(formatCaptureIssue(issue, 'capture.pcap'), 'capture.pcap: byte 1234 (packet 17): record claims 300000 captured bytes');
  assert.equal(formatCaptureIssue({ offset: 0, reason: 'empty-capture', message: 'empty' }), 'byte 0: empty');
});
