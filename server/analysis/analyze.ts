/**
 * Builds the Analysis of one document version: parse, syntax errors (several when tree-sitter
 * is loaded), the script table, the name resolution walk, and whether the file is a flow script.
 */
import { DEFAULT_PROFILE, isProfile, type Profile } from '../../api/flow';
import { matchesAnyGlob } from './globs';
import type { Analysis, SyntaxProblem } from './model';
import { parseLua } from './parse';
import { readProfileComment } from './profile-comment';
import { recoveredErrors } from './recovering-parser';
import { findScriptTable } from './script-table';
import { walkChunk } from './walker';

export interface AnalyzeOptions {
  uri: string;
  version: number;
  /** The file system path (or the URI's path), for the globs. */
  path: string;
  profile: Profile;
  scriptGlobs: readonly string[];
  /** Every file counts as a flow script (`flowscript check` on named files). */
  forceFlowScript?: boolean;
}

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  const comment = readProfileComment(text);
  const valid = comment ? isProfile(comment.value) : false;
  const profile: Profile = comment && isProfile(comment.value) ? comment.value : options.profile ?? DEFAULT_PROFILE;
  const analysis: Analysis = {
    uri: options.uri, version: options.version, text, profile, syntaxErrors: [], comments: [], bindings: [],
    globalReads: [], globalWrites: new Set(), flowUses: [], hooks: [], misplacedHooks: [], chains: [],
    resultKeyReads: [], requires: [], functions: [],
  };
  if (comment) analysis.profileComment = { ...comment, valid };
  const parsed = parseLua(text);
  if (!parsed.ok) {
    analysis.syntaxErrors = syntaxProblems(text, parsed.error, options.uri);
  } else {
    const chunk = parsed.chunk;
    analysis.chunk = chunk;
    analysis.comments = chunk.comments ?? [];
    const script = findScriptTable(chunk);
    if (script) analysis.script = script;
    Object.assign(analysis, walkChunk(chunk, script));
    const last = chunk.body[chunk.body.length - 1];
    if (last?.type === 'ReturnStatement') analysis.finalReturn = (last as unknown as { range: [number, number] }).range;
  }
  const reason = flowScriptReason(analysis, text, options);
  if (reason) analysis.flowScriptReason = reason;
  return analysis;
}

function flowScriptReason(a: Analysis, text: string, options: AnalyzeOptions): Analysis['flowScriptReason'] {
  if (options.forceFlowScript) return 'explicit';
  if (matchesAnyGlob(options.path, options.scriptGlobs)) return 'glob';
  if (a.chunk) {
    if (a.requires.some((r) => r.module === 'user_scripts')) return 'user_scripts';
    if (a.script?.hooksField || a.hooks.length > 0) return 'hooks';
    return undefined;
  }
  // Unparsable text: decide from the words, so that a flow script being edited keeps its checks.
  if (/require\s*\(?\s*["']user_scripts["']/.test(text)) return 'user_scripts';
  if (/\bhooks\s*[=.]/.test(text)) return 'hooks';
  return undefined;
}

/**
 * luaparse's first error is exact (it is the one `luac` reports); tree-sitter adds the later
 * ones. Tree-sitter errors up to luaparse's line are that same error (or noise before it); when
 * there is none, tree-sitter placed that error later, so its first one is skipped instead.
 */
function syntaxProblems(text: string, first: { message: string; offset: number; end: number }, key: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [{ message: first.message, span: [first.offset, Math.max(first.end, first.offset)] }];
  const more = recoveredErrors(text, key);
  if (!more) return problems;
  const firstLine = lineOf(text, first.offset);
  const later = more.filter((e) => lineOf(text, e.start) > firstLine);
  const rest = later.length < more.length ? later : later.slice(1);
  let lastLine = firstLine;
  for (const e of rest) {
    const line = lineOf(text, e.start);
    if (line === lastLine) continue;
    lastLine = line;
    problems.push({ message: e.message, span: [e.start, Math.max(e.end, e.start)] });
  }
  return problems;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
