/**
 * Entry of dist/server.js. createConnection picks the transport from the command line:
 * `--stdio` (any editor, `flowscript lsp --stdio`), `--node-ipc` (VS Code's TransportKind.ipc)
 * or `--socket=<port>`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
