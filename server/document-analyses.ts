/**
 * One analysis per document version, built on demand and cached; the last analysis that parsed
 * is kept so that completion, hover and symbols keep working while the user types broken code.
 */
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from './analysis/analyze';
import type { Analysis } from './analysis/model';
import type { Settings } from './settings';

interface Entry {
  current?: Analysis;
  lastGood?: Analysis;
}

export function uriToPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z]+:\/*/i, '/'));
  } catch {
    return uri;
  }
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly settingsFor: (uri: string) => Settings) {}

  /** The analysis of the document's current version. */
  get(doc: TextDocument): Analysis {
    let entry = this.entries.get(doc.uri);
    if (!entry) {
      entry = {};
      this.entries.set(doc.uri, entry);
    }
    if (entry.current?.version === doc.version && entry.current.text.length === doc.getText().length) return entry.current;
    const settings = this.settingsFor(doc.uri);
    const a = analyze(doc.getText(), {
      uri: doc.uri, version: doc.version, path: uriToPath(doc.uri), profile: settings.profile, scriptGlobs: settings.scriptGlobs,
    });
    entry.current = a;
    if (a.chunk) entry.lastGood = a;
    return a;
  }

  /** The current analysis if it parsed, else the last one that did (its spans may be stale). */
  getUsable(doc: TextDocument): { analysis: Analysis; fresh: boolean } {
    const a = this.get(doc);
    if (a.chunk) return { analysis: a, fresh: true };
    const good = this.entries.get(doc.uri)?.lastGood;
    return good ? { analysis: { ...good, profile: a.profile, flowScriptReason: a.flowScriptReason ?? good.flowScriptReason }, fresh: false } : { analysis: a, fresh: true };
  }

  /**
   * The newest analysis already built (the last good one first), without analysing the current
   * version: completion and signature help read only names and settings from it, and must not
   * wait for a full analysis of a large file on every keystroke.
   */
  latest(doc: TextDocument): Analysis {
    const entry = this.entries.get(doc.uri);
    return entry?.lastGood ?? entry?.current ?? this.get(doc);
  }

  /** Forget every cached analysis: the settings (profile, globs) they were built with changed. */
  invalidate(): void {
    this.entries.clear();
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
