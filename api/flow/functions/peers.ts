/** The two peers: locality, addresses, blacklists, geolocation, devices (spec §1.3, §1.4). */
import { ALL, FROM_40, ONLY_2019, ONLY_42 } from '../profiles';
import {
  BLACKLISTED_INFO_KEYS, CLIENT_GEO_KEYS, DEVICE_PROTO_ALLOWED_KEYS, MUD_INFO_KEYS_2019, MUD_INFO_KEYS_42,
  SERVER_GEO_KEYS, UNICAST_INFO_KEYS,
} from '../keys';
import type { FlowFunction } from '../types';
import { getter, tableGetter } from './define';

export const PEER_FUNCTIONS: readonly FlowFunction[] = [
  getter('isBlacklisted', 'peers', ALL, 'boolean',
    'True when the client or the server is on a blacklist, or the flow\'s category is Malware.'),
  tableGetter('getBlacklistedInfo', 'peers', ALL, BLACKLISTED_INFO_KEYS,
    'Which part of the flow is blacklisted: each key is present (and true) only when it applies.'),
  getter('isLocal', 'peers', ALL, 'boolean', 'True when both peers are local hosts.'),
  getter('isRemoteToRemote', 'peers', ALL, 'boolean', 'True when neither peer is local (false if a host is unknown).'),
  getter('isLocalToRemote', 'peers', ALL, 'boolean', 'True when the client is local and the server is not.'),
  getter('isRemoteToLocal', 'peers', ALL, 'boolean', 'True when the client is remote and the server is local.'),
  getter('isClientUnicast', 'peers', ALL, 'boolean', 'True when the client address is neither broadcast nor multicast.'),
  getter('isServerUnicast', 'peers', ALL, 'boolean', 'True when the server address is neither broadcast nor multicast.'),
  getter('isUnicast', 'peers', ALL, 'boolean', 'True when both addresses are unicast.'),
  tableGetter('getUnicastInfo', 'peers', ALL, UNICAST_INFO_KEYS,
    'Whether each address is broadcast or multicast (a key is present only if that address exists).'),
  getter('isClientNoIP', 'peers', ONLY_42, 'boolean', 'True when the client address is empty (0.0.0.0).'),
  getter('isServerNoIP', 'peers', ONLY_42, 'boolean', 'True when the server address is empty (0.0.0.0).'),
  getter('getClientKey', 'peers', ALL, 'string',
    'The client host key including its VLAN, such as "192.168.1.10@0" (empty if the host is unknown).'),
  getter('getServerKey', 'peers', ALL, 'string',
    'The server host key including its VLAN, such as "10.0.0.1@0" (empty if the host is unknown).'),
  tableGetter('getClientGeolocation', 'peers', ONLY_2019, CLIENT_GEO_KEYS,
    'Where the client is: latitude and longitude (floats), country code and city. No ASN or continent.',
    { successor: { name: 'getClientCountry', profile: '4.0' } }),
  tableGetter('getServerGeolocation', 'peers', ONLY_2019, SERVER_GEO_KEYS,
    'Where the server is: latitude and longitude (floats), country code and city. No ASN or continent.',
    { successor: { name: 'getServerCountry', profile: '4.0' } }),
  getter('getClientCountry', 'peers', FROM_40, { type: 'string', nullable: true },
    'Country code of the client, such as "US"; nil without geolocation data.'),
  getter('getServerCountry', 'peers', FROM_40, { type: 'string', nullable: true },
    'Country code of the server, such as "CN"; nil without geolocation data.'),
  tableGetter('getClientPort', 'peers', ONLY_2019, ['cli.port'], 'The client port, in a one-key table.',
    { successor: { name: 'getInfo', profile: '4.0' } }),
  tableGetter('getServerPort', 'peers', ONLY_2019, ['srv.port'], 'The server port, in a one-key table.',
    { successor: { name: 'getInfo', profile: '4.0' } }),
  getter('isDeviceProtocolNotAllowed', 'peers', FROM_40, 'boolean',
    'True when the device-protocol policy forbids this application for the client\'s or the server\'s device type.'),
  tableGetter('getDeviceProtoAllowedInfo', 'peers', ALL, DEVICE_PROTO_ALLOWED_KEYS,
    'Device types of both peers and whether each may use the flow\'s protocol (the forbidden protocol id is given only when not allowed). Empty if a host is unknown.'),
  tableGetter('getMUDInfo', 'peers', ALL, MUD_INFO_KEYS_2019,
    'What MUD (Manufacturer Usage Description) recording needs: server name, last DNS query, locality, MACs and recording mode of each peer. Empty if a host is unknown.', {
      variants: { '4.2': { returns: { type: 'table', keys: MUD_INFO_KEYS_42 } } },
    }),
];
