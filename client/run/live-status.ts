/**
 * The status bar during a live capture: packets, flows, hits and the tool's drop count,
 * updated from the worker's `live` messages; clicking it stops the capture.
 */
import * as vscode from 'vscode';
import type { LiveMessage } from '../../engine/worker/protocol';

export class LiveStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('flowscript.live', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Flow Script live capture';
    this.item.command = 'flowscript.stop';
  }

  show(m: LiveMessage): void {
    const n = (x: number) => x.toLocaleString('en-US');
    const dropped = m.dropped === undefined ? '' : ` · ${n(m.dropped)} dropped`;
    this.item.text = `$(radio-tower) ${m.interface}: ${n(m.packets)} pkts · ${n(m.activeFlows)} flows · ${n(m.hits)} hits${dropped}`;
    this.item.tooltip = `Flow Script: capturing on ${m.interface} with ${m.tool} (pid ${m.toolPid}); ${n(m.flows)} flows seen. ` +
      'Dropped: packets the kernel discarded because the capture did not keep up. Click to stop.';
    this.item.backgroundColor = m.dropped ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** Shows the capture as stopping until the worker's `done`. */
  stopping(): void {
    this.item.text = this.item.text.replace('$(radio-tower)', '$(loading~spin)');
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
