/** Commands that start and stop runs: Run on Capture..., Run on Sample, Re-run, Stop; re-run on save. */
import * as vscode from 'vscode';
import { readConfig } from '../config';
import type { Ctx } from '../ctx';
import { ensureTrusted } from '../run/run-controller';

/** The flow script to run: the active Lua editor, saved first (the engine reads the file). */
export async function activeScript(): Promise<vscode.TextDocument | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'lua') {
    void vscode.window.showWarningMessage('Flow Script: open a flow script (.lua) in the editor, then run it.');
    return undefined;
  }
  if (doc.isUntitled) {
    void vscode.window.showWarningMessage('Flow Script: save the script to a .lua file first, then run it.');
    await vscode.commands.executeCommand('workbench.action.files.saveAs');
    return undefined;
  }
  if (doc.isDirty) await doc.save();
  return doc;
}

async function runWith(ctx: Ctx, doc: vscode.TextDocument, capture: string): Promise<void> {
  await ctx.view.show();
  const outcome = await ctx.runs.run({ scripts: [doc.fileName], capture });
  // The recent list offers captures that worked: not a file that turned out not to be one.
  if (outcome !== 'failed' || ctx.runs.lastFailure?.kind !== 'capture') await ctx.captures.remember(capture);
}

export function runOnCapture(ctx: Ctx) {
  return async (uri?: vscode.Uri) => {
    if (!ensureTrusted()) return;
    if (uri && uri.scheme === 'file' && vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) {
      await vscode.window.showTextDocument(uri);
    }
    const doc = await activeScript();
    if (!doc) return;
    const capture = await ctx.captures.pick(doc);
    if (capture) await runWith(ctx, doc, capture);
  };
}

export function runOnSample(ctx: Ctx) {
  return async () => {
    if (!ensureTrusted()) return;
    const doc = await activeScript();
    if (!doc) return;
    const fromComment = ctx.captures.fromComment(doc);
    const samples = await ctx.captures.samples();
    let capture: string | undefined = fromComment ?? samples[0];
    if (!fromComment && samples.length > 1) {
      const pick = await vscode.window.showQuickPick(samples.map((p) => ({ label: vscode.workspace.asRelativePath(p), path: p })), { title: 'Flow Script: sample capture' });
      capture = pick?.path;
    }
    if (!capture) {
      if (samples.length === 0) void vscode.window.showWarningMessage('Flow Script: no sample capture found (samples/captures/*.pcap). Use "Run on Capture..." instead.');
      return;
    }
    await runWith(ctx, doc, capture);
  };
}

export function rerun(ctx: Ctx) {
  return async () => {
    if (!ensureTrusted()) return;
    const last = ctx.runs.lastRequest;
    if (!last) {
      void vscode.window.showInformationMessage('Flow Script: nothing to re-run yet. Use "Run on Capture..." first.');
      return;
    }
    await Promise.all(vscode.workspace.textDocuments.filter((d) => d.isDirty && last.scripts.includes(d.fileName)).map((d) => d.save()));
    await ctx.view.show();
    await ctx.runs.run(last);
  };
}

export function stop(ctx: Ctx) {
  return () => {
    if (!ctx.runs.isRunning()) void vscode.window.showInformationMessage('Flow Script: no run in progress.');
    else ctx.runs.stop();
  };
}

/** The fast edit–run loop: saving a script of the last run runs it again (flowscript.rerunOnSave). */
export function rerunOnSave(ctx: Ctx): vscode.Disposable {
  return vscode.workspace.onDidSaveTextDocument((doc) => {
    const last = ctx.runs.lastRequest;
    if (!last || !last.scripts.includes(doc.fileName) || !readConfig(doc.uri).rerunOnSave) return;
    if (ctx.runs.isRunning()) ctx.runs.stop();
    void ctx.runs.run(last);
  });
}
