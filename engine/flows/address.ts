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
