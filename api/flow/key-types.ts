/**
 * Lua types of the keys of returned tables (spec §1.3, §1.4). A key means the same thing in every
 * getter that returns it, so one dictionary serves all of them; keys not listed here are `any`.
 */
import type { LuaType } from './types';

const T: Record<string, LuaType> = {};

function set(type: LuaType, keys: readonly string[]): void {
  for (const k of keys) T[k] = type;
}

const both = (suffixes: readonly string[], prefixes: readonly string[] = ['cli', 'srv']): string[] =>
  prefixes.flatMap((p) => suffixes.map((s) => `${p}.${s}`));
const dirs = (suffixes: readonly string[]): string[] => both(suffixes, ['cli2srv', 'srv2cli']);

set('string', [
  ...both(['ip', 'key', 'country', 'city', 'mac', 'host', 'os', 'mud_recording']),
  'proto.l4', 'proto.ndpi', 'proto.ndpi_app', 'proto.ndpi_cat', 'proto.ndpi_breed', 'info', 'host_server_name',
  'bittorrent_hash', 'moreinfo.json', 'profile', 'alert_json', 'payload',
  'protos.http.last_method', 'protos.http.last_url', 'protos.http.server_name',
  'protos.dns.last_query', 'protos.ssh.client_signature', 'protos.ssh.server_signature',
  'protos.ssh.hassh.client_hash', 'protos.ssh.hassh.server_hash',
  'protos.tls.certificate', 'protos.tls.server_certificate', 'protos.tls.server_names', 'protos.tls.client_alpn',
  'protos.tls.client_tls_supported_versions', 'protos.tls.client_requested_server_name',
  'protos.tls.ja3.client_hash', 'protos.tls.ja3.server_hash', 'protos.tls.ja3.server_unsafe_cipher',
]);
set('number', [...both(['latitude', 'longitude']), ...dirs(['pkt_len.avg', 'pkt_len.stddev'])]);
set('integer', [
  ...both(['port', 'vlan', 'source_id', 'network_id', 'pool_id', 'asn', 'devtype', 'disallowed_proto', 'score']),
  'duration', 'vlan', 'vrfId', 'score', 'status_map', 'ntopng.key', 'hash_entry_id',
  ...dirs(['bytes', 'goodput_bytes', 'packets', 'last', 'pkt_len.min', 'pkt_len.max', 'fragments',
    'retransmissions', 'out_of_order', 'lost', 'keep_alive', 'tcp_flags']),
  'bytes', 'goodput_bytes', 'bytes.last', 'goodput_bytes.last', 'packets', 'packets.sent', 'packets.rcvd', 'packets.last',
  'proto.l4_id', 'proto.ndpi_id', 'proto.master_ndpi_id', 'proto.ndpi_cat_id', 'seen.first', 'seen.last',
  'first_seen', 'last_seen', 'type', 'code', 'max_payload_size', 'payload_len', 'protos.tls_version',
  'protos.tls.ja3.server_cipher', 'protos.http.last_return_code', 'protos.dns.last_query_type',
  'protos.dns.last_return_code', 'alerted_status', 'flow.status',
]);
set('boolean', [
  ...both(['localhost', 'broadmulticast', 'allowed_host', 'systemhost', 'blacklisted', 'private', 'allowed', 'serialize_by_mac']),
  'blacklisted.cli', 'blacklisted.srv', 'blacklisted.cat', 'is_local', 'twh_over', 'triggered',
  'protos.tls.subject_alt_name_match', 'protos.tls.ja3.client_malicious', 'protos.tls.ja3.server_malicious',
  'protos.dns.invalid_chars_in_query', 'has_slow_data_exchange', 'is_connection_refused', 'has_low_goodput',
  'tcp_established', 'tcp_connecting', 'tcp_closed', 'tcp_reset', 'flow.idle', 'flow.alerted',
]);
set('table', ['interarrival.cli2srv', 'interarrival.srv2cli', 'icmp', 'status_info']);

/** The Lua type of a returned table's key (`any` when the catalog does not say). */
export function keyType(key: string): LuaType {
  return T[key] ?? 'any';
}
