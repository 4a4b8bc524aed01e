/**
 * Runs flow scripts on a capture in a worker thread (dist/run-worker.js, engine/worker) and
 * feeds what comes back to the panel, the output channel, the run diagnostics and the code
 * lenses. One run at a time; a progress notification shows the percent of the capture read
 * and its Cancel terminates the worker at once. A run that fails before its first result
 * leaves the panel's earlier results alone.
 */
import { basename, isAbsolute } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { hitText, type Hit } from '../../engine/hits';
import { failureText, type CaptureSource, type FailedMessage, type StartMessage, type StopMessage, type WorkerMessage } from '../../engine/worker/protocol';
import { expandPath, readConfig } from '../config';
import type { HitsView } from '../hits/hits-view';
import type { RunEndInfo } from '../webview/protocol';
import type { HookLenses } from './hook-lenses';
import { HookTally } from './hook-tally';
import type { RunDiagnostics } from './run-diagnostics';
import { LiveStatusBar } from './live-status';

export interface RunRequest {
  /** Absolute paths of the scripts. */
  scripts: string[];
  /** The capture file, or for a live run its label ("lo (live)"). */
  capture: string;
  /** A live interface instead of the capture file (Attach to Interface...). */
  source?: Extract<CaptureSource, { kind: 'interface' }>;
}

export interface RunParts {
  extensionUri: vscode.Uri;
  view: HitsView;
  output: vscode.OutputChannel;
  diagnostics: RunDiagnostics;
  lenses: HookLenses;
}

type Outcome = 'done' | 'cancelled' | 'failed';

export class RunController implements vscode.Disposable {
  private worker: Worker | undefined;
  private cancelCurrent: (() => void) | undefined;
  private readonly liveBar = new LiveStatusBar();
  /** The capture tool of the live run in progress, killed directly if the worker cannot stop it. */
  private livePid: number | undefined;
  private nextId = 1;
  lastRequest: RunRequest | undefined;
  /** Why the last run could not happen (undefined when it ran). */
  lastFailure: Omit<FailedMessage, 'type'> | undefined;

  constructor(private readonly parts: RunParts) {}

  isRunning(): boolean {
    return this.worker !== undefined;
  }

  /** Stops the current run (the Stop command and the notification's Cancel). */
  stop(): void {
    this.cancelCurrent?.();
  }

  async run(request: RunRequest): Promise<Outcome> {
    if (!ensureTrusted()) return 'failed';
    if (this.worker) {
      this.stop();
    }
    this.lastRequest = request;
    this.lastFailure = undefined;
    const config = readConfig(vscode.Uri.file(request.scripts[0]!));
    const start: StartMessage = {
      type: 'start',
      scripts: request.scripts,
      source: request.source ?? { kind: 'file', path: request.capture },
      ...(request.source ? { captureTool: config.captureTool } : {}),
      profile: config.profile,
      ...(config.geoipDatabase ? { geoipDatabase: expandPath(config.geoipDatabase) } : {}),
      instructionBudget: config.instructionBudget,
      idleTimeout: config.idleTimeout,
    };
    const title = `Flow Script: ${request.scripts.map((s) => basename(s)).join(', ')} on ${basename(request.capture)}`;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => this.runWorker(start, request, progress, token),
    );
  }

  private runWorker(
    start: StartMessage,
    request: RunRequest,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<Outcome> {
    const { view, output, diagnostics, lenses } = this.parts;
    const worker = new Worker(vscode.Uri.joinPath(this.parts.extensionUri, 'dist', 'run-worker.js').fsPath);
    const live = start.source.kind === 'interface';
    this.worker = worker;
    const id = this.nextId++;
    const tally = new HookTally();
    const resolveFile = (file: string) => (isAbsolute(file) ? file : request.scripts.find((s) => basename(s) === basename(file)));
    let percent = 0;
    let loaded = false;
    let budgetHit: Hit | undefined;
    let budgetCount = 0;

    return new Promise<Outcome>((resolve) => {
      let finished = false;
      const finish = (outcome: Outcome, end?: RunEndInfo) => {
        if (finished) return;
        finished = true;
        if (this.worker === worker) this.worker = undefined;
        this.cancelCurrent = undefined;
        if (live) this.endLive();
        void worker.terminate();
        diagnostics.flush();
        if (loaded && end) view.endRun(end);
        resolve(outcome);
      };
      const cancel = () => {
        // Live: the worker stops the tool, ends the open flows through flowEnd, then says `done`.
        if (live) return this.stopLive(worker, () => finish('cancelled', { status: 'cancelled', note: `capture on ${start.source.kind === 'interface' ? start.source.name : ''} stopped` }));
        finish('cancelled', { status: 'cancelled', note: `stopped at ${percent}% of ${basename(request.capture)}` });
        output.appendLine(`[run ${id}] stopped at ${percent}% of ${request.capture}`);
        void vscode.window.showInformationMessage(`Flow Script: run stopped at ${percent}% of ${basename(request.capture)}.`);
      };
      this.cancelCurrent = cancel;
      token.onCancellationRequested(cancel);

      const failed = (f: Omit<FailedMessage, 'type'>) => {
        this.lastFailure = f;
        finish('failed', { status: 'failed', note: f.message });
        output.appendLine(`[run ${id}] ${failureText(f)}`);
        void showFailure(f);
      };

      worker.on('message', (m: WorkerMessage) => {
        if (finished) return;
        switch (m.type) {
          case 'loaded':
            loaded = true;
            diagnostics.clear();
            lenses.show(undefined);
            view.beginRun({ id, scripts: request.scripts, capture: request.capture });
            output.appendLine(`[run ${id}] ${m.scripts.join(', ')} on ${request.capture}`);
            break;
          case 'hits':
            view.addHits(m.hits);
            tally.add(m.hits);
            diagnostics.add(m.hits, resolveFile);
            for (const hit of m.hits) {
              if (hit.kind === 'print') output.appendLine(hitText(hit));
              if (hit.kind === 'error' && hit.data?.error === 'budget') {
                budgetHit ??= hit;
                budgetCount++;
              }
            }
            break;
          case 'progress':
            progress.report({ increment: m.percent - percent, message: `${m.percent}% of ${basename(request.capture)} read, ${m.packets} packets` });
            percent = m.percent;
            view.progress(m.percent);
            break;
          case 'live':
            this.livePid = m.toolPid;
            this.liveBar.show(m);
            progress.report({ message: `${m.packets} packets, ${m.activeFlows} flows, ${m.hits} hits${m.dropped ? `, ${m.dropped} dropped` : ''}` });
            break;
          case 'issue':
            output.appendLine(`[run ${id}] ${m.message}`);
            break;
          case 'done': {
            tally.setStats(m.hookStats);
            lenses.show(tally);
            const counts = Object.entries(m.hitCounts).map(([k, n]) => `${n} ${k}`).join(', ') || 'no hits';
            output.appendLine(`[run ${id}] ${m.packets} packets, ${m.flows} flows; ${counts}`);
            if (m.capture) output.appendLine(`[run ${id}] capture: ${m.capture.tool} on ${m.capture.interface}, stopped by ${m.capture.stoppedBy}; ${m.capture.dropped ?? '?'} dropped by the kernel${m.capture.toolError ? `; ${m.capture.toolError}` : ''}`);
            if (m.notImplemented.length) output.appendLine(`[run ${id}] not implemented yet (returned nil): ${m.notImplemented.map((f) => `flow.${f}`).join(', ')}`);
            finish('done', { status: 'done', packets: m.packets, flows: m.flows, ...(m.captureIssues ? { note: `${m.captureIssues} capture problem(s), see the Flow Script output` } : {}) });
            if (budgetHit) void showBudgetWarning(budgetHit, budgetCount, resolveFile(budgetHit.file) ?? budgetHit.file, start.instructionBudget);
            break;
          }
          case 'failed':
            failed(m);
            break;
        }
      });
      worker.on('error', (error) => {
        failed({ kind: 'internal', file: request.capture, line: 0, message: `the engine worker crashed: ${error.message}`, fix: 'Run again; if it happens again, please report it with the script and capture.' });
      });
      worker.on('exit', (code) => {
        if (!finished) failed({ kind: 'internal', file: request.capture, line: 0, message: `the engine worker exited (code ${code}) before the end of the run`, fix: 'Run again; if it happens again, please report it.' });
      });
      worker.postMessage(start);
    });
  }

  /** Asks the worker to end the live run; kills what is left if it has not within 5 s. */
  private stopLive(worker: Worker, fallback: () => void): void {
    this.liveBar.stopping();
    worker.postMessage({ type: 'stop' } satisfies StopMessage);
    const timer = setTimeout(() => {
      this.killLiveTool();
      fallback();
    }, 5000);
    worker.once('exit', () => clearTimeout(timer));
  }

  private killLiveTool(): void {
    if (this.livePid === undefined) return;
    try {
      process.kill(this.livePid, 'SIGTERM');
    } catch {
      // already gone
    }
    this.livePid = undefined;
  }

  private endLive(): void {
    this.livePid = undefined;
    this.liveBar.hide();
  }

  /**
   * Window closing or extension deactivating: stop the run and wait (briefly) for the worker;
   * the capture tool gets SIGTERM directly, so none outlives the extension host.
   */
  async shutdown(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.stop();
    this.killLiveTool();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  }

  dispose(): void {
    this.stop();
    this.killLiveTool();
    this.liveBar.dispose();
  }
}

/**
 * Scripts run Lua from the workspace: never in an untrusted one (capabilities.untrustedWorkspaces
 * is "limited"). Checked by the commands before they ask anything (capture, interface), and again
 * by run(). False after telling the user, with the action that lets them trust the folder.
 */
export function ensureTrusted(): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  void vscode.window.showWarningMessage('Flow Script: scripts do not run in an untrusted workspace (Restricted Mode). Trust this folder to run them; completion and diagnostics work meanwhile.', manage)
    .then((a) => a === manage && vscode.commands.executeCommand('workbench.trust.manage'));
  return false;
}

/** One message naming the file and the fix, with the action that helps most. */
async function showFailure(f: Omit<FailedMessage, 'type'>): Promise<void> {
  const actions: string[] = [];
  if (f.kind === 'script' && f.line > 0) actions.push('Go to Error');
  if (f.kind === 'geoip' || f.file === 'settings') actions.push('Open Settings');
  if (f.kind === 'capture') actions.push('Pick Another Capture');
  const choice = await vscode.window.showErrorMessage(`Flow Script: ${failureText(f)}`, ...actions);
  if (choice === 'Go to Error') {
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(f.file));
    const pos = new vscode.Position(f.line - 1, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos));
  } else if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', f.kind === 'geoip' ? 'flowscript.geoipDatabase' : 'flowscript.profile');
  } else if (choice === 'Pick Another Capture') {
    await vscode.commands.executeCommand('flowscript.runOnCapture');
  }
}

async function showBudgetWarning(hit: Hit, count: number, file: string, budget: number | undefined): Promise<void> {
  const where = `${basename(file)}:${hit.line}`;
  const choice = await vscode.window.showWarningMessage(
    `Flow Script: ${where}: ${count} hook call${count === 1 ? '' : 's'} ran out of the instruction budget (${budget ?? 'default'} Lua instructions per call; an endless loop?). Fix the loop, or raise "flowscript.instructionBudget" if the work is real.`,
    'Go to Line',
  );
  if (choice) {
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    const pos = new vscode.Position(hit.line - 1, 0);
    editor.selection = new vscode.Selection(pos, pos);
  }
}
