/**
 * The language server: wires the LSP connection to the analyses, rules and features. Knows
 * nothing about VS Code; any editor can start it (`flowscript lsp --stdio`, docs/editors.md).
 */
import {
  TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { forgetTree, loadRecoveringParser } from './analysis/recovering-parser';
import { diagnose } from './diagnostics';
import { DocumentAnalyses } from './document-analyses';
import { codeActions } from './features/code-actions';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { hover } from './features/hover';
import { signatureHelp } from './features/signature';
import { documentSymbols } from './features/symbols';
import { toDiagnostic } from './lsp-convert';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

declare const __VERSION__: string | undefined;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let baseSettings: Settings = DEFAULT_SETTINGS;
  let canAskConfiguration = false;
  const perDocument = new Map<string, Settings>();
  const analyses = new DocumentAnalyses((uri) => perDocument.get(uri) ?? baseSettings);
  const pending = new Set<string>();
  let flushScheduled = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    baseSettings = readSettings(params.initializationOptions);
    canAskConfiguration = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', ':', '"', "'", '['], resolveProvider: false },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        documentSymbolProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: 'flowscript-language-server', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' },
    };
  });

  // Diagnostics wait for the recovering parser (a few ms at start-up), so that a document's
  // syntax errors do not change between two publications of the same version.
  let parserReady: Promise<void> | undefined;
  connection.onInitialized(() => {
    parserReady = loadRecoveringParser().then(
      () => undefined,
      (error: Error) => connection.console.error(`flowscript: only the first syntax error is reported: ${error.message}`),
    );
  });

  connection.onDidChangeConfiguration((change) => {
    if (!canAskConfiguration) baseSettings = readSettings(change.settings, baseSettings);
    perDocument.clear();
    analyses.invalidate();
    for (const d of documents.all()) refreshSettings(d.uri);
  });

  /** Documents whose settings were asked for and not received yet: not checked until then. */
  const awaitingSettings = new Set<string>();

  /** Asks the client for the document's `flowscript` section, then re-checks it. */
  function refreshSettings(uri: string): void {
    if (!canAskConfiguration) {
      schedule(uri);
      return;
    }
    awaitingSettings.add(uri);
    connection.workspace.getConfiguration({ scopeUri: uri, section: 'flowscript' }).then(
      (raw: unknown) => {
        awaitingSettings.delete(uri);
        const next = readSettings(raw, baseSettings);
        const before = perDocument.get(uri);
        perDocument.set(uri, next);
        if (!before || before.profile !== next.profile || before.scriptGlobs.join('\n') !== next.scriptGlobs.join('\n')) {
          analyses.invalidate();
        }
        schedule(uri);
      },
      () => {
        awaitingSettings.delete(uri);
        schedule(uri);
      },
    );
  }

  /** Diagnostics are published once per burst of changes, for the latest version. */
  function schedule(uri: string): void {
    pending.add(uri);
    if (flushScheduled) return;
    flushScheduled = true;
    const flush = () => {
      flushScheduled = false;
      for (const u of pending) publish(u);
      pending.clear();
    };
    // Two turns of the event loop: a request that arrives with the change (completion after
    // typing ".") is answered first, from the tokens, instead of waiting for the whole analysis.
    const later = () => setImmediate(() => setImmediate(flush));
    if (parserReady) void parserReady.then(later);
    else later();
  }

  function publish(uri: string): void {
    const doc = documents.get(uri);
    // Opening a document also reports a content change: its first diagnostics wait for its
    // settings (refreshSettings schedules them), so that they use the right profile and globs.
    if (!doc || awaitingSettings.has(uri)) return;
    try {
      const a = analyses.get(doc);
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnose(a).map((f) => toDiagnostic(doc, f)) });
    } catch (error) {
      // A bug of ours must not take the server (and the editor's other files) down.
      connection.console.error(`flowscript: could not check ${uri}: ${(error as Error).stack ?? error}`);
    }
  }

  // The first diagnostics of a document wait for its settings, so they use the right profile.
  documents.onDidOpen((e) => refreshSettings(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    analyses.delete(e.document.uri);
    forgetTree(e.document.uri);
    awaitingSettings.delete(e.document.uri);
    perDocument.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    return complete(doc, doc.offsetAt(p.position), analyses.latest(doc));
  });
  connection.onHover((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    const { analysis, fresh } = analyses.getUsable(doc);
    return fresh && analysis.flowScriptReason ? hover(doc, doc.offsetAt(p.position), analysis) : null;
  });
  connection.onSignatureHelp((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    const a = analyses.latest(doc);
    return a.flowScriptReason ? signatureHelp(doc.getText(), doc.offsetAt(p.position), a.profile) : null;
  });
  connection.onCodeAction((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    return codeActions(doc, p.range, analyses.get(doc));
  });
  connection.onDocumentSymbol((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    const { analysis, fresh } = analyses.getUsable(doc);
    return fresh ? documentSymbols(doc, analysis) : [];
  });
  connection.onDefinition((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    const { analysis, fresh } = analyses.getUsable(doc);
    return fresh ? definition(doc, doc.offsetAt(p.position), analysis) : [];
  });

  documents.listen(connection);
  connection.listen();
}
