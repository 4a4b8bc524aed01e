/** Time, counters and TCP health (spec §1.3, §1.4). */
import { ALL, FROM_40, ONLY_2019, ONLY_42 } from '../profiles';
import {
  BYTES_TABLE_KEYS, CLI2SRV_TRAFFIC_KEYS, DURATION_INFO_KEYS, IAT_CLI2SRV_KEYS, IAT_SRV2CLI_KEYS,
  PACKETS_TABLE_KEYS, SRV2CLI_TRAFFIC_KEYS, TCP_PACKET_ISSUES_KEYS, TCP_STATS_KEYS, TIME_KEYS,
} from '../keys';
import type { FlowFunction } from '../types';
import { getter, tableGetter } from './define';

export const TRAFFIC_FUNCTIONS: readonly FlowFunction[] = [
  getter('getFirstSeen', 'traffic', ALL, 'integer', 'Epoch second of the flow\'s first packet (packet time).'),
  getter('getLastSeen', 'traffic', ALL, 'integer', 'Epoch second of the flow\'s latest packet (packet time).'),
  getter('getDuration', 'traffic', ALL, 'integer', 'Seconds between the first and the latest packet.'),
  tableGetter('getTime', 'traffic', ONLY_2019, TIME_KEYS, 'First and last packet times and the duration, in one table.',
    { successor: { name: 'getFirstSeen', profile: '4.0' } }),
  tableGetter('getDurationInfo', 'traffic', ONLY_2019, DURATION_INFO_KEYS,
    'Start and end times plus whether the TCP handshake finished. Upstream fills `last_seen` with the first-seen time.',
    { notes: ['bug'], successor: { name: 'getDuration', profile: '4.0' } }),
  getter('isBidirectional', 'traffic', ALL, 'boolean', 'True when packets went both ways.', {
    variants: {
      '2019.11': {
        doc: 'Meant to say whether packets went both ways, but this version checks the client-to-server counter twice, so any flow with a client packet counts as bidirectional.',
        notes: ['bug'],
      },
    },
  }),
  getter('getPacketsSent', 'traffic', ALL, 'integer', 'Packets from client to server.'),
  getter('getPacketsRcvd', 'traffic', ALL, 'integer', 'Packets from server to client.'),
  tableGetter('getPackets', 'traffic', ALL, PACKETS_TABLE_KEYS,
    'Packet totals in a table: overall, per direction and since the last update.', {
      variants: {
        '4.0': { returns: { type: 'integer' }, doc: 'Total packets in both directions.' },
        '4.2': { returns: { type: 'integer' }, doc: 'Total packets in both directions.' },
      },
    }),
  getter('getBytesSent', 'traffic', ALL, 'integer', 'Bytes from client to server (frame length on the wire).'),
  getter('getBytesRcvd', 'traffic', ALL, 'integer', 'Bytes from server to client (frame length on the wire).'),
  tableGetter('getBytes', 'traffic', ALL, BYTES_TABLE_KEYS,
    'Byte totals in a table: wire bytes, payload (goodput) bytes, and both since the last update.', {
      variants: {
        '4.0': { returns: { type: 'integer' }, doc: 'Total bytes in both directions (frame length on the wire).' },
        '4.2': { returns: { type: 'integer' }, doc: 'Total bytes in both directions (frame length on the wire).' },
      },
    }),
  getter('getGoodputBytes', 'traffic', FROM_40, 'integer', 'Payload bytes in both directions, headers excluded.'),
  tableGetter('getClient2ServerTraffic', 'traffic', ONLY_2019, CLI2SRV_TRAFFIC_KEYS,
    'Client-to-server counters: bytes, payload bytes, packets, packet-size statistics and fragments.',
    { successor: { name: 'getBytesSent', profile: '4.0' } }),
  tableGetter('getServer2ClientTraffic', 'traffic', ONLY_2019, SRV2CLI_TRAFFIC_KEYS,
    'Server-to-client counters: bytes, payload bytes, packets, packet-size statistics and fragments.',
    { successor: { name: 'getBytesRcvd', profile: '4.0' } }),
  tableGetter('getClient2ServerIAT', 'traffic', ALL, IAT_CLI2SRV_KEYS,
    'Packet inter-arrival times from client to server, as one nested table {min, max, avg, stddev}; empty without statistics.'),
  tableGetter('getServer2ClientIAT', 'traffic', ALL, IAT_SRV2CLI_KEYS,
    'Packet inter-arrival times from server to client, as one nested table {min, max, avg, stddev}; empty without statistics.'),
  getter('isTwhOK', 'tcp', ALL, 'boolean', 'True once the TCP three-way handshake has completed; always false for other protocols.'),
  getter('getClientTCPIssues', 'tcp', ALL, 'integer', 'Retransmitted, out-of-order and lost packets from client to server, added up.'),
  getter('getServerTCPIssues', 'tcp', ALL, 'integer', 'Retransmitted, out-of-order and lost packets from server to client, added up.'),
  getter('getClientRetrPercentage', 'tcp', ONLY_42, 'number', 'Share of client-to-server packets that were retransmitted, in percent.'),
  getter('getServerRetrPercentage', 'tcp', ONLY_42, 'number', 'Share of server-to-client packets that were retransmitted, in percent.'),
  tableGetter('getTCPStats', 'tcp', ALL, TCP_STATS_KEYS, 'Retransmissions, out-of-order and lost packets for each direction.'),
  tableGetter('getTCPPacketIssues', 'tcp', ONLY_2019, TCP_PACKET_ISSUES_KEYS,
    'At most one detected TCP problem (slow data exchange, refused connection or low goodput), set to true.'),
  getter('isTCPConnectionRefused', 'tcp', FROM_40, 'boolean', 'True when the handshake did not complete and the server answered with a reset.'),
  getter('isTCPConnecting', 'tcp', FROM_40, 'boolean', 'True while the flow is still a bare connection attempt: only SYN from the client, nothing or only SYN+ACK back.'),
];
