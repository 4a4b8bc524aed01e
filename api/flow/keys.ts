/**
 * Exact keys of the tables that flow.* getters return (spec §1.4). Shared by the function data
 * files; spelled exactly as ntopng pushes them.
 */

const PEERS = ['cli', 'srv'] as const;
const DIRECTIONS = ['cli2srv', 'srv2cli'] as const;

function perPeer(suffixes: readonly string[]): string[] {
  return PEERS.flatMap((p) => suffixes.map((s) => `${p}.${s}`));
}

function perDirection(suffixes: readonly string[]): string[] {
  return DIRECTIONS.flatMap((d) => suffixes.map((s) => `${d}.${s}`));
}

export const INFO_KEYS_2019: readonly string[] = [
  'cli.ip', 'srv.ip', 'cli.port', 'srv.port', 'cli.localhost', 'srv.localhost', 'duration',
  'proto.l4', 'proto.ndpi', 'proto.ndpi_app', 'proto.ndpi_cat',
  'cli2srv.bytes', 'srv2cli.bytes', 'cli2srv.packets', 'srv2cli.packets',
];
export const INFO_KEYS_4X: readonly string[] = [...INFO_KEYS_2019, 'info'];

const TRAFFIC_SUFFIXES = [
  'bytes', 'goodput_bytes', 'packets', 'last', 'pkt_len.min', 'pkt_len.max', 'pkt_len.avg', 'pkt_len.stddev', 'fragments',
];

export const PROTOCOLS_KEYS: readonly string[] = [
  'proto.l4_id', 'proto.l4', 'proto.ndpi', 'proto.ndpi_id', 'proto.master_ndpi_id', 'proto.ndpi_breed',
  'proto.ndpi_cat_id', 'proto.ndpi_cat',
];

export const HTTP_KEYS: readonly string[] = [
  'protos.http.last_method', 'protos.http.last_return_code', 'protos.http.last_url', 'protos.http.server_name',
];
export const DNS_KEYS: readonly string[] = [
  'protos.dns.last_query_type', 'protos.dns.last_return_code', 'protos.dns.last_query', 'protos.dns.invalid_chars_in_query',
];
export const SSH_KEYS: readonly string[] = [
  'protos.ssh.client_signature', 'protos.ssh.server_signature', 'protos.ssh.hassh.client_hash', 'protos.ssh.hassh.server_hash',
];
const JA3_KEYS = [
  'protos.tls.ja3.client_hash', 'protos.tls.ja3.client_malicious', 'protos.tls.ja3.server_hash',
  'protos.tls.ja3.server_unsafe_cipher', 'protos.tls.ja3.server_cipher', 'protos.tls.ja3.server_malicious',
];
export const TLS_KEYS_2019: readonly string[] = [
  'protos.tls.subject_alt_name_match', 'protos.tls_version', 'protos.tls.certificate', 'protos.tls.server_certificate',
  ...JA3_KEYS,
];
export const TLS_KEYS_4X: readonly string[] = [
  'protos.tls_version', 'protos.tls.server_names', 'protos.tls.client_alpn', 'protos.tls.client_tls_supported_versions',
  'protos.tls.client_requested_server_name', ...JA3_KEYS,
];

export const FULL_INFO_KEYS: readonly string[] = [
  'cli.ip', 'srv.ip', 'cli.key', 'srv.key', 'cli.vlan', 'srv.vlan', 'cli.broadmulticast', 'srv.broadmulticast',
  'cli.port', 'srv.port', 'cli.allowed_host', 'srv.allowed_host',
  ...perPeer(['host', 'source_id', 'mac', 'localhost', 'systemhost', 'blacklisted', 'network_id', 'pool_id', 'asn', 'country', 'os']),
  'cli.private', 'srv.private',
  'bytes', 'goodput_bytes', 'bytes.last', 'goodput_bytes.last', 'packets', 'packets.sent', 'packets.rcvd', 'packets.last',
  'vrfId', 'vlan',
  ...PROTOCOLS_KEYS, 'profile',
  'seen.first', 'seen.last', 'duration',
  ...perDirection(TRAFFIC_SUFFIXES),
  'score', 'icmp', 'cli.devtype', 'srv.devtype',
  'tcp.seq_problems', 'tcp.nw_latency.client', 'tcp.nw_latency.server', 'tcp.appl_latency',
  'tcp.max_thpt.cli2srv', 'tcp.max_thpt.srv2cli',
  ...perDirection(['retransmissions', 'out_of_order', 'lost', 'keep_alive', 'tcp_flags']),
  'tcp_established', 'tcp_connecting', 'tcp_closed', 'tcp_reset',
  'host_server_name', 'bittorrent_hash', 'info',
  ...HTTP_KEYS, ...DNS_KEYS, ...SSH_KEYS, ...TLS_KEYS_2019,
  'moreinfo.json',
  'top_throughput_bps', 'throughput_bps', 'throughput_trend_bps', 'top_throughput_pps', 'throughput_pps', 'throughput_trend_pps',
  'throughput_cli2srv_bps', 'throughput_srv2cli_bps', 'throughput_cli2srv_pps', 'throughput_srv2cli_pps',
  'interarrival.cli2srv', 'interarrival.srv2cli',
  'status_info', 'flow.idle', 'flow.status', 'status_map', 'flow.alerted', 'alerted_status',
  'ntopng.key', 'hash_entry_id',
];

export const UNICAST_INFO_KEYS: readonly string[] = ['cli.broadmulticast', 'srv.broadmulticast'];
export const BLACKLISTED_INFO_KEYS: readonly string[] = ['blacklisted.cli', 'blacklisted.srv', 'blacklisted.cat'];
export const DEVICE_PROTO_ALLOWED_KEYS: readonly string[] = [
  'cli.devtype', 'srv.devtype', 'cli.allowed', 'srv.allowed', 'cli.disallowed_proto', 'srv.disallowed_proto',
];
export const MUD_INFO_KEYS_2019: readonly string[] = [
  'host_server_name', 'protos.dns.last_query', 'is_local', 'cli.mud_recording', 'srv.mud_recording',
  'cli.serialize_by_mac', 'srv.serialize_by_mac', 'cli.mac', 'srv.mac',
];
export const MUD_INFO_KEYS_42: readonly string[] = [...MUD_INFO_KEYS_2019, 'cli.devtype', 'srv.devtype'];
export const TCP_STATS_KEYS: readonly string[] = perDirection(['retransmissions', 'out_of_order', 'lost']);
export const ICMP_INFO_KEYS: readonly string[] = ['type', 'code', 'max_payload_size'];
export const ICMP_STATUS_INFO_KEYS: readonly string[] = ['type', 'code'];
/** Each IAT table holds one nested table `{min, max, avg, stddev}`. */
export const IAT_CLI2SRV_KEYS: readonly string[] = ['interarrival.cli2srv'];
export const IAT_SRV2CLI_KEYS: readonly string[] = ['interarrival.srv2cli'];
export const SCORE_INFO_KEYS_2019: readonly string[] = ['status_map', 'score', 'cli.score', 'srv.score', 'status_info'];
export const SCORE_INFO_KEYS_4X: readonly string[] = ['status_map', 'score', 'status_info'];
export const MATCH_PACKET_KEYS: readonly string[] = ['payload_len', 'payload'];

// Table getters of the 2019.11 profile only.
export const BYTES_TABLE_KEYS: readonly string[] = ['bytes', 'goodput_bytes', 'bytes.last', 'goodput_bytes.last'];
export const PACKETS_TABLE_KEYS: readonly string[] = ['packets', 'packets.sent', 'packets.rcvd', 'packets.last'];
export const TIME_KEYS: readonly string[] = ['seen.first', 'seen.last', 'duration'];
export const CLI2SRV_TRAFFIC_KEYS: readonly string[] = TRAFFIC_SUFFIXES.map((s) => `cli2srv.${s}`);
export const SRV2CLI_TRAFFIC_KEYS: readonly string[] = TRAFFIC_SUFFIXES.map((s) => `srv2cli.${s}`);
export const CLIENT_GEO_KEYS: readonly string[] = ['cli.latitude', 'cli.longitude', 'cli.country', 'cli.city'];
export const SERVER_GEO_KEYS: readonly string[] = ['srv.latitude', 'srv.longitude', 'srv.country', 'srv.city'];
export const TCP_PACKET_ISSUES_KEYS: readonly string[] = ['has_slow_data_exchange', 'is_connection_refused', 'has_low_goodput'];
export const DURATION_INFO_KEYS: readonly string[] = ['first_seen', 'last_seen', 'twh_over'];
export const BREED_INFO_KEYS: readonly string[] = ['proto.ndpi_breed'];

// Retired getters (before the 2019.11 profile).
export const CLIENT_IP_KEYS: readonly string[] = ['cli.ip', 'cli.key', 'cli.vlan', 'cli.broadmulticast'];
export const SERVER_IP_KEYS: readonly string[] = ['srv.ip', 'srv.key', 'srv.vlan', 'srv.broadmulticast'];
const HOST_INFO_SUFFIXES = [
  'host', 'source_id', 'mac', 'localhost', 'systemhost', 'blacklisted', 'network_id', 'pool_id', 'asn', 'country', 'os', 'private',
];
export const CLIENT_INFO_KEYS: readonly string[] = HOST_INFO_SUFFIXES.map((s) => `cli.${s}`);
export const SERVER_INFO_KEYS: readonly string[] = HOST_INFO_SUFFIXES.map((s) => `srv.${s}`);
export const TCP_INFO_KEYS: readonly string[] = [
  'tcp.seq_problems', 'tcp.nw_latency.client', 'tcp.nw_latency.server', 'tcp.appl_latency',
  'tcp.max_thpt.cli2srv', 'tcp.max_thpt.srv2cli',
  ...perDirection(['retransmissions', 'out_of_order', 'lost', 'keep_alive', 'tcp_flags']),
  'tcp_established', 'tcp_connecting', 'tcp_closed', 'tcp_reset',
];
