/**
 * Modbus/TCP as nDPI 4.2 finds it: on TCP port 502 only (either side), the first payload
 * packet of at least 8 bytes whose MBAP length field (bytes 4-5, big-endian) equals the
 * bytes that follow it. nDPI 4.2 checks nothing else (not the protocol identifier, which
 * must be 0; later versions do, and name Schneider's UMAS function apart). Anything else
 * rules Modbus out; a flow on 502 then still gets Modbus as its port guess.
 * Checked against ndpiReader 4.2 (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { u16 } from '../text/util';

const MODBUS_PORT = 502;
/** The MBAP header (7 bytes) and a function code. */
const MIN_BYTES = 8;

/** True when the payload's MBAP length accounts for the rest of the payload. */
export function isModbusFrame(p: Uint8Array): boolean {
  return p.length >= MIN_BYTES && u16(p, 4) === p.length - 6;
}

export const MODBUS: Dissector = {
  protocol: 'Modbus',
  transports: ['tcp'],
  ports: [MODBUS_PORT],
  inspect(ctx: DissectorContext): Verdict {
    if (ctx.srcPort !== MODBUS_PORT && ctx.dstPort !== MODBUS_PORT) return 'no';
    return isModbusFrame(ctx.payload) ? {} : 'no';
  },
};
