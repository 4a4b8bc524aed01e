/** Reading a global that nothing defines: Lua's standard library, the catalog's globals, or the file itself. */
import { globalsFor, MODULES, type Profile } from '../../api/flow';
import type { Finding, Rule } from './rule';

/** Lua 5.3's standard globals (ntopng runs scripts with the full library). */
const LUA_GLOBALS = [
  '_G', '_VERSION', 'assert', 'collectgarbage', 'dofile', 'error', 'getmetatable', 'ipairs', 'load', 'loadfile', 'next',
  'pairs', 'pcall', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'require', 'select', 'setmetatable', 'tonumber',
  'tostring', 'type', 'xpcall', 'coroutine', 'debug', 'io', 'math', 'os', 'package', 'string', 'table', 'utf8',
];

const known = new Map<Profile, Set<string>>();
function knownGlobals(profile: Profile): Set<string> {
  let set = known.get(profile);
  if (!set) {
    set = new Set([...LUA_GLOBALS, ...globalsFor(profile).map((g) => g.name)]);
    known.set(profile, set);
  }
  return set;
}

const MODULE_NAMES = new Set(MODULES.map((m) => m.name));

export const undefinedGlobal: Rule = {
  code: 'undefined-global',
  severity: 'warning',
  summary: 'Reads a global that neither Lua, ntopng nor this file defines (often a missing `require` or a typo).',
  check(a) {
    const out: Finding[] = [];
    const globals = knownGlobals(a.profile);
    for (const r of a.globalReads) {
      if (globals.has(r.name) || a.globalWrites.has(r.name)) continue;
      if (MODULE_NAMES.has(r.name)) {
        // After the profile comment, if any, so that it stays in the file's opening comments.
        const nl = a.profileComment ? a.text.indexOf('\n', a.profileComment.span[1]) : -1;
        const at = a.profileComment ? (nl < 0 ? a.text.length : nl + 1) : 0;
        out.push({
          code: 'undefined-global', severity: 'warning', span: r.span,
          message: `undefined global "${r.name}": require the module first (local ${r.name} = require("${r.name}"))`,
          fixes: [{ title: `Add local ${r.name} = require("${r.name}")`, edits: [{ span: [at, at], newText: `local ${r.name} = require("${r.name}")\n` }], preferred: true }],
        });
        continue;
      }
      out.push({ code: 'undefined-global', severity: 'warning', span: r.span, message: `undefined global "${r.name}"` });
    }
    return out;
  },
};
