import { PROFILES } from '../../api/flow/profiles';

// Kept apart from check-command.ts so that `flowscript help` does not load the analysis.
export const CHECK_USAGE = `usage: flowscript check <script.lua>... [--profile ${PROFILES.join('|')}] [--format text|json]

Checks flow scripts with the language server's diagnostics (docs/diagnostics.md) and
prints them, one per line: file:line:column: severity code: message.
Exits 1 when any diagnostic is an error, 0 otherwise (warnings and hints included).
  --profile P       the ntopng API to check against: 2019.11 (default), 4.0 or 4.2;
                    a "-- flowscript: profile=..." first line in a file wins
  --format json     one JSON document with every file's diagnostics and the totals`;

export const LSP_USAGE = `usage: flowscript lsp --stdio

Starts the flow-script language server on standard input/output, for editors other
than VS Code (docs/editors.md shows Neovim and Helix set-ups).`;
