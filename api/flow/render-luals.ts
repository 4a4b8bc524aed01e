/**
 * Renders the LuaLS (lua-language-server) definition files from the catalog: one `---@meta` file per
 * profile, declaring the `flow` global, the hook and script-table classes, the module classes and
 * the other globals. A unit test compares the committed files with a fresh rendering.
 *
 *   node --import tsx api/flow/render-luals.ts            # print the default profile's file
 *   node --import tsx api/flow/render-luals.ts --write    # rewrite api/luals/*.lua
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_PROFILE, GLOBALS, INTERFACE_MEMBERS, MODULES, NTOP_MEMBERS, PROFILES, PROFILE_LABELS, STDLIB_EXTENSIONS,
  functionsFor, hooksFor, scriptFields,
} from './index';
import { keyType } from './key-types';
import type { ModuleMember, Profile, ResolvedFunction, ScriptField, TypeSpec } from './types';

export const LUALS_DIR = resolve(__dirname, '..', 'luals');

/** File name of a profile's definition file inside api/luals. */
export function lualsFileName(profile: Profile): string {
  return profile === DEFAULT_PROFILE ? 'flowscript.lua' : `flowscript-${profile}.lua`;
}

export const LUALS_CONFIG_SNIPPET = JSON.stringify({
  'runtime.version': 'Lua 5.3',
  'workspace.library': ['path/to/flowscript-studio/api/luals/flowscript.lua'],
}, null, 2);

function luaType(t: TypeSpec): string {
  return typeof t === 'string' ? t : t.join('|');
}

function comment(text: string): string[] {
  return text.split('\n').map((l) => `---${l}`);
}

function className(f: ResolvedFunction): string {
  return `flowlib.${f.name}.result`;
}

function functionBlock(f: ResolvedFunction): string[] {
  const out: string[] = [];
  if (f.returns.keys) {
    out.push(`---@class ${className(f)}`);
    for (const k of f.returns.keys) out.push(`---@field ["${k}"] ${keyType(k)}`);
    out.push('');
  }
  const doc = [f.doc];
  if (f.notes.length) doc.push(`Notes: ${f.notes.join(', ')}.`);
  if (f.returns.doc) doc.push(`Returns ${f.returns.doc}`);
  out.push(...comment(doc.join(' ')));
  for (const p of f.params) out.push(`---@param ${p.name}${p.optional ? '?' : ''} ${luaType(p.type)} ${p.doc}`);
  const ret = f.returns.keys ? className(f) : luaType(f.returns.type);
  if (ret !== 'nil') out.push(`---@return ${ret}${f.returns.nullable ? '?' : ''}`);
  out.push(`function flow.${f.name}(${f.params.map((p) => p.name).join(', ')}) end`, '');
  return out;
}

/** Turns a catalog signature like `(key, params?) -> string?` into a LuaLS `fun(...)` type. */
function funType(signature: string | undefined): string {
  const m = /^\((.*)\)\s*->\s*(.+)$/.exec(signature ?? '');
  if (!m) return 'function';
  const params = m[1].trim() === '' ? [] : m[1].split(',').map((s) => s.trim()).map((p) => (p === '...' ? '...: any' : p.endsWith('?') ? `${p.slice(0, -1)}?: any` : `${p}: any`));
  const ret = m[2].trim();
  return `fun(${params.join(', ')})${ret === 'nil' ? '' : `: ${ret}`}`;
}

/** Parameter tokens of a catalog signature, e.g. `['key', 'params?']`. */
function paramTokens(signature: string | undefined): string[] {
  const m = /^\((.*)\)/.exec(signature ?? '');
  if (!m || m[1].trim() === '') return [];
  return m[1].split(',').map((s) => s.trim());
}

function memberField(m: ModuleMember): string {
  const type = m.kind === 'function' ? funType(m.signature) : m.kind === 'constant' ? typeof m.value : 'table';
  return `---@field ${m.name} ${type === 'number' ? 'integer' : type} ${m.doc}`;
}

function classBlock(name: string, doc: string, members: readonly ModuleMember[]): string[] {
  return [...comment(doc), `---@class ${name}`, ...members.map(memberField), ''];
}

function globalFunction(m: ModuleMember): string[] {
  const tokens = paramTokens(m.signature);
  const names = tokens.map((t) => t.replace(/\?$/, ''));
  const sig = /->\s*(.+)$/.exec(m.signature ?? '');
  const out = [...comment(m.doc)];
  for (const t of tokens) out.push(`---@param ${t} any`);
  if (sig && sig[1].trim() !== 'nil') out.push(`---@return ${sig[1].trim()}`);
  out.push(`function ${m.name}(${names.join(', ')}) end`, '');
  return out;
}

function fieldType(f: ScriptField, profile: Profile): string {
  if (f.name === 'hooks') return 'FlowScriptHooks';
  if (f.name === 'gui') return 'FlowScriptGui';
  if (f.name === 'setup') return 'fun(): boolean';
  if (f.name === 'teardown') return 'fun()';
  if (/^on[A-Z]/.test(f.name)) return 'fun(hook: string, hook_config: table)';
  const t = f.typeByProfile?.[profile] ?? f.type;
  const allowed = f.allowed?.[profile];
  if (allowed && typeof t === 'string' && t === 'string') return allowed.map((v) => `"${v}"`).join('|');
  return luaType(t);
}

function fieldLine(f: ScriptField, profile: Profile): string {
  const extra = [f.default ? `Default: ${f.default}.` : '', f.setByLoader ? 'Set by the loader.' : ''].filter(Boolean).join(' ');
  return `---@field ${f.name}${f.required ? '' : '?'} ${fieldType(f, profile)} ${f.doc}${extra ? ` ${extra}` : ''}`;
}

export function renderLuals(profile: Profile): string {
  const lines: string[] = [
    '---@meta flowscript',
    `-- LuaLS definitions for ntopng flow scripts, API profile ${profile}: ${PROFILE_LABELS[profile]}.`,
    '-- Generated by api/flow/render-luals.ts from the catalog in api/flow. Do not edit by hand.',
    '',
    '-- ---------------------------------------------------------------------------------------------',
    '-- Hooks and the script table',
    '',
    '---The hooks a flow script declares in `script.hooks`.',
    '---@class FlowScriptHooks',
  ];
  for (const h of hooksFor(profile)) {
    const args = h.args[profile].map((a) => `${a.name}: ${luaType(a.type)}`).join(', ');
    const fires = h.fires.includes(profile) ? '' : ` Never called in ${profile}.`;
    lines.push(`---@field ${h.name}? fun(${args}) ${h.doc}${fires}`);
  }
  lines.push('', '---UI metadata of a flow script (`script.gui`).', '---@class FlowScriptGui');
  for (const f of scriptFields(profile, 'gui')) lines.push(fieldLine(f, profile));
  lines.push('', '---The table a flow script returns.', '---@class FlowScript');
  for (const f of scriptFields(profile, 'script')) lines.push(fieldLine(f, profile));
  lines.push('');
  lines.push(
    '-- ---------------------------------------------------------------------------------------------',
    '-- The flow being processed',
    '',
    '---The flow the current hook runs for. Functions return nil when there is no current flow or an argument has the wrong type.',
    '---@class flowlib',
    'flow = {}',
    '',
  );
  for (const f of functionsFor(profile)) lines.push(...functionBlock(f));
  lines.push('-- ---------------------------------------------------------------------------------------------', '-- Modules (annotate a require with ---@type <module>)', '');
  for (const m of MODULES) {
    if (!m.profiles.includes(profile)) continue;
    lines.push(...classBlock(m.name, m.doc, m.members.filter((x) => x.profiles.includes(profile))));
  }
  lines.push('-- ---------------------------------------------------------------------------------------------', '-- Globals', '');
  lines.push(...classBlock('interfacelib', 'The network interface of the flow.', INTERFACE_MEMBERS.filter((x) => x.profiles.includes(profile))));
  lines.push(...classBlock('ntoplib', 'ntopng-wide services.', NTOP_MEMBERS.filter((x) => x.profiles.includes(profile))));
  lines.push('---@type interfacelib', 'interface = {}', '', '---@type ntoplib', 'ntop = {}', '');
  for (const g of GLOBALS) {
    if (!g.profiles.includes(profile) || ['flow', 'interface', 'ntop'].includes(g.name)) continue;
    if (g.kind === 'function') lines.push(...globalFunction(g));
    else if (g.kind === 'constant') lines.push(...comment(g.doc), `${g.name} = ${String(g.value)}`, '');
    else lines.push(...comment(g.doc), `---@type table`, `${g.name} = {}`, '');
  }
  for (const g of STDLIB_EXTENSIONS) if (g.profiles.includes(profile)) lines.push(...globalFunction(g));
  return lines.join('\n');
}

if (require.main === module) {
  if (process.argv.includes('--write')) {
    for (const p of PROFILES) {
      const path = resolve(LUALS_DIR, lualsFileName(p));
      writeFileSync(path, renderLuals(p));
      console.log(`wrote ${path}`);
    }
  } else {
    process.stdout.write(renderLuals(DEFAULT_PROFILE));
  }
}
