/**
 * Path globs for the `flowscript.scriptGlobs` setting: `**` crosses folders, `*` and `?` stay
 * inside one, `{a,b}` picks one. A pattern matches a path's tail, so `samples/*.lua` matches
 * `/home/me/project/samples/x.lua` wherever the workspace is.
 */

export const DEFAULT_SCRIPT_GLOBS: readonly string[] = [
  '**/callbacks/interface/flow/**/*.lua',
  '**/user_scripts/flow/**/*.lua',
  '**/samples/**/*.lua',
];

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (re) return re;
  let out = '';
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      if (g[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',' && out.lastIndexOf('(?:') > out.lastIndexOf(')')) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  re = new RegExp(`(?:^|/)${out.replace(/^\//, '')}$`);
  cache.set(glob, re);
  return re;
}

export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/');
  return globs.some((g) => globToRegExp(g).test(p));
}
