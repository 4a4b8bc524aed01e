/**
 * Expected diagnostics written inside a fixture's own text, LuaLS style:
 *
 *     function script.hooks.<!unknown-hook|protocolDetectd!>(now)
 *
 * `<!code|` opens a marker and `!>` closes it; the text between them is the diagnostic's exact
 * range. The markers are removed before the text is sent to the server, and the test expects
 * exactly the marked diagnostics (code and range), no more, no fewer. Markers do not nest.
 */
import type { Position } from 'vscode-languageserver-protocol';

export interface ExpectedDiagnostic {
  code: string;
  start: Position;
  end: Position;
}

export function readMarkers(source: string): { text: string; expected: ExpectedDiagnostic[] } {
  let text = '';
  const expected: ExpectedDiagnostic[] = [];
  const pattern = /<!([a-z0-9-]+)\|([\s\S]*?)!>/g;
  let last = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    text += source.slice(last, m.index);
    const start = position(text);
    text += m[2];
    expected.push({ code: m[1], start, end: position(text) });
    last = m.index + m[0].length;
  }
  text += source.slice(last);
  if (/<!|!>/.test(text)) throw new Error('unbalanced diagnostic marker in fixture');
  return { text, expected };
}

function position(textSoFar: string): Position {
  const line = textSoFar.split('\n').length - 1;
  return { line, character: textSoFar.length - (textSoFar.lastIndexOf('\n') + 1) };
}

export function describeDiagnostic(d: { code?: string | number; range?: { start: Position; end: Position }; start?: Position; end?: Position }): string {
  const start = d.range?.start ?? d.start!;
  const end = d.range?.end ?? d.end!;
  return `${d.code} ${start.line + 1}:${start.character}-${end.line + 1}:${end.character}`;
}
