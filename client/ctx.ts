/**
 * The extension's context (rust-analyzer's Ctx): owns every long-lived part and the
 * disposables, and is what the command factories receive.
 */
import * as vscode from 'vscode';
import { HITS_VIEW_ID, HitsView } from './hits/hits-view';
import { CapturePicker } from './run/capture-picker';
import { HookLenses } from './run/hook-lenses';
import { RunController } from './run/run-controller';
import { RunDiagnostics } from './run/run-diagnostics';
import { ServerClient } from './server-client';

export class Ctx implements vscode.Disposable {
  readonly output: vscode.OutputChannel;
  readonly diagnostics: RunDiagnostics;
  readonly lenses: HookLenses;
  readonly view: HitsView;
  readonly runs: RunController;
  readonly captures: CapturePicker;
  readonly server: ServerClient;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    const uri = extension.extensionUri;
    this.output = this.own(vscode.window.createOutputChannel('Flow Script'));
    this.diagnostics = this.own(new RunDiagnostics());
    this.lenses = this.own(new HookLenses());
    this.view = new HitsView(uri, (file, line) => void revealLine(file, line));
    this.own(vscode.window.registerWebviewViewProvider(HITS_VIEW_ID, this.view));
    this.own(vscode.languages.registerCodeLensProvider({ language: 'lua' }, this.lenses));
    this.runs = this.own(new RunController({ extensionUri: uri, view: this.view, output: this.output, diagnostics: this.diagnostics, lenses: this.lenses }));
    this.captures = new CapturePicker(extension.workspaceState, uri);
    this.server = this.own(new ServerClient(uri));
  }

  own<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) d.dispose();
    this.disposables.length = 0;
  }
}

/** Opens `file` with the cursor on the first non-blank character of `line` (1-based). */
export async function revealLine(file: string, line: number): Promise<void> {
  const uri = vscode.Uri.file(file);
  const document = await vscode.workspace.openTextDocument(uri);
  const index = Math.min(Math.max(0, line - 1), document.lineCount - 1);
  const character = document.lineAt(index).firstNonWhitespaceCharacterIndex;
  const pos = new vscode.Position(index, character);
  const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  await vscode.window.showTextDocument(document, {
    selection: new vscode.Range(pos, pos),
    viewColumn: existing?.viewColumn ?? vscode.ViewColumn.Active,
    preserveFocus: false,
  });
}
