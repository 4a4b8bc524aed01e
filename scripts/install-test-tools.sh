#!/usr/bin/env bash
# Makes sure this machine has what the tests use as real peers and real editors, so that
# `npm test` alone works on a fresh Debian machine (and .ci/run is just `npm ci && npm test`):
#   - editcap (wireshark-common) and tshark: independent dissection and pcap -> pcapng;
#   - tcpdump: live capture;
#   - ndpiReader (libndpi-bin, nDPI 4.2): the peer the binary dissectors are checked against;
#   - neovim: a second LSP client for the language server;
#   - chromium, ripgrep, libkrb5-dev: the extension's end-to-end tests in code-server
#     (the last two only to install code-server, e2e/README.md);
#   - code-server 4.100.3 in a cache folder outside the clone (e2e/install-code-server.sh).
# Quick when everything is there (a dpkg query and a version check). Installs what is missing
# when it may (root); otherwise says exactly which command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(wireshark-common tshark tcpdump libndpi-bin neovim chromium ripgrep libkrb5-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "the tests need these system packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "installing the tests' system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# About 2.5 minutes cold, nothing when present.
timeout 900 e2e/install-code-server.sh >&2
