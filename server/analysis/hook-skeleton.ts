/** Source text of an empty hook, with the arguments ntopng passes in the profile. */
import { hookByName, type HookName, type Profile } from '../../api/flow';

export function hookParams(name: string, profile: Profile): string {
  const hook = hookByName(name);
  return hook ? hook.args[profile].map((p) => p.name).join(', ') : '';
}

/** `function script.hooks.protocolDetected(now)\nend` */
export function hookStatement(scriptName: string, name: HookName | string, profile: Profile): string {
  return `function ${scriptName}.hooks.${name}(${hookParams(name, profile)})\n   -- your checks here\nend\n`;
}

/** `protocolDetected = function(now)\nend,` for inside a hooks table. */
export function hookField(name: HookName | string, profile: Profile, indent: string): string {
  return `${name} = function(${hookParams(name, profile)})\n${indent}   -- your checks here\n${indent}end,`;
}
