/** Application protocol, TLS, DNS/HTTP/SSH/ICMP details and nDPI risks (spec §1.3, §1.4, §7). */
import { ALL, FROM_40, ONLY_2019, ONLY_42 } from '../profiles';
import {
  BREED_INFO_KEYS, DNS_KEYS, HTTP_KEYS, ICMP_INFO_KEYS, MATCH_PACKET_KEYS, PROTOCOLS_KEYS, SSH_KEYS,
  TLS_KEYS_2019, TLS_KEYS_4X,
} from '../keys';
import type { FlowFunction } from '../types';
import { getter, param, tableGetter } from './define';
import { NDPI_MAX_RISK, riskById } from '../../ndpi';

/** The id range and an example, from nDPI's risk table (api/ndpi/risks.ts). */
const RISK_IDS = `1..${NDPI_MAX_RISK - 1} in nDPI 4.2, e.g. 8 for "${riskById(8)!.name}"`;

export const PROTOCOL_FUNCTIONS: readonly FlowFunction[] = [
  getter('getnDPICategoryName', 'protocol', ALL, 'string', 'Name of the flow\'s nDPI category, such as "Web" or "Mining".'),
  getter('getnDPIProtocolName', 'protocol', FROM_40, 'string', 'Detected protocol as "master.app", such as "TLS.Google", or just one name when there is no distinct app.'),
  getter('getnDPICategoryId', 'protocol', FROM_40, 'integer', 'Numeric nDPI category id.'),
  getter('getnDPIMasterProtoId', 'protocol', FROM_40, 'integer', 'Numeric nDPI id of the master (transport-level) protocol.'),
  getter('getnDPIAppProtoId', 'protocol', FROM_40, 'integer', 'Numeric nDPI id of the application protocol.'),
  tableGetter('getnDPIMatchPacket', 'protocol', ONLY_42, MATCH_PACKET_KEYS,
    'The payload of the packet on which nDPI matched the protocol, with its length (`payload` is nil when the length is 0).'),
  tableGetter('getProtocols', 'protocol', ONLY_2019, PROTOCOLS_KEYS,
    'L4 and nDPI protocol ids and names, breed and category, in one table.',
    { successor: { name: 'getnDPIProtocolName', profile: '4.0' } }),
  getter('matchesL7', 'protocol', ONLY_2019, 'boolean', 'True when the master or the app protocol id equals the given nDPI id.', {
    params: [param('proto_id', 'integer', 'nDPI protocol id.')],
  }),
  getter('getProtoBreed', 'protocol', FROM_40, 'string',
    'How nDPI rates the application: Safe, Acceptable, Fun, Unsafe, Dangerous or Unrated ("Potentially Dangerous" with 4.2\'s nDPI).'),
  tableGetter('getProtocolBreedInfo', 'protocol', ONLY_2019, BREED_INFO_KEYS, 'The application\'s nDPI breed, in a one-key table.',
    { successor: { name: 'getProtoBreed', profile: '4.0' } }),
  getter('getTLSVersion', 'tls', ALL, 'integer', 'Numeric TLS version of the flow, 0 when it is not TLS.'),
  tableGetter('getTLSInfo', 'tls', ALL, TLS_KEYS_2019,
    'TLS details: version, SNI and server certificate name, whether they match, JA3 hashes and cipher rating. Empty for non-TLS flows; most keys only when known.', {
      variants: {
        '4.0': { returns: { type: 'table', keys: TLS_KEYS_4X }, doc: 'TLS details: version, server names, ALPN, supported versions, requested server name, JA3 hashes and cipher rating. Empty for non-TLS flows.' },
        '4.2': { returns: { type: 'table', keys: TLS_KEYS_4X }, doc: 'TLS details: version, server names, ALPN, supported versions, requested server name, JA3 hashes and cipher rating. Empty for non-TLS flows.' },
      },
    }),
  getter('getServerCipherClass', 'tls', FROM_40, { type: 'string', nullable: true },
    'Rating of the cipher the TLS server chose: "safe", "weak" or "insecure"; nil when the flow is not TLS.'),
  getter('hasMaliciousTlsSignature', 'tls', FROM_40, 'boolean', 'True when the client\'s or the server\'s JA3 hash is known to be malicious.'),
  tableGetter('getSSHInfo', 'application', ALL, SSH_KEYS, 'SSH client and server banners and HASSH hashes, each when seen. Empty for non-SSH flows.'),
  tableGetter('getHTTPInfo', 'application', ALL, HTTP_KEYS,
    'Last HTTP method, return code and URL (once a URL was seen) and the server name. Empty for non-HTTP flows.'),
  tableGetter('getDNSInfo', 'application', ALL, DNS_KEYS,
    'Last DNS query, its type and return code (once a query was seen); the invalid-characters flag only when true. Empty for non-DNS flows.'),
  getter('dnsQueryHasInvalidChars', 'application', FROM_40, 'boolean', 'True for a DNS flow whose last query has characters not allowed in host names.'),
  getter('getDnsQuery', 'application', FROM_40, { type: 'string', nullable: true },
    'The last DNS query: "" when the flow is not DNS, nil while a DNS flow has no query yet.'),
  tableGetter('getICMPInfo', 'application', ONLY_2019, ICMP_INFO_KEYS,
    'ICMP type, code and largest payload seen. Empty for non-ICMP flows.', { successor: { name: 'getICMPType', profile: '4.0' } }),
  getter('getICMPType', 'application', FROM_40, 'integer', 'ICMP type of the flow, 0 when it is not ICMP.'),
  getter('getMaxSeenIcmpPayloadSize', 'application', FROM_40, 'integer', 'Largest ICMP payload seen on the flow, 0 when it is not ICMP.'),
  getter('getRiskInfo', 'protocol', ONLY_42, { type: 'table', doc: 'Keys are nDPI risk names as nDPI prints them, values their numeric ids.' },
    `The nDPI risks found on the flow, as a table from risk name to risk id (ids ${RISK_IDS}); empty when there is none.`),
  getter('hasRisk', 'protocol', ONLY_42, 'boolean', 'Without an argument: whether the flow has any nDPI risk; with one: whether that risk is set.', {
    params: [param('risk_id', 'integer', `nDPI risk id to test (${RISK_IDS}).`, true)],
  }),
  getter('setCustomInfo', 'protocol', ONLY_42, 'boolean', 'Attaches a free-form text to the flow.', {
    params: [param('info', 'string', 'Text to attach.')],
  }),
];
