/**
 * `flowscript check <files...>`: the language server's diagnostics in a terminal, for CI.
 * Every named file is checked as a flow script (naming it is the user saying it is one).
 * Bundled on its own (dist/check-command.js) and loaded on use, like the run command.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isProfile, PROFILES, type Profile } from '../../api/flow';
import { analyze } from '../../server/analysis/analyze';
import { DEFAULT_SCRIPT_GLOBS } from '../../server/analysis/globs';
import { forgetTree, loadRecoveringParser } from '../../server/analysis/recovering-parser';
import { diagnose } from '../../server/diagnostics';
import { UserError } from './user-error';

export interface CheckOptions {
  files: string[];
  profile: string;
  format: string;
}

export interface CheckedDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export async function checkCommand(options: CheckOptions): Promise<number> {
  if (!isProfile(options.profile)) throw new UserError(`unknown profile "${options.profile}": use ${PROFILES.join(', ')}`);
  if (options.format !== 'text' && options.format !== 'json') throw new UserError(`--format takes text or json (got "${options.format}")`);
  const texts = options.files.map((file) => ({ file, text: readScript(file) }));
  try {
    await loadRecoveringParser();
  } catch (error) {
    // Without tree-sitter only the first syntax error of each file is reported.
    process.stderr.write(`flowscript: only the first syntax error of each file is reported (${(error as Error).message})\n`);
  }
  const results = texts.map(({ file, text }) => ({ file, diagnostics: checkText(file, text, options.profile as Profile) }));
  const count = (s: string) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  const totals = { errors: count('error'), warnings: count('warning'), hints: count('hint') + count('information') };
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ profile: options.profile, files: results, ...totals })}\n`);
  } else {
    for (const r of results) {
      for (const d of r.diagnostics) process.stdout.write(`${r.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}\n`);
    }
    process.stdout.write(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${totals.errors} error${totals.errors === 1 ? '' : 's'}, ${totals.warnings} warning${totals.warnings === 1 ? '' : 's'}, ${totals.hints} hint${totals.hints === 1 ? '' : 's'}\n`);
  }
  return totals.errors > 0 ? 1 : 0;
}

function readScript(file: string): string {
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UserError(`${file}: no such file`);
  }
  if (!isFile) throw new UserError(`${file}: not a file`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read it (${(error as Error).message})`);
  }
}

/** Diagnostics of one script, with 1-based lines and columns (columns in UTF-16 units, as editors count). */
export function checkText(file: string, text: string, profile: Profile): CheckedDiagnostic[] {
  const path = resolve(file);
  const uri = pathToFileURL(path).href;
  const doc = TextDocument.create(uri, 'lua', 1, text);
  const analysis = analyze(text, { uri, version: 1, path, profile, scriptGlobs: DEFAULT_SCRIPT_GLOBS, forceFlowScript: true });
  forgetTree(uri);
  return diagnose(analysis).map((f) => {
    const start = doc.positionAt(f.span[0]);
    const end = doc.positionAt(f.span[1]);
    return {
      line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
      severity: f.severity, code: f.code, message: f.message,
    };
  });
}
