/** Globals flow scripts can use besides `flow` (spec §4.4, §5). */
import { ALL, FROM_40 } from './profiles';
import type { ModuleMember, Profile } from './types';

const fn = (name: string, signature: string, doc: string, profiles: readonly Profile[] = ALL): ModuleMember =>
  ({ name, kind: 'function', profiles, signature, doc });
const konst = (name: string, value: number, doc: string): ModuleMember => ({ name, kind: 'constant', profiles: ALL, value, doc });

export const GLOBALS: readonly ModuleMember[] = [
  { name: 'flow', kind: 'table', profiles: ALL, doc: 'The flow being processed; its functions are listed in the flow API.' },
  { name: 'interface', kind: 'table', profiles: ALL, doc: 'The network interface the flow belongs to.' },
  { name: 'ntop', kind: 'table', profiles: ALL, doc: 'ntopng-wide services: preferences, cache, directories, edition checks, logging.' },
  fn('print', '(...) -> nil', 'Writes its arguments to ntopng\'s standard output.'),
  fn('tprint', '(value) -> nil', 'Debug dump to standard output: a scalar on one line with its type, a table entry by entry with dotted paths (up to 1000 items).'),
  fn('traceError', '(level, mode, message) -> nil', 'Logs a message at a TRACE_* level; TRACE_CONSOLE goes to the ntopng log, TRACE_WEB to the page. Levels above the current trace level (2) are dropped.'),
  fn('setTraceLevel', '(level) -> nil', 'Changes the trace level.'),
  fn('resetTraceLevel', '() -> nil', 'Restores the default trace level.'),
  konst('TRACE_ERROR', 0, 'Error trace level.'),
  konst('TRACE_WARNING', 1, 'Warning trace level.'),
  konst('TRACE_NORMAL', 2, 'Normal trace level (the default threshold).'),
  konst('TRACE_INFO', 3, 'Informational trace level (dropped by default).'),
  konst('TRACE_DEBUG', 4, 'Debug trace level (dropped by default).'),
  konst('TRACE_CONSOLE', 0, 'traceError mode: write to the ntopng log.'),
  konst('TRACE_WEB', 1, 'traceError mode: print an HTML line.'),
  fn('i18n', '(key, params?) -> string?', 'The localised text for a key, with %{name} placeholders filled from params; nil for an unknown key.'),
  fn('ternary', '(cond, a, b) -> any', 'a when cond is true, b otherwise.'),
  fn('isEmptyString', '(s) -> boolean', 'True for nil or "".'),
  fn('split', '(s, sep) -> table', 'Splits a string by a separator.'),
  fn('starts', '(s, prefix) -> boolean', 'Whether s starts with prefix.'),
  fn('ends', '(s, suffix) -> boolean', 'Whether s ends with suffix.'),
  fn('isIPv4', '(s) -> boolean', 'Whether the string is an IPv4 address.'),
  fn('resolveAddress', '(hostinfo) -> string', 'A host name for an address, or the address itself.'),
  fn('getDeviceProtocolPoliciesUrl', '(params?) -> string', 'Link to the device-protocol policy page.'),
  { name: 'l4_keys', kind: 'table', profiles: ALL, doc: 'The L4 protocol names scripts may use in `l4_proto`, with their numbers.' },
  fn('l4_proto_to_id', '(name) -> integer?', 'IP protocol number of an L4 name.'),
  fn('l4_proto_to_string', '(id) -> string', 'L4 name of an IP protocol number.'),
  fn('areAlertsEnabled', '() -> boolean', 'Whether alert generation is on.'),
  fn('pairsByKeys', '(t, cmp?) -> function', 'Iterates a table in key order.'),
  fn('pairsByValues', '(t, cmp) -> function', 'Iterates a table in value order.'),
  { name: 'dirs', kind: 'table', profiles: ALL, doc: 'ntopng\'s directories (installdir, workingdir, ...).' },
  fn('shortFlowLabel', '(info) -> string', 'One-line label of a flow from getInfo(): "[L4] cli.ip:cli.port -> srv.ip:srv.port [proto.ndpi]".'),
];

/** Extensions of Lua's own tables that lua_utils defines. */
export const STDLIB_EXTENSIONS: readonly ModuleMember[] = [
  fn('table.empty', '(t) -> boolean', 'True for nil or a table without entries.'),
  fn('table.len', '(t) -> integer', 'Number of entries of any table.'),
  fn('string.split', '(s, sep) -> table', 'Splits a string by a separator.'),
  fn('string.starts', '(s, prefix) -> boolean', 'Whether s starts with prefix.'),
  fn('string.ends', '(s, suffix) -> boolean', 'Whether s ends with suffix.'),
];

/** `interface.*` and `ntop.*` members the driver and helpers use. */
export const INTERFACE_MEMBERS: readonly ModuleMember[] = [
  fn('getId', '() -> integer', 'Id of the interface.'),
  fn('select', '(ifname) -> nil', 'Selects an interface.'),
  fn('isPacketInterface', '() -> boolean', 'Whether the interface captures packets.'),
  fn('isViewed', '() -> boolean', 'Whether the interface is part of a view.'),
  fn('viewedBy', '() -> integer', 'Id of the view interface.'),
  fn('getnDPIProtoId', '(name) -> integer', 'nDPI id of a protocol name (case ignored), -1 when unknown.'),
  fn('getnDPIProtoName', '(id) -> string', 'nDPI name of a protocol id.'),
];

export const NTOP_MEMBERS: readonly ModuleMember[] = [
  ...['getDirs', 'isPro', 'isEnterprise', 'isEnterpriseM', 'isnEdge', 'isWindows'].map((n) =>
    fn(n, n === 'getDirs' ? '() -> table' : '() -> boolean', n === 'getDirs' ? 'ntopng\'s directories.' : `Edition or platform check (${n}).`)),
  fn('getPref', '(key) -> string', 'Reads a preference.'),
  fn('setPref', '(key, value) -> nil', 'Writes a preference.'),
  fn('getCache', '(key) -> string', 'Reads a cache (Redis) key.'),
  fn('setCache', '(key, value, ttl?) -> nil', 'Writes a cache (Redis) key.'),
  fn('delCache', '(key) -> nil', 'Deletes a cache key.'),
  fn('setMembersCache', '(key, value) -> nil', 'Adds to a cache set.'),
  fn('bitmapIsSet', '(bitmap, bit) -> boolean', 'Whether a bit is set in a bitmap.'),
  fn('getticks', '() -> integer', 'CPU tick counter.'),
  fn('gettickspersec', '() -> integer', 'Ticks per second.'),
  fn('readdir', '(path) -> table', 'Directory entries.'),
  fn('getHttpPrefix', '() -> string', 'URL prefix of the web UI.'),
  fn('traceEvent', '(level, file, line, message) -> nil', 'Writes to the ntopng log.'),
  fn('getDeadline', '() -> integer', 'Deadline of the current periodic activity.', FROM_40),
];
