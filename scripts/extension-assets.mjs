// Files the extension needs next to its bundles, since the .vsix has no node_modules: the
// bundled country database (engine/worker/run-job.ts looks for dist/geo/ first).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkg = require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/package.json');
mkdirSync('dist/geo', { recursive: true });
copyFileSync(join(dirname(pkg), 'geo-whois-asn-country.mmdb'), 'dist/geo/geo-whois-asn-country.mmdb');
