/** A flow script that does not end by returning its table: ntopng loads nothing from it. */
import type { Rule } from './rule';

export const scriptNotReturned: Rule = {
  code: 'script-not-returned',
  severity: 'error',
  summary: 'The file does not end with `return <script table>`, so ntopng finds no hooks in it.',
  check(a) {
    if (!a.chunk || a.script?.returned) return [];
    // `return make_script()` or `return setmetatable(t, mt)`: something is returned that this
    // analysis cannot follow, so it says nothing rather than guess.
    const last = a.chunk.body[a.chunk.body.length - 1];
    if (last?.type === 'ReturnStatement' && last.arguments.length > 0 && last.arguments[0].type !== 'NilLiteral') return [];
    if (a.script?.name && a.script.nameSpan) {
      const name = a.script.name;
      const end = a.text.length;
      const newline = a.text.endsWith('\n') || end === 0 ? '' : '\n';
      return [{
        code: 'script-not-returned', severity: 'error', span: a.script.nameSpan,
        message: `the script table "${name}" is not returned: end the file with "return ${name}" or ntopng loads no hooks from it`,
        fixes: [{ title: `Add "return ${name}"`, edits: [{ span: [end, end], newText: `${newline}\nreturn ${name}\n` }], preferred: true }],
      }];
    }
    const firstLineEnd = a.text.indexOf('\n') < 0 ? a.text.length : a.text.indexOf('\n');
    return [{
      code: 'script-not-returned', severity: 'error', span: a.finalReturn ?? [0, firstLineEnd],
      message: 'a flow script must end by returning its table (for example "return script", where script = { hooks = {...} })',
    }];
  },
};
