/** A script table without `hooks`, or with an empty one that nothing fills: ntopng skips it. */
import { rangeOf } from '../analysis/parse';
import { hookField, hookStatement } from '../analysis/hook-skeleton';
import type { Analysis } from '../analysis/model';
import type { Fix, Rule } from './rule';

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

export const missingHooks: Rule = {
  code: 'missing-hooks',
  severity: 'error',
  summary: 'The script table has no `hooks` field: ntopng skips the script.',
  check(a) {
    const s = a.script;
    if (!s || s.hooksField || a.hooks.length > 0) return [];
    const open = rangeOf(s.table)[0] + 1;
    const indent = `${lineIndent(a.text, open)}   `;
    return [{
      code: 'missing-hooks', severity: 'error', span: s.nameSpan ?? [rangeOf(s.table)[0], open],
      message: 'the script table has no "hooks": ntopng skips a script without hooks',
      fixes: [{
        title: 'Add a protocolDetected hook',
        edits: [{ span: [open, open], newText: `\n${indent}hooks = {\n${indent}   ${hookField('protocolDetected', a.profile, `${indent}   `)}\n${indent}},` }],
        preferred: true,
      }],
    }];
  },
};

export const emptyHooks: Rule = {
  code: 'empty-hooks',
  severity: 'warning',
  summary: 'The `hooks` table is empty and no hook is added to it later: ntopng skips the script with a warning.',
  check(a) {
    const s = a.script;
    const v = s?.hooksField?.value;
    if (!s || !v || v.type !== 'TableConstructorExpression' || v.fields.length > 0 || a.hooks.length > 0) return [];
    return [{
      code: 'empty-hooks', severity: 'warning', span: s.hooksField!.keySpan,
      message: 'no hook is declared: ntopng skips a script whose hooks table is empty',
      fixes: [skeletonFix(a)],
    }];
  },
};

function skeletonFix(a: Analysis): Fix {
  const s = a.script!;
  if (s.name && a.finalReturn) {
    const at = a.finalReturn[0];
    return { title: 'Add a protocolDetected hook', edits: [{ span: [at, at], newText: `${hookStatement(s.name, 'protocolDetected', a.profile)}\n` }], preferred: true };
  }
  const table = rangeOf(s.hooksField!.value);
  const indent = lineIndent(a.text, table[0]);
  return {
    title: 'Add a protocolDetected hook',
    edits: [{ span: table, newText: `{\n${indent}   ${hookField('protocolDetected', a.profile, `${indent}   `)}\n${indent}}` }],
    preferred: true,
  };
}
