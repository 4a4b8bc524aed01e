import type { Dissector } from '../../dissector';
import { BGP } from './bgp';
import { MODBUS } from './modbus';
import { MONGODB } from './mongodb';
import { MQTT } from './mqtt';
import { MYSQL } from './mysql';
import { OPENVPN } from './openvpn';
import { POSTGRES } from './postgres';
import { RADIUS } from './radius';
import { SNMP } from './snmp';
import { STUN } from './stun';
import { TFTP } from './tftp';
import { WIREGUARD } from './wireguard';

/** The binary family of dissectors (framed binary messages), one module per protocol in this folder. */
export const BINARY_DISSECTORS: readonly Dissector[] = [
  MQTT, SNMP, STUN, MYSQL, MODBUS, WIREGUARD, TFTP, RADIUS,
  POSTGRES, MONGODB, BGP, OPENVPN,
];
