/**
 * The value of a Lua string literal, decoded from its source text.
 *
 * Why our own decoder: luaparse's default `encodingMode: 'none'` keeps columns in UTF-16 code
 * units (what LSP positions count) but sets every string's `value` to null; `pseudo-latin1`
 * gives values but then the source must be decoded as latin1, so columns count bytes and any
 * character above U+00FF is rejected (shared/deps-notes.md §3). We parse with 'none' and decode
 * the `raw` text here. Escapes that stand for bytes (\ddd, \xXX) become the character with that
 * code, which is exact for the ASCII names this server compares (hooks, keys, protocols).
 */
const SIMPLE_ESCAPES: { [c: string]: string } = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", '\n': '\n',
};

export function luaStringValue(raw: string): string {
  const long = /^\[(=*)\[/.exec(raw);
  if (long) {
    const body = raw.slice(long[0].length, raw.length - long[0].length);
    // A newline right after the opening bracket is not part of the string.
    return body.replace(/^\r?\n/, '');
  }
  const body = raw.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i] ?? '';
    if (next in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[next];
    else if (next === '\r') {
      out += '\n';
      if (body[i + 1] === '\n') i++;
    } else if (next === 'x') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next === 'z') {
      while (i + 1 < body.length && /\s/.test(body[i + 1])) i++;
    } else if (next === 'u') {
      const close = body.indexOf('}', i);
      out += String.fromCodePoint(parseInt(body.slice(i + 2, close), 16));
      i = close;
    } else if (/[0-9]/.test(next)) {
      const digits = /^[0-9]{1,3}/.exec(body.slice(i))![0];
      out += String.fromCharCode(Number(digits));
      i += digits.length - 1;
    } else out += next;
  }
  return out;
}
