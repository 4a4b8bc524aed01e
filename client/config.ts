/** The extension's settings (contributes.configuration in package.json), read when needed. */
import * as vscode from 'vscode';

export interface FlowScriptConfig {
  profile: string;
  geoipDatabase: string;
  instructionBudget: number;
  captureTool: string;
  idleTimeout: number;
  rerunOnSave: boolean;
  scriptGlobs: string[];
}

export function readConfig(scope?: vscode.Uri): FlowScriptConfig {
  const c = vscode.workspace.getConfiguration('flowscript', scope);
  return {
    profile: c.get<string>('profile', '2019.11'),
    geoipDatabase: c.get<string>('geoipDatabase', ''),
    instructionBudget: c.get<number>('instructionBudget', 5_000_000),
    captureTool: c.get<string>('captureTool', 'tcpdump'),
    idleTimeout: c.get<number>('idleTimeout', 60),
    rerunOnSave: c.get<boolean>('rerunOnSave', false),
    scriptGlobs: c.get<string[]>('scriptGlobs', ['**/*.lua']),
  };
}

/** A setting's path may use ${workspaceFolder} or ~, like VS Code's own path settings. */
export function expandPath(path: string, scope?: vscode.Uri): string {
  if (!path) return path;
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  let out = path.replace(/\$\{workspaceFolder\}/g, folder?.uri.fsPath ?? '');
  if (out.startsWith('~/')) out = (process.env.HOME ?? '') + out.slice(1);
  return out;
}
