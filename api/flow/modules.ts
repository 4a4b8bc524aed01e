/** Modules flow scripts `require`, with their members per profile (spec §4, §5). */
import { ALL, FROM_40, ONLY_2019, ONLY_42 } from './profiles';
import { MAX_SCORE } from './statuses';
import type { LuaModule, ModuleMember, Profile } from './types';

const fn = (name: string, profiles: readonly Profile[], signature: string, doc: string): ModuleMember =>
  ({ name, kind: 'function', profiles, signature, doc });
const tbl = (name: string, profiles: readonly Profile[], doc: string): ModuleMember => ({ name, kind: 'table', profiles, doc });
const konst = (name: string, profiles: readonly Profile[], value: string | number | boolean, doc: string): ModuleMember =>
  ({ name, kind: 'constant', profiles, value, doc });

/** `user_scripts.script_categories` keys with their fixed 4.2 ids (4.0 numbers them in unspecified order). */
export const SCRIPT_CATEGORIES: readonly { key: string; id42: number }[] = [
  { key: 'other', id42: 0 }, { key: 'security', id42: 1 }, { key: 'internals', id42: 2 }, { key: 'network', id42: 3 }, { key: 'system', id42: 4 },
];

/** `user_scripts.field_units` keys. */
export const FIELD_UNITS: readonly string[] = [
  'seconds', 'bytes', 'flows', 'packets', 'mbits', 'hosts', 'syn_sec', 'flow_sec', 'percentage', 'syn_min',
];

export const USER_SCRIPTS: LuaModule = {
  name: 'user_scripts',
  profiles: ALL,
  doc: 'ntopng\'s script loader and its helpers; flow scripts mostly use it for `gui` values and categories.',
  members: [
    tbl('script_types', ALL, 'Script kinds; `script_types.flow` names the parent directory and the four flow hooks (4.0 adds `subdirs`, 4.2 `default_config_only`).'),
    tbl('script_categories', FROM_40, 'UI groups for `script.category`: other, security, internals, network, system; each {id, icon, i18n_title, i18n_descr}.'),
    tbl('field_units', ALL, 'Unit names for threshold inputs (seconds, bytes, flows, packets, mbits, hosts, syn_sec, flow_sec, percentage, syn_min).'),
    fn('flow_checkbox_input_builder', ONLY_2019, '(user_script) -> string', 'Renders an on/off switch for the script\'s settings page; the documentation\'s example uses it as `gui.input_builder`.'),
    fn('checkbox_input_builder', ONLY_2019, '(...) -> string', 'Renders a checkbox settings input (HTML).'),
    fn('checkbox_post_handler', ONLY_2019, '(...) -> table', 'Reads a submitted checkbox input.'),
    fn('threshold_cross_input_builder', ONLY_2019, '(...) -> string', 'Renders a threshold settings input (HTML).'),
    fn('threshold_cross_post_handler', ONLY_2019, '(...) -> table', 'Reads a submitted threshold input.'),
    fn('load', ALL, '(ifid, script_type, subdir, options?) -> table', 'Loads the scripts of one type; returns {modules, hooks, conf}. Options: hook_filter, do_benchmark, return_all, scripts_filter.'),
    fn('getConfiguration', ONLY_2019, '(script, hook?, entity?) -> table', 'The effective {enabled, script_conf} of a script.'),
    fn('getGlobalConfiguration', ONLY_2019, '() -> table', 'Stored configuration of all scripts.'),
    fn('getDefaultConfig', ONLY_2019, '(...) -> table', 'Configuration built from the scripts\' defaults.'),
    fn('teardown', ALL, '() -> nil', 'Calls every loaded script\'s teardown.'),
    fn('listScripts', ONLY_2019, '(...) -> table', 'Lists the available scripts.'),
    fn('getSubdirectoryPath', ONLY_2019, '(...) -> string', 'Directory of a script type.'),
    fn('benchmark_dump', ONLY_2019, '(...) -> nil', 'Stores the per-hook timing figures.'),
    fn('getAggregatedStats', ONLY_2019, '(...) -> table', 'Aggregated timing figures.'),
    fn('getConfigsets', FROM_40, '() -> table', 'All configuration sets.'),
    fn('getTargetConfig', FROM_40, '(configsets, subdir, target) -> table', 'The configuration set that applies to a target.'),
    fn('getTargetHookConfig', FROM_40, '(target_config, script, hook?) -> table', 'One script\'s {enabled, script_conf} in a configuration set.'),
    fn('getConfigById', FROM_40, '(id) -> table', 'A configuration set by id.'),
    konst('DEFAULT_CONFIGSET_ID', FROM_40, 0, 'Id of the default configuration set, which flows use.'),
    fn('loadModule', FROM_40, '(ifid, script_type, subdir, name) -> table', 'Loads one script by name.'),
  ],
};

export const FLOW_CONSTS: LuaModule = {
  name: 'flow_consts',
  profiles: ALL,
  doc: 'Flow status definitions and helpers around them.',
  members: [
    tbl('status_types', ALL, 'Status definitions by key (see the status tables). 2019.11 entries carry status_id, prio, relevance, alert_severity and alert_type; 4.2 entries have `create(severity, ...)`.'),
    tbl('flow_status_types', ONLY_2019, 'The name of `status_types` before 2019-10-16 (scripts of that time use it): the same table.'),
    ...[1, 2, 3, 4, 5].map((n) => konst(`custom_status_${n}`, ONLY_2019, 58 + n, `Status id reserved for custom status ${n}.`)),
    fn('getStatusInfo', ONLY_2019, '(status_id) -> table?', 'The status definition with this id, or nil.'),
    fn('getStatusType', ONLY_2019, '(status_id) -> string?', 'The key of the status with this id.'),
    fn('getStatusTitle', ONLY_2019, '(status_id) -> string', 'Title of a status.'),
    fn('getStatusDescription', ONLY_2019, '(status_id, status_info) -> string', 'Description of a status, formatted with its details.'),
    fn('getPredominantStatus', ONLY_2019, '(bitmap) -> integer', 'The highest-prio status set in a bitmap.'),
    fn('getDefinititionsDir', ONLY_2019, '() -> string', 'Directory of the status definitions (the name is spelled this way upstream).'),
    tbl('flow_fields_description', ONLY_2019, 'Descriptions of flow export fields.'),
    tbl('mobile_country_code', ONLY_2019, 'Mobile country codes.'),
    konst('max_score', ['4.0'], MAX_SCORE['4.0']!, 'Highest score a status can give.'),
    konst('max_score', ONLY_42, MAX_SCORE['4.2']!, 'Highest score a status can give.'),
  ],
};

export const ALERT_CONSTS: LuaModule = {
  name: 'alert_consts',
  profiles: ALL,
  doc: 'Alert types, severities and entities.',
  members: [
    tbl('alert_types', ALL, 'Alert type definitions by key, each with alert_id (alert_key in 4.2), i18n_title and icon.'),
    tbl('alert_severities', ALL, 'Severities by name, each with severity_id, syslog_level, label and i18n_title.'),
    tbl('alert_entities', ALL, 'Entities alerts belong to; `flow` has entity_id 4.'),
    tbl('alerts_granularities', ALL, 'Time granularities of periodic alerts.'),
    ...[1, 2, 3, 4, 5].map((n) => konst(`custom_alert_${n}`, ONLY_2019, 58 + n, `Alert id reserved for custom alert ${n}.`)),
    fn('getAlertType', ALL, '(alert_id) -> string?', 'The key of an alert type by id.'),
    fn('alertEntityRaw', ALL, '(entity) -> integer', 'Numeric id of an alert entity.'),
    fn('alertLevelToSyslogLevel', ALL, '(severity_id) -> integer', 'Syslog level of a severity.'),
    tbl('ids_rule_maker', ALL, 'Helpers that build IDS rule identifiers.'),
  ],
};

export const OTHER_MODULES: readonly LuaModule[] = [
  { name: 'dkjson', profiles: ALL, doc: 'JSON encoder and decoder.', members: [
    fn('encode', ALL, '(value, state?) -> string', 'Encodes a Lua value as JSON text.'),
    fn('decode', ALL, '(text, pos?, null?) -> any', 'Decodes JSON text; returns nil and an error message on failure.'),
  ] },
  { name: 'mud_utils', profiles: ALL, doc: 'MUD recording used by the mud script.', members: [
    fn('handleFlow', ALL, '(now) -> nil', 'Records the current flow for MUD when a peer has recording on.'),
  ] },
  { name: 'discover_utils', profiles: FROM_40, doc: 'Device type names and ids.', members: [
    fn('devtype2id', FROM_40, '(name) -> integer', 'Device type id of a name.'),
    fn('devtype2string', FROM_40, '(id) -> string', 'Device type name of an id.'),
  ] },
  { name: 'alerts_api', profiles: ALL, doc: 'Alert helpers used by the flow driver.', members: [
    fn('getAllHostsDisabledStatusBitmaps', ALL, '(ifid) -> table', 'Per-host bitmaps of statuses the user disabled.'),
    fn('addAlertGenerationInfo', ['4.0'], '(alert_json, current_script) -> nil', 'Adds the script and configuration set that raised an alert.'),
  ] },
  { name: 'plugins_utils', profiles: ONLY_42, doc: 'Plugin helpers.', members: [
    fn('loadModule', ONLY_42, '(plugin_name, module_name) -> table?', 'Loads a Lua module shipped with a plugin.'),
  ] },
  { name: 'ids_utils', profiles: FROM_40, doc: 'IDS helpers of Enterprise builds (computes external alert scores).', members: [] },
  { name: 'alert_utils', profiles: ALL, doc: 'Alert formatting helpers that the flow driver requires; flow scripts of 2019 require it too without using it.', members: [] },
  { name: 'lua_utils', profiles: ALL, doc: 'General helpers; requiring it defines globals such as i18n, ternary, tprint and l4_keys.', members: [] },
  { name: 'flow_utils', profiles: ALL, doc: 'Flow helpers; requiring it defines the global shortFlowLabel.', members: [] },
];

export const MODULES: readonly LuaModule[] = [USER_SCRIPTS, FLOW_CONSTS, ALERT_CONSTS, ...OTHER_MODULES];
