/**
 * Text forms of IP addresses as ndpiReader and ntopng print them: dotted quad for IPv4;
 * for IPv6 lower case hex without leading zeros, the longest run of zero words
 * compressed to "::" (unlike RFC 5952, ntop's formatter compresses a single zero word
 * too: "face:b00c::2", as the nDPI ground truth shows), embedded IPv4 for ::ffff:a.b.c.d.
 */

export function formatIPv4(data: Uint8Array, offset: number): string {
  return `${data[offset]}.${data[offset + 1]}.${data[offset + 2]}.${data[offset + 3]}`;
}

export function formatIPv6(data: Uint8Array, offset: number): string {
  const words = new Array<number>(8);
  for (let i = 0; i < 8; i++) words[i] = (data[offset + 2 * i] << 8) | data[offset + 2 * i + 1];

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
      text += formatIPv4(data, offset + 12);
      break;
    }
    text += words[i].toString(16);
    if (i < 7) text += ':';
  }
  return text;
}

export function formatAddress(data: Uint8Array, offset: number, version: 4 | 6): string {
  return version === 4 ? formatIPv4(data, offset) : formatIPv6(data, offset);
}
