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

  constructor(
    private readonly capacity = 16_384,
    private readonly lifetimeSeconds = 30,
  ) {}

  remember(data: Uint8Array, d: DecodedPacket, flow: Flow, fromClient: boolean, now: number): void {
    this.forgetOlderThan(now - this.lifetimeSeconds);
    if (this.owners.size >= this.capacity) this.forgetOldest();
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
  }

  /** Entries are in insertion order, which is packet-time order: drop from the front. */
  private forgetOlderThan(time: number): void {
    for (const [key, owner] of this.owners) {
      if (owner.time >= time) break;
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

function fragmentKey(data: Uint8Array, d: DecodedPacket): string {
  const length = d.ipVersion === 4 ? 4 : 16;
  let key = `${d.vlan}|${d.l4Proto}|${d.fragmentId}|`;
  for (let i = 0; i < length; i++) key += String.fromCharCode(data[d.srcAddrOffset + i]);
  key += '|';
  for (let i = 0; i < length; i++) key += String.fromCharCode(data[d.dstAddrOffset + i]);
  return key;
}
