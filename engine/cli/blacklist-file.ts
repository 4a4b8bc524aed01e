/**
 * `--blacklist FILE`: the addresses and networks ntopng's blacklists would hold, one per line
 * (`1.2.3.4`, `10.0.0.0/8`, `2001:db8::/32`; `#` starts a comment). flow.isBlacklisted() and
 * flow.getBlacklistedInfo() answer from it.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { UserError } from './user-error';

export function readBlacklist(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`${path}: cannot read the blacklist file`);
  }
  const out: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const [address, bits, extra] = line.split('/');
    const family = isIP(address!);
    const max = family === 6 ? 128 : 32;
    const prefix = bits === undefined ? max : Number(bits);
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max || (bits !== undefined && !/^\d+$/.test(bits))) {
      throw new UserError(`${path}:${i + 1}: "${line}" is not an address or a network (1.2.3.4, 10.0.0.0/8, 2001:db8::/32)`);
    }
    out.push(`${address}/${prefix}`);
  });
  return out;
}
