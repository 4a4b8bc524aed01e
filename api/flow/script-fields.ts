/** Fields of the table a flow script returns, and of its `gui` sub-table (spec §2). */
import { L4_KEYS } from './l4-keys';
import { ALL, FROM_40, ONLY_2019, ONLY_42 } from './profiles';
import { REAL_HOOK_NAMES } from './hooks';
import type { Profile, ScriptField } from './types';

const NONE: readonly Profile[] = [];
const l4Names = (p: Profile): string[] => L4_KEYS[p].map((k) => k.name);
const HOOK_KEYS = [...REAL_HOOK_NAMES, 'all'];
const CATEGORIES = ['other', 'security', 'internals', 'network', 'system'];

function field(name: string, type: ScriptField['type'], profiles: readonly Profile[], doc: string, rest: Partial<ScriptField> = {}): ScriptField {
  return { name, parent: 'script', type, profiles, doc, ...rest };
}

function gui(name: string, type: ScriptField['type'], profiles: readonly Profile[], doc: string, rest: Partial<ScriptField> = {}): ScriptField {
  return { name, parent: 'gui', type, profiles, doc, ...rest };
}

const lifecycle = (name: string, what: string): ScriptField =>
  field(name, 'function', ONLY_42, `Called as ${name}(hook, hook_config) when ${what}; configuration bookkeeping, not part of flow dispatch.`);

export const SCRIPT_FIELDS: readonly ScriptField[] = [
  field('hooks', 'table', ALL,
    'Maps hook names to functions. Required; a script with an empty hooks table is skipped with a warning, and unknown names are ignored with a warning.',
    { required: true, allowed: { '2019.11': HOOK_KEYS, '4.0': HOOK_KEYS, '4.2': HOOK_KEYS } }),
  field('gui', 'table', ALL, 'Title, description and settings widget shown in ntopng\'s UI; it does not change how the script runs.'),
  field('default_enabled', 'boolean', ALL,
    'Whether the script runs before the user changes anything. Absent means enabled; false keeps it off until enabled.', { default: 'true' }),
  field('default_value', 'any', ALL,
    'The script\'s default configuration. In 2019.11 it is stored but never reaches the hooks; from 4.0 on hooks get it (or the user\'s saved settings) as their second argument.'),
  field('l4_proto', 'string', ALL,
    'Restricts the script to flows of one L4 protocol, by name. An unknown name is an error and the script gets no hooks. Without it, the script sees every L4 protocol in the list, and no other.', {
      allowed: { '2019.11': l4Names('2019.11'), '4.0': l4Names('4.0'), '4.2': l4Names('4.2') },
    }),
  field('l7_proto', 'string', ALL,
    'Restricts the script to flows whose master or app protocol is this nDPI protocol (name matched ignoring case). An unknown name makes ntopng skip the script.'),
  field('l7_proto_id', 'integer', ALL,
    'The numeric form of the application filter (nDPI id); 4.2 scripts set it directly. When `l7_proto` is also present, the id resolved from the name replaces it.'),
  field('three_way_handshake_ok', 'boolean', ALL,
    'When true, hooks are skipped for TCP flows whose three-way handshake has not completed.'),
  field('periodic_update_seconds', 'integer', ALL,
    'How often periodicUpdate should run for this script, in seconds: a multiple of 30 (anything else warns and falls back to 120). The script runs on every (seconds / 30)-th periodic call, counting from the first.',
    { default: '120' }),
  field('packet_interface_only', 'boolean', ALL, 'When true, the script is skipped on interfaces that do not capture packets (collectors).'),
  field('nedge_only', 'boolean', ALL, 'When true, the script runs only in nEdge builds.'),
  field('nedge_exclude', 'boolean', ALL, 'When true, the script never runs in nEdge builds.'),
  field('windows_exclude', 'boolean', FROM_40, 'When true, the script is skipped on Windows.'),
  field('is_alert', 'boolean', FROM_40,
    'Marks an alerting script, skipped when alert generation is disabled. In 2019.11 ntopng derives it from an `alerts/` subdirectory instead of reading the field.'),
  field('category', 'table', FROM_40,
    'UI group of the script, one of `user_scripts.script_categories`; missing or invalid becomes `other`. 4.2 also uses it for the host score category.',
    { default: 'user_scripts.script_categories.other', allowed: { '4.0': CATEGORIES, '4.2': CATEGORIES } }),
  field('prio', 'number', ONLY_42,
    'Order within one dispatch: scripts with a higher prio run first. Earlier versions run scripts in unspecified order.', { default: '0' }),
  field('setup', 'function', ALL, 'Called once after loading; returning a false value unloads the script.'),
  field('teardown', 'function', ALL, 'Called when the scripts are unloaded.'),
  lifecycle('onLoad', 'the script is loaded'),
  lifecycle('onUnload', 'the script is unloaded'),
  lifecycle('onEnable', 'the user enables the script'),
  lifecycle('onDisable', 'the user disables the script'),
  lifecycle('onUpdateConfig', 'the user changes its configuration'),
  field('key', 'string', ALL, 'Unique script name: the file name without `.lua`. The loader sets it; two scripts with the same key keep only the first.', { setByLoader: true }),
  field('path', 'string', ALL, 'Where the script was loaded from.', { setByLoader: true }),
  field('conf', 'table', ALL, 'The effective configuration.', { setByLoader: true }),
  field('plugin', 'table', FROM_40, 'The plugin the script belongs to.', { setByLoader: true }),
  field('edition', 'string', FROM_40, 'Edition the script requires (community, pro, enterprise).', { setByLoader: true }),
  field('template', 'table', FROM_40, 'The settings template resolved from `gui.input_builder`.', { setByLoader: true }),
  field('subdir', 'string', FROM_40, 'The script type subdirectory (flow).', { setByLoader: true }),
  field('source_path', 'string', FROM_40, 'Path of the script inside its plugin.', { setByLoader: true }),
  field('script_type', 'table', FROM_40, 'The script type descriptor (`user_scripts.script_types.flow`).', { setByLoader: true }),
  field('local_only', 'boolean', NONE, 'A host-script filter; flow scripts ignore it.'),
  field('bidirectional', 'boolean', NONE, 'A direction filter that existed for two days in November 2019; no profile honours it.'),
  field('one_way', 'boolean', NONE, 'A direction filter that existed for two days in November 2019; no profile honours it.'),

  gui('i18n_title', 'string', ALL, 'Script title: a localisation key or plain text. From 4.0 on a missing title logs a warning.'),
  gui('i18n_description', 'string', ALL, 'Script description: a localisation key or plain text. From 4.0 on a missing description logs a warning.'),
  gui('input_builder', ['function', 'string'], ALL,
    'The settings widget: in 2019.11 a function returning HTML (the documentation uses `user_scripts.flow_checkbox_input_builder`); from 4.0 on the name of a template.', {
      typeByProfile: { '2019.11': 'function', '4.0': 'string', '4.2': 'string' },
      allowed: {
        '4.0': ['threshold_cross', 'items_list', 'elephant_flows', 'long_lived', 'flow_mud'],
        '4.2': ['threshold_cross', 'items_list', 'elephant_flows', 'long_lived', 'multi_select'],
      },
    }),
  gui('post_handler', 'function', ONLY_2019, 'Turns the submitted settings form into the stored configuration.'),
  gui('item_list_type', 'string', ALL, 'Kind of items a list widget holds.',
    { allowed: Object.fromEntries(ALL.map((p) => [p, ['country', 'proto_or_category', 'string', 'device_type']])) }),
  gui('input_title', 'string', ALL, 'Title of the settings input.'),
  gui('input_description', 'string', ALL, 'Help text of the settings input.'),
  gui('field_min', 'number', ALL, 'Lowest value the threshold input accepts.'),
  gui('field_max', 'number', ALL, 'Highest value the threshold input accepts.'),
  gui('field_step', 'number', ALL, 'Step of the threshold input.'),
  gui('field_operator', 'string', ALL, 'Comparison the threshold input applies.'),
  gui('i18n_field_unit', 'string', ALL, 'Unit shown next to the threshold input (a `user_scripts.field_units` key).'),
];
