/**
 * `flowscript lsp --stdio`: starts the same language server as dist/server.js. The server picks
 * its transport from the command line (--stdio, --node-ipc, --socket=N), so this only loads it:
 * from its own bundle when bundled, so that cli.js stays small.
 */
import { join } from 'node:path';
import { UserError } from './user-error';

declare const __BUNDLED__: boolean;

export function lspCommand(args: string[]): void {
  if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    throw new UserError('lsp needs a transport: flowscript lsp --stdio');
  }
  if (typeof __BUNDLED__ !== 'undefined' && __BUNDLED__) require(join(__dirname, 'server.js'));
  else require('../../server/main');
}
