/**
 * MQTT as nDPI 4.2 finds it: one well-formed control packet on a TCP flow, on any port.
 * The fixed header's packet type and flags must agree (MQTT 3.1.1 §2.2), the remaining
 * length must account for the whole payload, and the packets with a fixed size must
 * have it. Checked against ndpiReader 4.2 on test/integration/dissectors-vs-ndpi.test.ts.
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { payloadPacketCount } from '../text/util';
import { defaultPortsOf } from '../../../../api/ndpi';

const CONNECT = 1, CONNACK = 2, PUBLISH = 3, PUBACK = 4, PUBREC = 5, PUBREL = 6, PUBCOMP = 7;
const SUBSCRIBE = 8, SUBACK = 9, UNSUBSCRIBE = 10, UNSUBACK = 11, PINGREQ = 12, PINGRESP = 13, DISCONNECT = 14;

/** Packet types whose fixed-header flags must be 0, and those whose flags must be 2. */
const FLAGS_ZERO = new Set([CONNECT, CONNACK, PUBACK, PUBREC, PUBCOMP, SUBACK, UNSUBACK, PINGREQ, PINGRESP, DISCONNECT]);
const FLAGS_TWO = new Set([PUBREL, SUBSCRIBE, UNSUBSCRIBE]);
/** Payload sizes of the packets that have one size only. */
const FIXED_SIZE: { [type: number]: number } = {
  [CONNACK]: 4, [PUBACK]: 4, [PUBREL]: 4, [PUBREC]: 4, [PUBCOMP]: 4, [UNSUBACK]: 4,
  [PINGREQ]: 2, [PINGRESP]: 2, [DISCONNECT]: 2,
};
/** Smallest payloads of the others (a topic, a packet identifier, a return code). */
const MIN_SIZE: { [type: number]: number } = { [SUBSCRIBE]: 8, [SUBACK]: 5, [UNSUBSCRIBE]: 7 };

/** Payload packets after which nDPI stops looking (its flow packet counter passes 10). */
const MAX_PACKETS = 10;

/**
 * The "remaining length" after the first byte: up to four bytes of 7 bits, low first.
 * Returns [value, bytes used], or undefined when the payload ends inside it.
 */
function remainingLength(p: Uint8Array): [number, number] | undefined {
  let value = 0;
  let multiplier = 1;
  for (let i = 0; i < 4; i++) {
    if (1 + i >= p.length) return undefined;
    const byte = p[1 + i]!;
    value += (byte & 0x7f) * multiplier;
    if ((byte & 0x80) === 0) return [value, i + 1];
    multiplier *= 128;
  }
  return [value, 4];
}

/** True when the payload is one MQTT control packet nDPI accepts. */
export function isMqttPacket(p: Uint8Array): boolean {
  if (p.length < 2) return false;
  const length = remainingLength(p);
  if (!length || p.length !== 1 + length[1] + length[0]) return false;
  const type = p[0]! >> 4;
  const flags = p[0]! & 0x0f;
  if (type === 0 || type === 15) return false;
  if (FLAGS_ZERO.has(type) && flags !== 0) return false;
  if (FLAGS_TWO.has(type) && flags !== 2) return false;
  const fixed = FIXED_SIZE[type];
  if (fixed !== undefined) return p.length === fixed;
  if (type === PUBLISH) {
    const qos = (flags & 0x06) >> 1;
    const dup = (flags & 0x08) >> 3;
    if (qos > 2) return false;
    if (qos === 0) return dup === 0 && p.length >= 5; // a topic at least
    return p.length >= 7; // a topic and a packet identifier
  }
  const min = MIN_SIZE[type];
  return min === undefined || p.length >= min; // CONNECT: any length
}

export const MQTT: Dissector = {
  protocol: 'MQTT',
  transports: ['tcp'],
  ports: defaultPortsOf('MQTT'),
  inspect(ctx: DissectorContext): Verdict {
    if (payloadPacketCount(ctx) > MAX_PACKETS) return 'no';
    return isMqttPacket(ctx.payload) ? {} : 'no';
  },
};
