/** New Flow Script, and the language server's restart. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { NEW_SCRIPT_TEMPLATE } from './new-script-template';

export function newScript() {
  return async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'lua', content: NEW_SCRIPT_TEMPLATE });
    await vscode.window.showTextDocument(doc);
  };
}

export function restartServer(ctx: Ctx) {
  return () => ctx.server.restart();
}
