import type { DecodedPacket } from '../decode/decoded';
import type { Flow } from './flow';

/**
 * Remembers which flow the first fragment of each fragmented IP packet belonged to, so
 * that later fragments (which carry no ports) are counted on the same flow.
 * Bounded: fragments of a packet arrive close together, so old entries are dropped
 * once the map is full.
 */
export class FragmentMap {
  private readonly owners = new Map<string, { flow: Flow; fromClient: boolean }>();

  constructor(private readonly capacity = 65_536) {}

  remember(data: Uint8Array, d: DecodedPacket, flow: Flow, fromClient: boolean): void {
    if (this.owners.size >= this.capacity) {
      const oldest = this.owners.keys().next().value;
      if (oldest !== undefined) this.owners.delete(oldest);
    }
    this.owners.set(fragmentKey(data, d), { flow, fromClient });
  }

  find(data: Uint8Array, d: DecodedPacket): { flow: Flow; fromClient: boolean } | undefined {
    const key = fragmentKey(data, d);
    const owner = this.owners.get(key);
    // The last fragment closes the datagram.
    if (owner && !d.moreFragments) this.owners.delete(key);
    return owner;
  }

  clear(): void {
    this.owners.clear();
  }
}

function fragmentKey(data: Uint8Array, d: DecodedPacket): string {
  const length = d.ipVersion === 4 ? 4 : 16;
  let key = `${d.vlan}|${d.l4Proto}|${d.fragmentId}|`;
  for (let i = 0; i < length; i++) key += String.fromCharCode(data[d.srcAddrOffset + i]);
  key += '|';
  for (let i = 0; i < length; i++) key += String.fromCharCode(data[d.dstAddrOffset + i]);
  return key;
}
