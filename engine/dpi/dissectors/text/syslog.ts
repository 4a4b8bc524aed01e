/**
 * Syslog as nDPI 4.2 finds it, on UDP or TCP and any port: the first payload is over 20
 * bytes, starts with "<", up to three digits and ">" (RFC 3164 / 5424's priority), and
 * everything after it (one space after ">" skipped) is printable ASCII or white space.
 * Neither a timestamp nor a host name is required, and there is no upper size. Any other
 * first payload rules it out. Checked against ndpiReader 4.2
 * (test/integration/dissectors-vs-ndpi.test.ts).
 */
import type { Dissector, DissectorContext, Verdict } from '../../dissector';
import { defaultPortsOf } from '../../../../api/ndpi';

const MIN_BYTES = 21;
const MAX_PRIORITY_DIGITS = 3;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Printable ASCII, or a tab, line feed, vertical tab, form feed, carriage return. */
function isTextByte(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0x09 && c <= 0x0d);
}

/** True when the payload is a syslog message as nDPI 4.2 checks it. */
export function isSyslogMessage(p: Uint8Array): boolean {
  if (p.length < MIN_BYTES || p[0] !== 0x3c /* < */) return false;
  let i = 1;
  while (i <= MAX_PRIORITY_DIGITS && isDigit(p[i]!)) i++;
  if (p[i] !== 0x3e /* > */) return false;
  i++;
  if (p[i] === 0x20) i++;
  for (; i < p.length; i++) if (!isTextByte(p[i]!)) return false;
  return true;
}

export const SYSLOG: Dissector = {
  protocol: 'Syslog',
  transports: ['udp', 'tcp'],
  ports: defaultPortsOf('Syslog'),
  inspect(ctx: DissectorContext): Verdict {
    return isSyslogMessage(ctx.payload) ? {} : 'no';
  },
};
