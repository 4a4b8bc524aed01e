/** Every diagnostic rule, in the order docs/diagnostics.md lists them, and the runner. */
import type { Analysis } from '../analysis/model';
import { expensiveInHook } from './expensive-in-hook';
import { hookNeverCalled } from './hook-never-called';
import { hookOutsideHooks } from './hook-outside-hooks';
import { invalidL4Proto, invalidL7Proto } from './invalid-proto';
import { invalidProfile } from './invalid-profile';
import { emptyHooks, missingHooks } from './missing-hooks';
import type { Finding, Rule } from './rule';
import { scriptNotReturned } from './script-not-returned';
import { withoutSilenced } from './suppress';
import { syntaxError } from './syntax-error';
import { unavailableInProfile } from './unavailable-in-profile';
import { undefinedGlobal } from './undefined-global';
import { unknownFlowFunction } from './unknown-flow-function';
import { unknownHook } from './unknown-hook';
import { unknownResultKey } from './unknown-result-key';
import { unknownSeverity } from './unknown-severity';
import { unknownStatusType } from './unknown-status-type';
import { unusedLocal } from './unused-local';
import { wrongArgumentCount } from './wrong-argument-count';
import { wrongArgumentType } from './wrong-argument-type';

export type { Finding, Fix, Rule, Severity, TextEditSpan } from './rule';

export const RULES: readonly Rule[] = [
  syntaxError,
  invalidProfile,
  scriptNotReturned,
  missingHooks,
  emptyHooks,
  unknownHook,
  hookOutsideHooks,
  hookNeverCalled,
  unknownFlowFunction,
  unavailableInProfile,
  wrongArgumentCount,
  wrongArgumentType,
  expensiveInHook,
  unknownResultKey,
  invalidL4Proto,
  invalidL7Proto,
  unknownStatusType,
  unknownSeverity,
  undefinedGlobal,
  unusedLocal,
];

/** The findings of a flow script, silencing comments applied; none for other Lua files. */
export function diagnose(a: Analysis): Finding[] {
  if (!a.flowScriptReason) return [];
  const rules = a.chunk ? RULES : [syntaxError, invalidProfile];
  const findings = rules.flatMap((r) => r.check(a));
  return withoutSilenced(a, findings).sort((x, y) => x.span[0] - y.span[0] || x.code.localeCompare(y.code));
}
