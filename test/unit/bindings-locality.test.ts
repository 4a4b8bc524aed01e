/** engine/scripts/bindings/locality.ts: what flow.isUnicast / isLocal* decide from an address. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBroadOrMulticast, networkMatcher } from '../../engine/scripts/bindings/locality';

test('broadcast and multicast addresses, IPv4 and IPv6, and the unicast ones around them', () => {
  for (const ip of ['224.0.0.251', '239.255.255.250', '255.255.255.255', 'ff02::1', 'FF05::1:3', 'ff00::']) assert.equal(isBroadOrMulticast(ip), true, ip);
  for (const ip of ['223.255.255.255', '240.0.0.1', '255.255.255.254', '10.0.0.1', 'fe80::1', 'f::1', '::ffff:224.0.0.1', '2001:db8::ff', '999.0.0.1']) {
    assert.equal(isBroadOrMulticast(ip), false, ip);
  }
});

test('network matcher: IPv4 arithmetically, IPv6 through the block list (its answers cached)', () => {
  const m = networkMatcher(['192.168.0.0/16', '10.0.0.0/8', 'fc00::/7', '127.0.0.1']);
  for (const ip of ['192.168.1.2', '10.255.0.1', 'fd00::5', '127.0.0.1']) assert.equal(m(ip), true, ip);
  for (const ip of ['192.169.0.1', '11.0.0.1', 'fe80::1', '127.0.0.2', '8.8.8.8']) assert.equal(m(ip), false, ip);
  assert.equal(m('fd00::5'), true, 'a cached answer');
});
