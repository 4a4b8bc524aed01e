/**
 * The bundled country database: `@ip-location-db/geo-whois-asn-country-mmdb`
 * (pinned in package.json; CC BY 4.0, attribution to nro.net: see NOTICE). Its combined
 * IPv4+IPv6 file is used, so both address families are answered by one tree.
 *
 * The file is found through the package's own package.json with require.resolve, at run
 * time: from the sources (tsx) and from the esbuild bundle in dist/ alike, since Node
 * resolves it from the calling file's folder upwards into node_modules.
 */
import { dirname, join } from 'node:path';
import { GeoDatabaseError } from './mmdb-file';

export const COUNTRY_DB_PACKAGE = '@ip-location-db/geo-whois-asn-country-mmdb';
export const COUNTRY_DB_FILE = 'geo-whois-asn-country.mmdb';

let cached: string | undefined;

/** Absolute path of the bundled country .mmdb file; throws a GeoDatabaseError if the package is missing. */
export function bundledCountryDbPath(): string {
  if (cached) return cached;
  let pkg: string;
  try {
    pkg = require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/package.json');
  } catch {
    throw new GeoDatabaseError(
      `${COUNTRY_DB_PACKAGE}/${COUNTRY_DB_FILE}`,
      'the bundled country database package is not installed',
      'Run `npm install` in the Flow Script Studio folder (it is a runtime dependency).',
    );
  }
  cached = join(dirname(pkg), COUNTRY_DB_FILE);
  return cached;
}
