import { PROFILES } from '../../api/flow/profiles';

// Kept apart from run-command.ts so that `flowscript help` does not load the Lua host.
export const RUN_USAGE = `usage: flowscript run <script.lua>... <capture> [--profile ${PROFILES.join('|')}] [--geoip CITY.mmdb] [--blacklist FILE] [--json] [--summary]
       flowscript run <script.lua>... --interface IF [--filter BPF] [--duration S | --packets N] [options]

Runs ntopng flow scripts, unmodified, over a pcap/pcapng capture or live traffic and prints
what they do (prints, errors, ...) as hits, one per line, then a summary.
  --profile P       the ntopng API to emulate: 2019.11 (default; the Flow Scripts
                    documentation), 4.0 or 4.2
  --geoip FILE      your city database (GeoLite2-City or DB-IP city .mmdb) for city,
                    latitude and longitude; countries come from the bundled database
  --blacklist FILE   addresses and networks to treat as blacklisted (one per line,
                    e.g. 1.2.3.4 or 10.0.0.0/8): flow.isBlacklisted() answers from it
  --json            one JSON object per hit, then a JSON summary line
  --summary         only the summary
  --wallclock       run the 5-second walks on the wall clock, as ntopng does even when it
                    reads a pcap (results then depend on the machine's speed; docs/hooks.md);
                    the default is packet time, deterministic

Live capture (docs/live.md; "flowscript interfaces" lists the interfaces):
  --interface IF, -i IF   capture on IF with tcpdump; Ctrl+C stops, every open flow
                          gets flowEnd and the summary is printed
  --filter BPF            capture filter, e.g. "udp port 53 or tcp port 80"
  --duration S            stop after S seconds
  --packets N             stop after N packets
  --snaplen N             bytes kept of each packet (default 262144)
  --buffer-mib N          kernel capture buffer in MiB (default 32; the tools' own is 2):
                          it absorbs the bursts of hook calls at each walk
  --capture-tool T        tcpdump (default) or dumpcap
  --capture-tool-path P   the tool's executable (default: found on PATH)
  --periodic-seconds S    call periodicUpdate every S seconds instead of ntopng's 30
                          (demonstrations, tests; not ntopng's timing)`;
