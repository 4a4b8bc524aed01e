import type { Dissector } from '../../dissector';
import { MODBUS } from './modbus';
import { MQTT } from './mqtt';
import { MYSQL } from './mysql';
import { SNMP } from './snmp';
import { STUN } from './stun';

/** The binary family of dissectors (framed binary messages), one module per protocol in this folder. */
export const BINARY_DISSECTORS: readonly Dissector[] = [MQTT, SNMP, STUN, MYSQL, MODBUS];
