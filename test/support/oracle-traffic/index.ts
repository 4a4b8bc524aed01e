import type { TrafficSet } from './builder';
import { BINARY_TRAFFIC } from './binary';
import { DB_CHAT_TRAFFIC } from './db-chat';
import { NET_SERVICES_TRAFFIC } from './net-services';
import { TCP_SERVICES_TRAFFIC } from './tcp-services';
import { UDP_SERVICES_TRAFFIC } from './udp-services';

/** Every set of conversations checked against ndpiReader (one capture each). */
export const TRAFFIC_SETS: readonly TrafficSet[] = [
  BINARY_TRAFFIC, TCP_SERVICES_TRAFFIC, UDP_SERVICES_TRAFFIC, DB_CHAT_TRAFFIC, NET_SERVICES_TRAFFIC,
];
