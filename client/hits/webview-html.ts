/**
 * The hits panel's page: a strict content security policy (no network, scripts only with this
 * page's nonce, styles only from the extension), the panel's skeleton, and its bundled script.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function hitsPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('hits.css')}">
<title>Flow Script Hits</title>
</head>
<body data-run-state="idle">
<div id="toolbar" role="search">
  <input id="filter-text" type="search" placeholder="Filter hits (message, address, hook…)" aria-label="Filter hits">
  <select id="filter-kind" aria-label="Kind"></select>
  <select id="filter-hook" aria-label="Hook"></select>
  <select id="filter-script" aria-label="Script"></select>
  <label><input id="group-by-flow" type="checkbox"> Group by flow</label>
</div>
<div id="summary">
  <span id="status" role="status"></span>
  <span id="counts"></span>
  <span id="timeline"></span>
</div>
<div id="content">
  <div id="table" aria-label="Hits"></div>
  <aside id="detail" aria-label="Flow detail"></aside>
</div>
<script nonce="${nonce}" src="${asset('hits.js')}"></script>
</body>
</html>`;
}
