/**
 * A network namespace of the benchmark's own with a veth pair inside (`fsb0` ↔ `fsb1`, no
 * addresses, no routes, IPv6 off): packets replayed into one end arrive on the other and go
 * nowhere else. Needs root and iproute2.
 */
import { execFileSync } from 'node:child_process';

export class BenchNamespace {
  readonly name = `fsbench${process.pid}`;
  readonly sendIf = 'fsb0';
  readonly captureIf = 'fsb1';

  create(): void {
    const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    ip('netns', 'add', this.name);
    try {
      execFileSync('ip', ['netns', 'exec', this.name, 'sysctl', '-q', '-w', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
      ip('-n', this.name, 'link', 'add', this.sendIf, 'type', 'veth', 'peer', 'name', this.captureIf);
      // Ethernet's MTU, as on a real interface. It matters: with --immediate-mode libpcap's ring
      // has fixed-size slots sized from the MTU, so a jumbo MTU leaves room for far fewer
      // packets in the same buffer. Frames of the capture larger than this fail to send and
      // are reported by tcpreplay (and counted in the bench's output).
      for (const dev of [this.sendIf, this.captureIf]) ip('-n', this.name, 'link', 'set', dev, 'up');
    } catch (error) {
      this.destroy();
      throw error;
    }
  }

  /** Arguments that run `command` inside the namespace. */
  exec(command: string, args: string[]): [string, string[]] {
    return ['ip', ['netns', 'exec', this.name, command, ...args]];
  }

  destroy(): void {
    try {
      execFileSync('ip', ['netns', 'del', this.name], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}
