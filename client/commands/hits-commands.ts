/** Commands about the hits of the last run: Show Hits, Export Hits (JSON lines or CSV). */
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { hitsToCsv, hitsToJsonLines } from '../hits/export-format';

export function showHits(ctx: Ctx) {
  return () => ctx.view.show();
}

export function exportHits(ctx: Ctx) {
  return async () => {
    const hits = ctx.view.currentHits();
    if (hits.length === 0) {
      void vscode.window.showInformationMessage('Flow Script: no hits to export. Run a script first.');
      return;
    }
    const format = await vscode.window.showQuickPick(
      [
        { label: 'JSON lines', description: 'one hit per line, as `flowscript run --json` prints', ext: 'jsonl' },
        { label: 'CSV', description: 'one row per hit, for spreadsheets', ext: 'csv' },
      ],
      { title: `Flow Script: export ${hits.length} hits as` },
    );
    if (!format) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Export hits',
      filters: { [format.label]: [format.ext] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `hits.${format.ext}`) } : {}),
    });
    if (!target) return;
    await writeFile(target.fsPath, format.ext === 'csv' ? hitsToCsv(hits) : hitsToJsonLines(hits));
    void vscode.window.showInformationMessage(`Flow Script: ${hits.length} hits written to ${vscode.workspace.asRelativePath(target)}.`);
  };
}
