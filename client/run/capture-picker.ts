/**
 * Choosing the capture for a run: the script's own `-- flowscript: capture=` comment, the
 * recent list (per workspace), the sample captures (the workspace's samples/captures, else
 * the ones shipped with the extension) and a file dialog.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { captureFromComment } from './capture-comment';

const RECENT_KEY = 'flowscript.recentCaptures';
const RECENT_MAX = 8;
const CAPTURE_EXTENSIONS = ['pcap', 'pcapng', 'cap', 'dmp'];

interface CaptureItem extends vscode.QuickPickItem {
  path?: string;
  browse?: boolean;
}

export class CapturePicker {
  constructor(
    private readonly state: vscode.Memento,
    private readonly extensionUri: vscode.Uri,
  ) {}

  recent(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []);
  }

  async remember(path: string): Promise<void> {
    const list = [path, ...this.recent().filter((p) => p !== path)].slice(0, RECENT_MAX);
    await this.state.update(RECENT_KEY, list);
  }

  /** Sample captures: the workspace's samples/captures first, the extension's own otherwise. */
  async samples(): Promise<string[]> {
    const found = await vscode.workspace.findFiles('{samples/captures,captures}/*.{pcap,pcapng}', '**/node_modules/**', 50);
    const paths = found.map((u) => u.fsPath);
    if (paths.length === 0) {
      const shipped = join(this.extensionUri.fsPath, 'samples', 'captures');
      if (existsSync(shipped)) for (const name of readdirSync(shipped)) if (/\.(pcap|pcapng)$/.test(name)) paths.push(join(shipped, name));
    }
    return paths.sort((a, b) => basename(a).localeCompare(basename(b)) || a.localeCompare(b));
  }

  /** The capture named by the script's comment, if any. */
  fromComment(document: vscode.TextDocument): string | undefined {
    return captureFromComment(document.getText(), document.fileName);
  }

  async pick(document: vscode.TextDocument | undefined): Promise<string | undefined> {
    const items: CaptureItem[] = [];
    const fromComment = document && this.fromComment(document);
    if (fromComment) {
      items.push({ label: 'From the script', kind: vscode.QuickPickItemKind.Separator });
      items.push({ label: basename(fromComment), description: fromComment, detail: '-- flowscript: capture=…', path: fromComment });
    }
    const recent = this.recent().filter((p) => existsSync(p));
    if (recent.length) {
      items.push({ label: 'Recent', kind: vscode.QuickPickItemKind.Separator });
      for (const p of recent) items.push({ label: basename(p), description: relativeToWorkspace(p), path: p });
    }
    const samples = (await this.samples()).filter((p) => !recent.includes(p) && p !== fromComment);
    if (samples.length) {
      items.push({ label: 'Samples', kind: vscode.QuickPickItemKind.Separator });
      for (const p of samples) items.push({ label: basename(p), description: relativeToWorkspace(p), path: p });
    }
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: '$(folder-opened) Browse...', description: 'pcap or pcapng file', browse: true });
    const choice = await vscode.window.showQuickPick(items, { title: 'Flow Script: capture to run on', placeHolder: 'Pick a capture', matchOnDescription: true });
    if (!choice) return undefined;
    if (choice.path) return choice.path;
    return this.browse(document);
  }

  async browse(document?: vscode.TextDocument): Promise<string | undefined> {
    const uris = await vscode.window.showOpenDialog({
      title: 'Capture to run the flow script on',
      canSelectMany: false,
      filters: { Captures: CAPTURE_EXTENSIONS, 'All files': ['*'] },
      ...(document ? { defaultUri: vscode.Uri.file(dirname(document.fileName)) } : {}),
    });
    return uris?.[0]?.fsPath;
  }
}

function relativeToWorkspace(path: string): string {
  return vscode.workspace.asRelativePath(path, true);
}
