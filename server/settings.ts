/**
 * The server's settings, section `flowscript` of `workspace/configuration` (VS Code's
 * `flowscript.profile` and `flowscript.scriptGlobs`), also accepted in initializationOptions for
 * editors that cannot answer configuration requests.
 */
import { DEFAULT_PROFILE, isProfile, type Profile } from '../api/flow';
import { DEFAULT_SCRIPT_GLOBS } from './analysis/globs';

export interface Settings {
  profile: Profile;
  scriptGlobs: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = { profile: DEFAULT_PROFILE, scriptGlobs: DEFAULT_SCRIPT_GLOBS };

/** Reads whatever the client sent, keeping the defaults for anything missing or malformed. */
export function readSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (!raw || typeof raw !== 'object') return base;
  const obj = raw as { flowscript?: unknown; profile?: unknown; scriptGlobs?: unknown };
  const section = obj.flowscript && typeof obj.flowscript === 'object' ? (obj.flowscript as typeof obj) : obj;
  const settings: Settings = { ...base };
  if (typeof section.profile === 'string' && isProfile(section.profile)) settings.profile = section.profile;
  if (Array.isArray(section.scriptGlobs) && section.scriptGlobs.every((g) => typeof g === 'string')) {
    settings.scriptGlobs = section.scriptGlobs as string[];
  }
  return settings;
}
