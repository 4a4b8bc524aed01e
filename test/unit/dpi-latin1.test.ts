import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latin1, TextBuilder } from '../../engine/dpi/util/latin1';

test('latin1 maps every byte to the character of the same code, 0x80-0x9f included', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const text = latin1(all);
  assert.equal(text.length, 256);
  for (let i = 0; i < 256; i++) assert.equal(text.charCodeAt(i), i, `byte ${i}`);
});

test('latin1 reads the range asked for, clamped to the array, from any Uint8Array view', () => {
  const bytes = new TextEncoder().encode('xxhost.example.org');
  const view = bytes.subarray(2);
  assert.equal(latin1(view), 'host.example.org');
  assert.equal(latin1(view, 5, 12), 'example');
  assert.equal(latin1(view, 12, 400), '.org');
  assert.equal(latin1(view, -3, 4), 'host');
  assert.equal(latin1(view, 9, 3), '');
});

test('TextBuilder makes one string of the pushed bytes and starts over on reset', () => {
  const b = new TextBuilder();
  for (const c of [0x61, 0x2e, 0xe9]) b.push(c);
  assert.equal(b.text(), 'a.é');
  b.reset().push(0x7a);
  assert.equal(b.text(), 'z');
  b.reset();
  for (let i = 0; i < 5000; i++) b.push(0x41);
  assert.equal(b.text().length, 4096, 'cut at the scratch size');
});
