/**
 * Choosing where to capture for "Attach to Interface...": the capture tool's own interface
 * list (with descriptions and state) in a quick pick, then an optional BPF capture filter.
 */
import * as vscode from 'vscode';
import { captureToolOf, isLiveCaptureError, listInterfaces } from '../../engine/capture/live';

export interface InterfaceChoice {
  name: string;
  filter?: string;
}

interface InterfaceItem extends vscode.QuickPickItem {
  name: string;
}

export async function pickInterface(captureTool: string): Promise<InterfaceChoice | undefined> {
  let items: InterfaceItem[];
  try {
    const list = await listInterfaces(captureToolOf(captureTool));
    items = list.map((i) => ({
      label: i.name,
      name: i.name,
      ...(i.description ? { description: i.description } : {}),
      ...(i.flags.length ? { detail: i.flags.join(', ') } : {}),
    }));
  } catch (error) {
    const message = isLiveCaptureError(error) ? error.message.replace(/\n\s*/g, ' ') : String(error);
    void vscode.window.showErrorMessage(`Flow Script: ${message}`);
    return undefined;
  }
  if (items.length === 0) {
    void vscode.window.showErrorMessage('Flow Script: the capture tool lists no interface you can capture on.');
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(items, {
    title: 'Flow Script: interface to capture on (1/2)',
    placeHolder: 'Pick an interface',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!choice) return undefined;
  const filter = await vscode.window.showInputBox({
    title: `Flow Script: capture filter on ${choice.name} (2/2)`,
    prompt: 'Optional BPF capture filter (libpcap syntax). Leave empty to capture everything.',
    placeHolder: 'e.g. udp port 53 or tcp port 80',
    validateInput: (v) => (/^\s*-/.test(v) ? 'A capture filter may not start with "-".' : undefined),
  });
  if (filter === undefined) return undefined;
  return { name: choice.name, ...(filter.trim() ? { filter: filter.trim() } : {}) };
}
