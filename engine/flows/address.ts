/**
 * Text forms of IP addresses as ndpiReader and ntopng print them: dotted quad for IPv4;
 * for IPv6 lower case hex without leading zeros, the longest run of zero words
 * compressed to "::" (unlike RFC 5952, ntop's formatter compresses a single zero word
 * too: "face:b00c::2", as the nDPI ground truth shows), embedded IPv4 for ::ffff:a.b.c.d.
 *
 * Addresses come as 32-bit words (how the flow key stores them), most significant first.
 */

export function formatIPv4Word(w: number): string {
  return `${w >>> 24}.${(w >>> 16) & 0xff}.${(w >>> 8) & 0xff}.${w & 0xff}`;
}

export function formatIPv6Words(w0: number, w1: number, w2: number, w3: number): string {
  const words = [w0 >>> 16, w0 & 0xffff, w1 >>> 16, w1 & 0xffff, w2 >>> 16, w2 & 0xffff, w3 >>> 16, w3 & 0xffff];

  // Longest run of zero words; the first one wins on ties.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }

  const embeddedIPv4 = bestStart === 0 && (bestLength === 6 || (bestLength === 5 && words[5] === 0xffff));
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      text += i === 0 ? '::' : ':';
      i += bestLength - 1;
      continue;
    }
    if (embeddedIPv4 && i === 6) {
      text += formatIPv4Word(w3);
      break;
    }
    text += words[i].toString(16);
    if (i < 7) text += ':';
  }
  return text;
}

/** '192.0.2.1' → its 4 bytes. Throws on anything else. */
export function parseIPv4(text: string): number[] {
  const parts = text.split('.');
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (bytes.length !== 4 || bytes.some((b) => !(b >= 0 && b <= 255))) throw new Error(`not an IPv4 address: ${text}`);
  return bytes;
}

/** '2001:db8::1' → its 16 bytes (no embedded IPv4 form). Throws on anything else. */
export function parseIPv6(text: string): number[] {
  const halves = text.split('::');
  if (halves.length > 2) throw new Error(`not an IPv6 address: ${text}`);
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) throw new Error(`not an IPv6 address: ${text}`);
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) throw new Error(`not an IPv6 address: ${text}`);
  return all.flatMap((g) => {
    const word = parseInt(g, 16);
    return [word >> 8, word & 0xff];
  });
}
