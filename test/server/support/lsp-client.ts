/**
 * A real LSP client for the tests and the benchmark: starts the BUILT server (dist/server.js)
 * as its own process and talks to it with vscode-jsonrpc over stdio (or node IPC), the way an
 * editor does. Diagnostics are collected per document and awaited by version.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import { resolve } from 'node:path';
import {
  createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, InitializeResult, Location, Position,
  PublishDiagnosticsParams, Range, SignatureHelp, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';

export const SERVER_JS = resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  transport?: 'stdio' | 'ipc';
  /** Sent as initializationOptions. */
  initializationOptions?: unknown;
  /** When set, the client supports workspace/configuration and answers with this `flowscript` section. */
  configuration?: (scopeUri: string | undefined) => unknown;
  /** Command to start instead of `node dist/server.js` (e.g. the CLI's lsp command). */
  command?: { file: string; args: string[] };
}

/**
 * Servers still running. Under the test runner they are killed after the file's tests (the hook
 * is registered when this module loads, at the file's top level), so a failed assertion never
 * leaves one holding the test process open.
 */
const running = new Set<ChildProcess>();
if (process.env.NODE_TEST_CONTEXT) {
  after(() => {
    for (const child of running) child.kill();
  });
}

export class LspClient {
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; version: number; resolve: (d: Diagnostic[]) => void }[] = [];
  private readonly versions = new Map<string, number>();
  readonly stderr: string[] = [];
  initializeResult!: InitializeResult;

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) {}

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const transport = options.transport ?? 'stdio';
    const file = options.command?.file ?? SERVER_JS;
    const args = options.command?.args ?? [transport === 'ipc' ? '--node-ipc' : '--stdio'];
    let child: ChildProcess;
    let connection: MessageConnection;
    if (transport === 'ipc') {
      child = fork(file, args, { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
      connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      child = spawn(process.execPath, [file, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    running.add(child);
    child.once('exit', () => running.delete(child));
    const client = new LspClient(child, connection);
    child.stderr!.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.received(p));
    connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map((item) => options.configuration?.(item.scopeUri) ?? null));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: !!options.configuration },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } } },
      },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private received(p: PublishDiagnosticsParams): void {
    this.diagnostics.set(p.uri, p);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i];
      if (w.uri === p.uri && (p.version ?? -1) >= w.version) {
        this.waiters.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
  }

  /** Resolves with the diagnostics the server publishes for `version` (or a later one). */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    const have = this.diagnostics.get(uri);
    if (have && (have.version ?? -1) >= version) return Promise.resolve(have.diagnostics);
    return new Promise((resolvePromise) => this.waiters.push({ uri, version, resolve: resolvePromise }));
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lua', version: 1, text } });
    return this.diagnosticsFor(uri, 1);
  }

  /** Replaces the whole text (or one range) and resolves with the new version's diagnostics. */
  async change(uri: string, text: string, range?: Range): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.sendChange(uri, version, text, range);
    return this.diagnosticsFor(uri, version);
  }

  /** Sends a change without waiting for diagnostics; returns the new version. */
  async sendChange(uri: string, version: number, text: string, range?: Range): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version }, contentChanges: [range ? { range, text } : { text }],
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async completion(uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    const r = await this.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position, context });
    return !r ? [] : Array.isArray(r) ? r : r.items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  signatureHelp(uri: string, position: Position): Promise<SignatureHelp | null> {
    return this.connection.sendRequest('textDocument/signatureHelp', { textDocument: { uri }, position, context: { triggerKind: 1, isRetrigger: false } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  symbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  definition(uri: string, position: Position): Promise<Location[]> {
    return this.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position });
  }

  async changeConfiguration(): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => {
      if (this.process.exitCode !== null) r(this.process.exitCode);
      else this.process.once('exit', (code) => r(code));
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** Applies the edits of one document in a WorkspaceEdit to its text. */
export function applyEdit(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
  const offsets = lineOffsets(text);
  const at = (p: Position) => offsets[p.line] + p.character;
  return [...edits]
    .sort((a, b) => at(b.range.start) - at(a.range.start))
    .reduce((t, e) => t.slice(0, at(e.range.start)) + e.newText + t.slice(at(e.range.end)), text);
}

function lineOffsets(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

/** The position of the n-th (0-based) occurrence of `needle`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = needle.length, nth = 0): Position {
  let index = -1;
  for (let k = 0; k <= nth; k++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  const offset = index + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
