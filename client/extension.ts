/**
 * Entry of the VS Code extension (bundled to dist/extension.js): creates the Ctx, registers
 * the commands (one factory per command, grouped by family) and starts the language server.
 */
import * as vscode from 'vscode';
import { exportHits, showHits } from './commands/hits-commands';
import { rerun, rerunOnSave, runOnCapture, runOnSample, stop } from './commands/run-commands';
import { attachToInterface } from './commands/live-commands';
import { newScript, restartServer } from './commands/script-commands';
import { Ctx } from './ctx';
import { RESTART_COMMAND } from './server-client';

let ctx: Ctx | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<void> {
  try {
    ctx = new Ctx(extension);
    extension.subscriptions.push(ctx);
    const commands: Record<string, (...args: never[]) => unknown> = {
      'flowscript.runOnCapture': runOnCapture(ctx),
      'flowscript.runOnSample': runOnSample(ctx),
      'flowscript.rerun': rerun(ctx),
      'flowscript.attachToInterface': attachToInterface(ctx),
      'flowscript.stop': stop(ctx),
      'flowscript.newScript': newScript(),
      'flowscript.showHits': showHits(ctx),
      'flowscript.exportHits': exportHits(ctx),
      [RESTART_COMMAND]: restartServer(ctx),
    };
    for (const [id, run] of Object.entries(commands)) ctx.own(vscode.commands.registerCommand(id, run));
    ctx.own(rerunOnSave(ctx));
    // Not awaited: the commands work while the server starts.
    void ctx.server.start();
  } catch (error) {
    // VS Code says nothing when activation throws: say it ourselves.
    void vscode.window.showErrorMessage(`Flow Script failed to start: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  // A live capture ends first: its tool must not outlive the extension host.
  await ctx?.runs.shutdown();
  await ctx?.server.stop();
}
