#!/usr/bin/env bash
# Regenerates host-rules.ts and ip-ranges.ts from the nDPI 4.2 library itself (Debian
# packages libndpi-dev 4.2 and libgcrypt20-dev). nDPI keeps its tables in file-local arrays;
# this makes those symbols global in a copy of the static library, links a small program
# that prints them as text, then turns the text into the TypeScript data files.
# Also: `./ndpi-tables match < hosts.txt` and `./ndpi-tables ip < addresses.txt` print what
# the real library decides, for comparing with host-apps.ts / ip-apps.ts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cd "$work"
lib=/usr/lib/x86_64-linux-gnu/libndpi.a
ar x "$lib" ndpi_main.o
objcopy --globalize-symbol=host_match --globalize-symbol=host_protocol_list --globalize-symbol=category_match \
  --globalize-symbol=tls_certificate_match --globalize-symbol=ndpi_protocol_microsoft_azure_protocol_list \
  ndpi_main.o ndpi_main_g.o
cp "$lib" libndpi_g.a && ar d libndpi_g.a ndpi_main.o && ar r libndpi_g.a ndpi_main_g.o
gcc -O1 -o ndpi-tables "$here/ndpi-tables.c" libndpi_g.a -lgcrypt -lm -lpthread
./ndpi-tables hosts > hosts.tsv
./ndpi-tables cats > cats.tsv
./ndpi-tables ips > ips.tsv
./ndpi-tables azure > azure.tsv
python3 "$here/flatten.py"
python3 "$here/generate.py"
echo "tables regenerated; the helper is $work/ndpi-tables"
