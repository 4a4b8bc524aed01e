import { PROFILES } from '../../api/flow/profiles';

// Kept apart from run-command.ts so that `flowscript help` does not load the Lua host.
export const RUN_USAGE = `usage: flowscript run <script.lua>... <capture> [--profile ${PROFILES.join('|')}] [--geoip CITY.mmdb] [--json] [--summary]

Runs ntopng flow scripts, unmodified, over a pcap/pcapng capture and prints what they do
(prints, errors, ...) as hits, one per line, then a summary.
  --profile P       the ntopng API to emulate: 2019.11 (default; the Flow Scripts
                    documentation), 4.0 or 4.2
  --geoip FILE      your city database (GeoLite2-City or DB-IP city .mmdb) for city,
                    latitude and longitude; countries come from the bundled database
  --json            one JSON object per hit, then a JSON summary line
  --summary         only the summary`;
