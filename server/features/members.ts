/**
 * What may follow a chain of names (`flow.`, `flow_consts.status_types.`, `user_scripts.`...),
 * from the catalog, for completion and hover alike.
 */
import { CompletionItemKind } from 'vscode-languageserver';
import {
  alertSeverities, alertTypes, FIELD_UNITS, STATUS_DEFINITION_FIELDS, functionsFor, INTERFACE_MEMBERS, moduleFor, NTOP_MEMBERS, SCRIPT_CATEGORIES,
  scriptFields, statusTypes, type Profile,
} from '../../api/flow';
import { fieldMarkdown, functionMarkdown, memberMarkdown, signatureOf } from './describe';

export interface MemberInfo {
  name: string;
  kind: CompletionItemKind;
  detail: string;
  doc: string;
}

const FROM_40: readonly Profile[] = ['4.0', '4.2'];

/**
 * Members after `root.p1.p2...`. `module` is the module the root was required from (or the
 * root's own name when it is a global), `isScript` whether the root is the script table.
 */
const memo = new Map<string, MemberInfo[] | undefined>();

export function membersOf(module: string | undefined, path: readonly string[], profile: Profile, isScript: boolean): MemberInfo[] | undefined {
  const key = `${module}|${path.join('.')}|${profile}|${isScript}`;
  if (!memo.has(key)) memo.set(key, computeMembers(module, path, profile, isScript));
  return memo.get(key);
}

function computeMembers(module: string | undefined, path: readonly string[], profile: Profile, isScript: boolean): MemberInfo[] | undefined {
  // 2019.11's flow_consts.flow_status_types is the older name of status_types.
  const key = [module ?? '?', ...path].join('.').replace(/^flow_consts\.flow_status_types$/, 'flow_consts.status_types');
  if (key === 'flow') {
    return functionsFor(profile).map((f) => ({ name: f.name, kind: CompletionItemKind.Function, detail: signatureOf(f), doc: functionMarkdown(f, profile) }));
  }
  if (isScript && path.length === 0) {
    return scriptFields(profile, 'script').map((f) => ({ name: f.name, kind: CompletionItemKind.Field, detail: `script.${f.name}`, doc: fieldMarkdown(f, profile) }));
  }
  if (isScript && path.length === 1 && path[0] === 'gui') {
    return scriptFields(profile, 'gui').map((f) => ({ name: f.name, kind: CompletionItemKind.Field, detail: `gui.${f.name}`, doc: fieldMarkdown(f, profile) }));
  }
  switch (key) {
    case 'flow_consts.status_types':
      return statusTypes(profile).map((s) => ({
        name: s.key, kind: CompletionItemKind.EnumMember, detail: s.id !== undefined ? `status id ${s.id}` : 'status (id assigned at run time)',
        doc: [s.doc, s.severity ? `Severity: ${s.severity}.` : '', s.alertType ? `Alert type: ${s.alertType}.` : '', s.createArgs ? `create(severity${s.createArgs.map((x) => `, ${x}`).join('')})` : '']
          .filter(Boolean).join(' '),
      }));
    case 'alert_consts.alert_severities':
      return alertSeverities(profile).map((s) => ({ name: s.name, kind: CompletionItemKind.EnumMember, detail: `severity_id ${s.severityId}`, doc: `Syslog level ${s.syslogLevel}.` }));
    case 'alert_consts.alert_types':
      return alertTypes(profile).map((t) => ({ name: t.key, kind: CompletionItemKind.EnumMember, detail: t.id[profile] !== undefined ? `alert_id ${t.id[profile]}` : 'alert type', doc: t.doc }));
    case 'user_scripts.script_categories':
      return FROM_40.includes(profile)
        ? SCRIPT_CATEGORIES.map((c) => ({ name: c.key, kind: CompletionItemKind.EnumMember, detail: 'script category', doc: `UI group "${c.key}".` }))
        : [];
    case 'user_scripts.field_units':
      return FIELD_UNITS.map((u) => ({ name: u, kind: CompletionItemKind.EnumMember, detail: 'field unit', doc: `Unit "${u}" for threshold inputs.` }));
    case 'interface':
      return INTERFACE_MEMBERS.map((m) => ({ name: m.name, kind: CompletionItemKind.Function, detail: `interface.${m.name}${m.signature ?? ''}`, doc: memberMarkdown('interface', m) }));
    case 'ntop':
      return NTOP_MEMBERS.filter((m) => m.profiles.includes(profile)).map((m) => ({ name: m.name, kind: CompletionItemKind.Function, detail: `ntop.${m.name}${m.signature ?? ''}`, doc: memberMarkdown('ntop', m) }));
    default:
      break;
  }
  if (module === 'flow_consts' && path.length === 2 && (path[0] === 'status_types' || path[0] === 'flow_status_types')) {
    // The fields of one status definition (status_id, prio, ... in 2019.11; create(...) in 4.2).
    return STATUS_DEFINITION_FIELDS[profile].map((f) => ({
      name: f.name, kind: f.name === 'create' ? CompletionItemKind.Method : CompletionItemKind.Field,
      detail: `status_types.${path[1]}.${f.name}`, doc: f.doc,
    }));
  }
  if (path.length === 0 && module) {
    const m = moduleFor(module, profile);
    if (!m) return undefined;
    return m.members.map((x) => ({
      name: x.name,
      kind: x.kind === 'function' ? CompletionItemKind.Function : x.kind === 'constant' ? CompletionItemKind.Constant : CompletionItemKind.Module,
      detail: `${module}.${x.name}${x.signature ?? ''}`,
      doc: memberMarkdown(module, x),
    }));
  }
  return undefined;
}
