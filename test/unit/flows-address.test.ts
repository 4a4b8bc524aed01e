import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIPv4Word, formatIPv6Words, parseIPv4, parseIPv6 } from '../../engine/flows/address';

function words(bytes: number[]): [number, number, number, number] {
  const w = [0, 1, 2, 3].map((i) => ((bytes[4 * i] << 24) | (bytes[4 * i + 1] << 16) | (bytes[4 * i + 2] << 8) | bytes[4 * i + 3]) >>> 0);
  return [w[0], w[1], w[2], w[3]];
}

test('IPv6 text as ntop prints it: longest zero run, even a single word, embedded IPv4', () => {
  const cases: [string, string][] = [
    ['2001:470:1f0b:16b0:0:0:0:a26', '2001:470:1f0b:16b0::a26'],
    ['2a03:2880:1010:6f03:face:b00c:0:2', '2a03:2880:1010:6f03:face:b00c::2'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['fe80:0:0:0:0:0:0:0', 'fe80::'],
    ['0:0:0:0:0:ffff:c000:201', '::ffff:192.0.2.1'],
    ['2001:DB8:1:2:3:4:5:6', '2001:db8:1:2:3:4:5:6'],
  ];
  for (const [input, printed] of cases) assert.equal(formatIPv6Words(...words(parseIPv6(input))), printed, input);
});

test('IPv4 text round trip', () => {
  for (const text of ['0.0.0.0', '192.168.1.10', '255.255.255.255', '1.2.4.8']) {
    const [a, b, c, d] = parseIPv4(text);
    assert.equal(formatIPv4Word(((a << 24) | (b << 16) | (c << 8) | d) >>> 0), text);
  }
});

test('malformed address text is refused', () => {
  for (const bad of ['1.2.3', '1.2.3.256', '1.2.3.4.5', 'a.b.c.d', '']) assert.throws(() => parseIPv4(bad), /not an IPv4 address/, bad);
  for (const bad of ['1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '12345::1', 'g::1', '1:2:3:4::5:6:7:8']) {
    assert.throws(() => parseIPv6(bad), /not an IPv6 address/, bad);
  }
});
