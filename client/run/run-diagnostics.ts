/**
 * Runtime errors of the last run as diagnostics (collection 'flowscript-run') on the script
 * line, naming the flow that triggered them. The same error on many flows is one diagnostic
 * that names the first flow and counts the others.
 */
import * as vscode from 'vscode';
import { flowText, type Hit } from '../../engine/hits';

interface Entry {
  hit: Hit;
  flows: Set<number>;
}

export class RunDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('flowscript-run');
  private entries = new Map<string, Entry>();
  private files = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  clear(): void {
    this.entries.clear();
    this.files.clear();
    this.collection.clear();
  }

  /** `resolveFile` maps a hit's file to the script's absolute path. */
  add(hits: readonly Hit[], resolveFile: (file: string) => string | undefined): void {
    let changed = false;
    for (const hit of hits) {
      if (hit.kind !== 'error' || hit.line <= 0) continue;
      const file = resolveFile(hit.file);
      if (!file) continue;
      // The budget message names the line; other messages may carry a flow-specific part, the first hit's text stands for all.
      const key = `${file}\u0000${hit.line}\u0000${hit.data?.error ?? hit.message}`;
      let entry = this.entries.get(key);
      if (!entry) {
        this.entries.set(key, (entry = { hit, flows: new Set() }));
        this.files.set(key, file);
      }
      if (hit.flow) entry.flows.add(hit.flow.id);
      changed = true;
    }
    if (changed && !this.timer) this.timer = setTimeout(() => this.publish(), 100);
  }

  /** Publishes what was collected now (at the end of a run). */
  flush(): void {
    if (this.timer) this.publish();
  }

  private publish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const [key, { hit, flows }] of this.entries) {
      const file = this.files.get(key)!;
      const line = hit.line - 1;
      let message = hit.message;
      if (hit.flow) {
        message += ` (in ${hit.hook}, flow ${flowText(hit.flow)}`;
        message += flows.size > 1 ? ` and ${flows.size - 1} other flow${flows.size > 2 ? 's' : ''})` : ')';
      } else if (hit.hook) message += ` (in ${hit.hook})`;
      const level = hit.data?.level;
      const severity = level === 'warning' || level === 'not-implemented' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error;
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), message, severity);
      d.source = 'flowscript run';
      let list = byFile.get(file);
      if (!list) byFile.set(file, (list = []));
      list.push(d);
    }
    this.collection.clear();
    for (const [file, list] of byFile) this.collection.set(vscode.Uri.file(file), list);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.collection.dispose();
  }
}
