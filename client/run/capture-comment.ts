/**
 * The capture a script names for itself: `-- flowscript: capture=path` in the comment lines at
 * the top of the file (before any code). A relative path is relative to the script's folder.
 */
import { isAbsolute, join, dirname } from 'node:path';

const DIRECTIVE = /^--+\s*flowscript:\s*capture\s*=\s*(.+?)\s*$/;

export function captureFromComment(source: string, scriptPath: string): string | undefined {
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('--')) return undefined;
    const m = DIRECTIVE.exec(line);
    if (m) {
      const path = m[1]!.replace(/^["']|["']$/g, '');
      return isAbsolute(path) ? path : join(dirname(scriptPath), path);
    }
  }
  return undefined;
}
