/** Markdown and one-line signatures from the catalog, shared by completion, hover and signature help. */
import {
  functionByName, hookByName, PROFILES, type FlowFunction, type Hook, type ModuleMember, type Param, type Profile,
  type ResolvedFunction, type ScriptField,
} from '../../api/flow';
import { keyType } from '../../api/flow';
import { typeText } from '../analysis/literal-type';

export function paramText(p: Param): string {
  return `${p.name}${p.optional ? '?' : ''}: ${typeText(p.type)}`;
}

export function signatureOf(fn: ResolvedFunction): string {
  const ret = `${typeText(fn.returns.type)}${fn.returns.nullable ? '?' : ''}`;
  return `flow.${fn.name}(${fn.params.map(paramText).join(', ')}) -> ${ret}`;
}

/** "2019.11 only: in 4.0 use flow.getClientCountry()" style availability lines. */
export function availability(name: string, profile: Profile): string {
  const lines: string[] = [];
  const here = functionByName(name, profile);
  if (!here) return '';
  const profiles = here.fn.profiles;
  lines.push(profiles.length > 0 ? `Profiles: ${profiles.join(', ')}.` : `Not in any profile (existed ${here.fn.existedIn ?? 'earlier'}).`);
  for (const p of PROFILES) {
    if (profiles.includes(p)) continue;
    const other = functionByName(name, p);
    lines.push(`Not in ${p}${other?.successor ? `: use flow.${other.successor.name}()` : ''}.`);
  }
  return lines.join(' ');
}

export function functionMarkdown(fn: ResolvedFunction, profile: Profile): string {
  const parts = ['```lua', signatureOf(fn), '```', fn.doc];
  if (fn.params.length > 0) parts.push(fn.params.map((p) => `- \`${p.name}\`${p.optional ? ' (optional)' : ''}: ${p.doc}`).join('\n'));
  if (fn.returns.doc) parts.push(`Returns: ${fn.returns.doc}`);
  if (fn.returns.keys) parts.push(`Keys: ${fn.returns.keys.map((k) => `\`${k}\``).join(', ')}`);
  if (fn.notes.includes('expensive')) parts.push('**Expensive**: avoid it in hooks that run for every flow.');
  if (fn.deprecated) parts.push(`**Deprecated**: ${fn.deprecated}`);
  const avail = availability(fn.name, profile);
  const found = functionByName(fn.name, profile);
  parts.push(found?.available ? avail : `**Not in ${profile}**${found?.successor ? `: use flow.${found.successor.name}()` : ''}. ${avail}`);
  return parts.join('\n\n');
}

export function hookSignature(hook: Hook, profile: Profile): string {
  return `function(${hook.args[profile].map(paramText).join(', ')})`;
}

export function hookMarkdown(hook: Hook, profile: Profile): string {
  const parts = ['```lua', `hooks.${hook.name} = ${hookSignature(hook, profile)}`, '```', hook.doc];
  parts.push(hook.args[profile].map((p) => `- \`${p.name}\`: ${p.doc}`).join('\n'));
  if (!hook.fires.includes(profile)) parts.push(`**ntopng ${profile} never calls it** (it fires in ${hook.fires.join(', ')}).`);
  return parts.join('\n\n');
}

export function hookMarkdownByName(name: string, profile: Profile): string | undefined {
  const h = hookByName(name);
  return h ? hookMarkdown(h, profile) : undefined;
}

export function fieldMarkdown(f: ScriptField, profile: Profile): string {
  const where = f.parent === 'gui' ? `gui.${f.name}` : f.name;
  const type = typeText(f.typeByProfile?.[profile] ?? f.type);
  const parts = ['```lua', `${where}: ${type}${f.default ? ` = ${f.default}` : ''}`, '```', f.doc];
  const allowed = f.allowed?.[profile];
  if (allowed && f.name !== 'hooks') parts.push(`Values: ${allowed.map((v) => `\`${v}\``).join(', ')}`);
  if (f.setByLoader) parts.push('Set by ntopng\'s loader; a script does not write it.');
  if (!f.profiles.includes(profile)) parts.push(`**No effect in ${profile}**${f.profiles.length ? ` (used in ${f.profiles.join(', ')})` : ''}.`);
  return parts.join('\n\n');
}

export function memberMarkdown(owner: string, m: ModuleMember): string {
  const head = m.kind === 'function' ? `${owner}.${m.name}${m.signature ?? '()'}` : `${owner}.${m.name}${m.value !== undefined ? ` = ${m.value}` : ''}`;
  return ['```lua', head, '```', m.doc, `Profiles: ${m.profiles.join(', ')}.`].join('\n\n');
}

export function keyMarkdown(getter: string, key: string): string {
  return ['```lua', `flow.${getter}()["${key}"]: ${keyType(key)}`, '```'].join('\n');
}

export type { FlowFunction };
