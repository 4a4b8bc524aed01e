/** After a run, a code lens above each hook: calls, hits, errors and time of the last run. */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { HOOKS } from '../../api/flow';
import { findHookLocations } from './hook-locations';
import { figuresText, HookTally } from './hook-tally';

const HOOK_NAMES = HOOKS.map((h) => h.name);

export class HookLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private tally: HookTally | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  /** The tally of the run in progress or just finished; lenses show once its stats are set. */
  show(tally: HookTally | undefined): void {
    this.tally = tally;
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.tally) return [];
    const script = basename(document.fileName).replace(/\.lua$/, '');
    const lenses: vscode.CodeLens[] = [];
    for (const { hook, line } of findHookLocations(document.getText(), HOOK_NAMES)) {
      const figures = this.tally.figures(script, hook);
      if (!figures) continue;
      lenses.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: `Last run: ${figuresText(figures)}`,
        tooltip: 'Calls of this hook, hits it caused, runtime errors and time spent in the last run. Click to show the hits.',
        command: 'flowscript.showHits',
      }));
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
