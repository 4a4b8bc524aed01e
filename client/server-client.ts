/**
 * The language client: starts the bundled language server (dist/server.js, node IPC), shows
 * its state in the status bar and never lets a crash pass silently: the user gets a message
 * with a Restart action, and the status bar item restarts it too.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, State, TransportKind,
  type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';

export const RESTART_COMMAND = 'flowscript.restartServer';

export class ServerClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private stopping = false;
  private readonly status = vscode.window.createStatusBarItem('flowscript.server', vscode.StatusBarAlignment.Left, 10);
  private readonly log = vscode.window.createOutputChannel('Flow Script Language Server', { log: true });

  constructor(private readonly extensionUri: vscode.Uri) {
    this.status.name = 'Flow Script language server';
    this.status.command = RESTART_COMMAND;
    this.show('starting');
  }

  async start(): Promise<void> {
    const module = vscode.Uri.joinPath(this.extensionUri, 'dist', 'server.js').fsPath;
    if (!existsSync(module)) {
      this.show('missing');
      void vscode.window.showErrorMessage(`Flow Script: the language server is missing (${module}). Reinstall the extension.`);
      return;
    }
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file', language: 'lua' }, { scheme: 'untitled', language: 'lua' }],
      synchronize: { configurationSection: 'flowscript' },
      outputChannel: this.log,
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          if (!this.stopping) void this.reportCrash();
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
      initializationFailedHandler: (error) => {
        this.log.appendLine(`initialization failed: ${error instanceof Error ? error.message : String(error)}`);
        this.log.show(true);
        return false;
      },
    };
    const client = new LanguageClient('flowscript', 'Flow Script Language Server', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.show('running');
      else if (e.newState === State.Starting) this.show('starting');
      else if (!this.stopping) this.show('stopped');
    });
    this.show('starting');
    try {
      await client.start();
    } catch (error) {
      this.show('stopped');
      void vscode.window.showErrorMessage(`Flow Script: the language server did not start: ${error instanceof Error ? error.message : String(error)}`, 'Restart', 'Show Log')
        .then((a) => (a === 'Restart' ? this.restart() : a === 'Show Log' ? this.log.show() : undefined));
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    this.stopping = true;
    try {
      // dispose() also releases the features of a client whose server already died.
      await client.dispose(2000);
    } catch {
      // Already gone: nothing to stop.
    } finally {
      this.stopping = false;
    }
  }

  private async reportCrash(): Promise<void> {
    this.show('stopped');
    const choice = await vscode.window.showErrorMessage(
      'Flow Script: the language server stopped unexpectedly. Completion and diagnostics are off until it restarts.',
      'Restart', 'Show Log',
    );
    if (choice === 'Restart') await this.restart();
    else if (choice === 'Show Log') this.log.show();
  }

  private show(state: 'starting' | 'running' | 'stopped' | 'missing'): void {
    const texts = {
      starting: ['$(sync~spin) Flow Script', 'Flow Script language server: starting'],
      running: ['$(check) Flow Script', 'Flow Script language server: running (click to restart)'],
      stopped: ['$(error) Flow Script', 'Flow Script language server: stopped (click to restart)'],
      missing: ['$(error) Flow Script', 'Flow Script language server: dist/server.js is missing'],
    } as const;
    const [text, tooltip] = texts[state];
    this.status.text = text;
    this.status.tooltip = tooltip;
    this.status.backgroundColor = state === 'stopped' || state === 'missing' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.status.show();
  }

  dispose(): void {
    void this.stop();
    this.status.dispose();
    this.log.dispose();
  }
}
