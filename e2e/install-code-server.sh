#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the newest release that runs on Node 20) into a
# cache folder OUTSIDE the clone, for the end-to-end tests (e2e/README.md). Skips when it is
# already there. Works with no internet beyond the npm registry; the workarounds below are the
# ones measured in the project's e2e recipe:
#   - npm refuses install scripts as root unless unsafe-perm is set;
#   - kerberos builds from source and needs libkrb5-dev (apt, see scripts/install-test-tools.sh);
#   - node-pty's postinstall runs `npx node-gyp`, which needs npx's "yes";
#   - @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the
#     archive: we seed it with Debian's rg (apt package ripgrep).
set -euo pipefail

VERSION=4.100.3
TOOLS="${FLOWSCRIPT_E2E_TOOLS:-$HOME/.cache/flowscript/e2e}"
PREFIX="$TOOLS/code-server-$VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"

# Even `--version` writes config and logs under the XDG folders: keep them in the cache.
export XDG_CONFIG_HOME="$TOOLS/xdg/config" XDG_DATA_HOME="$TOOLS/xdg/data" XDG_CACHE_HOME="$TOOLS/xdg/cache"
if [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
  echo "code-server $VERSION already installed in $PREFIX"
  exit 0
fi

for tool in rg; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (apt-get install ripgrep)" >&2; exit 1; }
done
[ -e /usr/include/gssapi/gssapi.h ] || { echo "install-code-server: gssapi.h is missing (apt-get install libkrb5-dev)" >&2; exit 1; }

rm -rf "$PREFIX"
mkdir -p "$PREFIX" "$TOOLS/tmp"
export TMPDIR="$TOOLS/tmp"
# The rg asset code-server 4.100.3's @vscode/ripgrep 1.15.11 looks for before any download.
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

cd "$PREFIX"
echo '{"name":"flowscript-e2e-tools","private":true}' > package.json
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$VERSION"
"$BIN" --version
