/**
 * The messages between the extension host (client/hits/hits-view.ts) and the hits panel's
 * script (client/webview/main.ts). Plain data only: they cross postMessage. Documented in
 * docs/extension.md ("Webview protocol").
 */
import type { Hit } from '../../engine/hits';

export interface RunInfo {
  /** Increases with every run of the session. */
  id: number;
  scripts: string[];
  capture: string;
}

export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface RunEndInfo {
  status: Exclude<RunStatus, 'running'>;
  packets?: number;
  flows?: number;
  /** One line for the panel's status ("stopped at 12% of big.pcap"). */
  note?: string;
}

/** Host → webview. */
export type HostMessage =
  /** A run produced its first results: the panel drops the previous run's hits. */
  | { type: 'runStarted'; run: RunInfo }
  /** Appended to the current run, in engine order. */
  | { type: 'hits'; hits: Hit[] }
  | { type: 'progress'; percent: number }
  | { type: 'runEnded'; end: RunEndInfo }
  /** Moves the keyboard focus into the table (the Show Hits command). */
  | { type: 'focus' };

/** Webview → host. */
export type ViewMessage =
  /** The script is loaded (again, after the view was hidden): the host replays the current run. */
  | { type: 'ready' }
  /** Open `file` at `line` (1-based) in an editor. */
  | { type: 'reveal'; file: string; line: number };
