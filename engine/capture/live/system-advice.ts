/**
 * How to fix a refused or impossible capture on *this* system: who we run as, which
 * capabilities and group the tool has, which package manager installs it. Only reads
 * (files, getcap); never runs anything as another user and never asks for a password.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { CaptureToolKind } from './tool';

/** CAP_NET_RAW is capability 13 (linux/capability.h). */
const CAP_NET_RAW_BIT = 13n;

export interface AdviceContext {
  tool: CaptureToolKind;
  /** The executable (as found or configured). */
  toolPath: string;
  interface: string;
  /** What the tool said. */
  toolText: string;
}

/** The message for a capture the tool was not allowed to make, with the command that allows it. */
export function permissionAdvice(ctx: AdviceContext): string {
  const user = currentUser();
  const target = realPath(ctx.toolPath);
  const said = `(${ctx.tool} said: "${ctx.toolText}")`;
  if (process.getuid?.() === 0) {
    const raw = hasEffectiveNetRaw();
    return `${ctx.tool} may not capture on ${ctx.interface} although flowscript runs as root ${said}.\n` +
      (raw === false
        ? 'This process lacks the CAP_NET_RAW capability, as in a container started without it. ' +
          'Start the container with the NET_RAW and NET_ADMIN capabilities (docker run --cap-add=NET_RAW --cap-add=NET_ADMIN ...).'
        : 'A security policy (AppArmor, SELinux, a seccomp filter) may block it; check the system log for a denial.');
  }
  const caps = toolCapabilities(target);
  const head = `${ctx.tool} may not capture on ${ctx.interface}: user ${user} is not root`;
  if (ctx.tool === 'tcpdump') {
    if (caps && /cap_net_raw/.test(caps)) {
      return `${head}, and ${target} already has capabilities (${caps}) but the capture was still refused ${said}.\n` +
        'Check that the file system holding it is not mounted nosuid and that no security policy (AppArmor, SELinux) blocks it.';
    }
    return `${head} and ${target} has no capture capabilities ${said}.\n` +
      `Allow it once, as an administrator:\n  sudo setcap cap_net_raw,cap_net_admin=eip ${target}\n` +
      'or run flowscript as root.';
  }
  // dumpcap: Debian and others let the members of one group (wireshark) run it with capabilities.
  const group = restrictedGroup(target);
  if (group && caps && /cap_net_raw/.test(caps)) {
    const member = groupMembers(group).includes(user);
    if (member) {
      return `${head}; ${user} is in the ${group} group that may run ${target}, but not in this session ${said}.\n` +
        `Log out and back in (or run: newgrp ${group}) so that the membership takes effect.`;
    }
    return `${head} and not in the ${group} group that may run ${target} ${said}.\n` +
      `Add the user to it once, as an administrator, then log out and back in:\n  sudo usermod -aG ${group} ${user}`;
  }
  if (existsSync('/usr/sbin/dpkg-reconfigure') && existsSync('/var/lib/dpkg/info/wireshark-common.list')) {
    return `${head} and ${target} is not set up for non-root capture ${said}.\n` +
      'Set it up once, as an administrator (answer "Yes" to let non-superusers capture), then log out and back in:\n' +
      `  sudo dpkg-reconfigure wireshark-common\n  sudo usermod -aG wireshark ${user}`;
  }
  return `${head} and ${target} has no capture capabilities ${said}.\n` +
    `Allow it once, as an administrator:\n  sudo setcap cap_net_raw,cap_net_admin=eip ${target}`;
}

/** The message for a tool that is not installed (or not where the settings point). */
export function missingToolAdvice(tool: CaptureToolKind, configuredPath: string | undefined): string {
  if (configuredPath) {
    return `${configuredPath}: no such executable. Point the capture tool path (--capture-tool-path) at ${tool}, or leave it empty to find ${tool} on PATH.`;
  }
  const install = installCommand(tool);
  return `${tool} is not installed (looked on PATH and in /usr/sbin, /sbin, /usr/local/sbin). ` +
    (install ? `Install it:\n  ${install}` : `Install ${tool}, or give its path with --capture-tool-path.`);
}

function installCommand(tool: CaptureToolKind): string | undefined {
  const managers: Array<[string, string, string]> = [
    ['/usr/bin/apt-get', 'sudo apt-get install tcpdump', 'sudo apt-get install wireshark-common'],
    ['/usr/bin/dnf', 'sudo dnf install tcpdump', 'sudo dnf install wireshark-cli'],
    ['/usr/bin/yum', 'sudo yum install tcpdump', 'sudo yum install wireshark'],
    ['/usr/bin/pacman', 'sudo pacman -S tcpdump', 'sudo pacman -S wireshark-cli'],
    ['/sbin/apk', 'sudo apk add tcpdump', 'sudo apk add tshark'],
    ['/usr/bin/zypper', 'sudo zypper install tcpdump', 'sudo zypper install wireshark'],
  ];
  for (const [path, tcpdump, dumpcap] of managers) if (existsSync(path)) return tool === 'tcpdump' ? tcpdump : dumpcap;
  return undefined;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? 'this user');
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** getcap's answer ("cap_net_admin,cap_net_raw=eip"), '' for none, undefined when getcap is missing. */
function toolCapabilities(path: string): string | undefined {
  for (const getcap of ['/usr/sbin/getcap', '/sbin/getcap', '/usr/bin/getcap']) {
    if (!existsSync(getcap)) continue;
    try {
      const out = execFileSync(getcap, [path], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] });
      return out.replace(path, '').trim();
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The group that alone may execute `path` (mode rwxr-x---), if any. */
function restrictedGroup(path: string): string | undefined {
  try {
    const st = statSync(path);
    if ((st.mode & 0o010) === 0 || (st.mode & 0o001) !== 0) return undefined;
    return groupName(st.gid);
  } catch {
    return undefined;
  }
}

function groupEntries(): string[][] {
  try {
    return readFileSync('/etc/group', 'utf8').split('\n').map((l) => l.split(':'));
  } catch {
    return [];
  }
}

function groupName(gid: number): string | undefined {
  return groupEntries().find((e) => Number(e[2]) === gid)?.[0];
}

function groupMembers(group: string): string[] {
  return (groupEntries().find((e) => e[0] === group)?.[3] ?? '').split(',').filter(Boolean);
}

/** Whether this process holds CAP_NET_RAW (undefined when /proc says nothing). */
function hasEffectiveNetRaw(): boolean | undefined {
  try {
    const m = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? ((BigInt(`0x${m[1]}`) >> CAP_NET_RAW_BIT) & 1n) === 1n : undefined;
  } catch {
    return undefined;
  }
}
