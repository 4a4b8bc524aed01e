/**
 * The hits panel (a webview view in the panel area). It keeps the current run's hits on the
 * host side too, so the view can be hidden and shown again (the page then asks for a
 * replay) and the Export command has them. A run that fails before producing results never
 * reaches this class, so the panel keeps the previous run.
 */
import * as vscode from 'vscode';
import type { Hit } from '../../engine/hits';
import type { HostMessage, RunEndInfo, RunInfo, ViewMessage } from '../webview/protocol';
import { hitsPanelHtml } from './webview-html';

export const HITS_VIEW_ID = 'flowscript.hits';
/** Hits per message when replaying a whole run into a fresh page. */
const REPLAY_BATCH = 5000;

export class HitsView implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private run: RunInfo | undefined;
  private hits: Hit[] = [];
  private percent = 0;
  private end: RunEndInfo | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly reveal: (file: string, line: number) => void,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] };
    view.webview.html = hitsPanelHtml(view.webview, this.extensionUri);
    view.webview.onDidReceiveMessage((message: ViewMessage) => {
      if (message.type === 'ready') this.replay();
      else if (message.type === 'reveal') this.reveal(message.file, message.line);
    });
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    });
  }

  currentHits(): readonly Hit[] {
    return this.hits;
  }

  beginRun(run: RunInfo): void {
    this.run = run;
    this.hits = [];
    this.percent = 0;
    this.end = undefined;
    this.post({ type: 'runStarted', run });
  }

  addHits(hits: Hit[]): void {
    for (const h of hits) this.hits.push(h);
    this.post({ type: 'hits', hits });
  }

  progress(percent: number): void {
    this.percent = percent;
    this.post({ type: 'progress', percent });
  }

  endRun(end: RunEndInfo): void {
    this.end = end;
    this.post({ type: 'runEnded', end });
  }

  /** Opens the panel and moves the focus into the table. */
  async show(): Promise<void> {
    await vscode.commands.executeCommand(`${HITS_VIEW_ID}.focus`);
    this.post({ type: 'focus' });
  }

  private replay(): void {
    if (!this.run) return;
    this.post({ type: 'runStarted', run: this.run });
    for (let i = 0; i < this.hits.length; i += REPLAY_BATCH) this.post({ type: 'hits', hits: this.hits.slice(i, i + REPLAY_BATCH) });
    this.post({ type: 'progress', percent: this.percent });
    if (this.end) this.post({ type: 'runEnded', end: this.end });
  }

  private post(message: HostMessage): void {
    void this.view?.webview.postMessage(message);
  }
}
