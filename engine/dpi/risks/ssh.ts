import type { L7State } from '../l7-state';
import { RISK } from './ids';

/**
 * SSH software older than the first release nDPI 4.2 considers current, by the banner
 * ("SSH-2.0-OpenSSH_5.3"): the name's version is compared number by number.
 */
const CURRENT: readonly { prefix: RegExp; version: readonly [number, number, number] }[] = [
  { prefix: /^SSH-[0-9.]+-OpenSSH_(\d+)\.(\d+)(?:\.(\d+))?/, version: [7, 0, 0] },
  { prefix: /^SSH-[0-9.]+-APACHE-SSHD-(\d+)\.(\d+)(?:\.(\d+))?/, version: [2, 5, 1] },
  { prefix: /^SSH-[0-9.]+-FileZilla_(\d+)\.(\d+)(?:\.(\d+))?/, version: [3, 40, 0] },
  { prefix: /^SSH-[0-9.]+-paramiko_(\d+)\.(\d+)(?:\.(\d+))?/, version: [2, 4, 0] },
  { prefix: /^SSH-[0-9.]+-dropbear_(\d+)\.(\d+)/, version: [2020, 0, 0] },
];

/** True when the banner names a known SSH implementation older than its current line. */
export function isObsoleteSshBanner(banner: string): boolean {
  for (const { prefix, version } of CURRENT) {
    const m = prefix.exec(banner);
    if (!m) continue;
    const found = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    for (let i = 0; i < 3; i++) {
      if (found[i]! !== version[i]) return found[i]! < version[i]!;
    }
    return false;
  }
  return false;
}

/** `asClient`: the banner came from the side nDPI calls the client (the first to send one). */
export function sshBannerRisks(state: L7State, banner: string, asClient: boolean): void {
  if (isObsoleteSshBanner(banner)) state.addRisk(asClient ? RISK.SSH_OBSOLETE_CLIENT : RISK.SSH_OBSOLETE_SERVER);
}
