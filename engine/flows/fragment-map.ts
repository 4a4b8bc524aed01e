import type { DecodedPacket } from '../decode/decoded';
import type { Flow } from './flow';

/**
 * Remembers which flow the first fragment of each fragmented IP packet belonged to, so
 * that later fragments (which carry no ports) are counted on the same flow.
 *
 * Entries are forgotten when the last fragment arrives, or 30 s of packet time after the
 * first one (fragments of one packet arrive close together; a capture cut by snaplen
 * often has first fragments whose followers never come), and the map is bounded, so it
 * never keeps ended flows alive for long.
 */
export class FragmentMap {
  private readonly owners = new Map<string, FragmentOwner>();
  /**
   * No entry is older than this (a lower bound: the time of the first entry when last
   * looked at), so most calls skip the expiry walk and its iterator.
   */
  private oldest = Infinity;

  constructor(
    private readonly capacity = 16_384,
    private readonly lifetimeSeconds = 30,
  ) {}

  remember(data: Uint8Array, d: DecodedPacket, flow: Flow, fromClient: boolean, now: number): void {
    this.forgetOlderThan(now - this.lifetimeSeconds);
    if (this.owners.size >= this.capacity) this.forgetOldest();
    if (this.owners.size === 0) this.oldest = now;
    this.owners.set(fragmentKey(data, d), { flow, fromClient, time: now });
  }

  find(data: Uint8Array, d: DecodedPacket): FragmentOwner | undefined {
    const key = fragmentKey(data, d);
    const owner = this.owners.get(key);
    // The last fragment closes the datagram.
    if (owner && !d.moreFragments) this.owners.delete(key);
    return owner;
  }

  clear(): void {
    this.owners.clear();
    this.oldest = Infinity;
  }

  /** Entries are in insertion order, which is packet-time order: drop from the front. */
  private forgetOlderThan(time: number): void {
    if (time <= this.oldest) return;
    this.oldest = Infinity;
    for (const [key, owner] of this.owners) {
      if (owner.time >= time) {
        this.oldest = owner.time;
        break;
      }
      this.owners.delete(key);
    }
  }

  private forgetOldest(): void {
    const oldest = this.owners.keys().next();
    if (!oldest.done) this.owners.delete(oldest.value);
  }
}

interface FragmentOwner {
  flow: Flow;
  fromClient: boolean;
  /** Interface time when the first fragment was seen. */
  time: number;
}

/**
 * The datagram's identity (VLAN, protocol, fragment id, both addresses) as a short
 * string of 16-bit code units, made in one call (a key built character by character
 * cost more than the rest of the fragment handling).
 */
function fragmentKey(data: Uint8Array, d: DecodedPacket): string {
  const s = d.srcAddrOffset;
  const t = d.dstAddrOffset;
  const id = d.fragmentId;
  const head = String.fromCharCode(d.vlan, d.l4Proto, id >>> 16, id & 0xffff);
  const pair = (at: number) => (data[at]! << 8) | data[at + 1]!;
  if (d.ipVersion === 4) return head + String.fromCharCode(pair(s), pair(s + 2), pair(t), pair(t + 2));
  let addresses = '';
  for (let i = 0; i < 16; i += 2) addresses += String.fromCharCode(pair(s + i), pair(t + i));
  return head + addresses;
}
