/**
 * Names that existed upstream outside the three profiles (before the 2019.11 tree, or only in the
 * December 2019 tree between 2019.11 and 4.0). No profile has them; they are kept so that the
 * language server can name the replacement instead of saying "unknown function" (spec §1.2).
 */
import {
  CLIENT_INFO_KEYS, CLIENT_IP_KEYS, SERVER_INFO_KEYS, SERVER_IP_KEYS, TCP_INFO_KEYS, TLS_KEYS_2019,
} from '../keys';
import type { FlowFunction } from '../types';
import { param } from './define';

const NONE: readonly [] = [];

function retired(name: string, existedIn: string, doc: string, rest: Partial<FlowFunction> = {}): FlowFunction {
  return { name, group: 'retired', params: [], returns: { type: 'any' }, doc, profiles: NONE, existedIn, ...rest };
}

export const RETIRED_FUNCTIONS: readonly FlowFunction[] = [
  retired('isConnectionRefused', 'December 2019 tree only (after 2019.11, before 4.0)',
    'Whether a reset was seen before the handshake completed.',
    { returns: { type: 'boolean' }, successor: { name: 'isTCPConnectionRefused', profile: '4.0' } }),
  retired('shouldCheckTlsCertificate', 'December 2019 tree only (after 2019.11, before 4.0)',
    'Whether a TLS flow has both certificate names and they do not match.', { returns: { type: 'boolean' } }),
  retired('getSSLVersion', 'October 2019 (renamed before 2019.11)', 'Old name of getTLSVersion.',
    { returns: { type: 'integer' }, successor: { name: 'getTLSVersion', profile: '2019.11' } }),
  retired('getSSLInfo', 'October 2019 (renamed before 2019.11)', 'Old name of getTLSInfo.',
    { returns: { type: 'table', keys: TLS_KEYS_2019 }, successor: { name: 'getTLSInfo', profile: '2019.11' } }),
  retired('isTwhOver', '11 to 13 November 2019 (renamed)', 'Old name of isTwhOK.',
    { returns: { type: 'boolean' }, successor: { name: 'isTwhOK', profile: '2019.11' } }),
  retired('addStatus', '11 to 15 October 2019 (renamed)', 'Old name of setStatus.',
    { params: [param('status_id', 'integer', 'Status id.')], returns: { type: 'boolean' }, successor: { name: 'setStatus', profile: '2019.11' } }),
  retired('getClientIp', '9 to 15 October 2019', 'Client address, key, VLAN and broadcast flag.',
    { returns: { type: 'table', keys: CLIENT_IP_KEYS }, successor: { name: 'getInfo', profile: '2019.11' } }),
  retired('getServerIp', '9 to 15 October 2019', 'Server address, key, VLAN and broadcast flag.',
    { returns: { type: 'table', keys: SERVER_IP_KEYS }, successor: { name: 'getInfo', profile: '2019.11' } }),
  retired('getClientInfo', '9 to 15 October 2019', 'Client host details (MAC, ASN, country, OS...).',
    { returns: { type: 'table', keys: CLIENT_INFO_KEYS }, successor: { name: 'getFullInfo', profile: '2019.11' } }),
  retired('getServerInfo', '9 to 15 October 2019', 'Server host details (MAC, ASN, country, OS...).',
    { returns: { type: 'table', keys: SERVER_INFO_KEYS }, successor: { name: 'getFullInfo', profile: '2019.11' } }),
  retired('getTCPInfo', '9 to 15 October 2019', 'TCP latency, throughput, flags and loss counters.',
    { returns: { type: 'table', keys: TCP_INFO_KEYS }, successor: { name: 'getTCPStats', profile: '2019.11' } }),
  retired('getClientScore', 'early October 2019', 'Client host score.', { returns: { type: 'integer' } }),
  retired('getServerScore', 'early October 2019', 'Server host score.', { returns: { type: 'integer' } }),
  retired('getClientMUDPref', 'early October 2019', 'Client MUD recording preference.',
    { successor: { name: 'getMUDInfo', profile: '2019.11' } }),
  retired('serializeClientByMac', 'early October 2019', 'Whether the client is serialized by MAC address.',
    { successor: { name: 'getMUDInfo', profile: '2019.11' } }),
  retired('storeAlert', 'early October 2019', 'Stored a flow alert directly.',
    { successor: { name: 'triggerStatus', profile: '2019.11' } }),
  retired('methodNamesToIds', 'early October 2019', 'Internal method-table helper.'),
  retired('callMethodById', 'early October 2019', 'Internal method-table helper.'),
];
