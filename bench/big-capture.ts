import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * The benchmark capture (~564k packets, ~236 MB) built from the shared nDPI captures by
 * ../shared/pcaps/make-big.sh, kept outside the repository. FLOWSCRIPT_BIG_PCAP overrides
 * where it lives.
 */
export function ensureBigCapture(): string {
  const path = process.env.FLOWSCRIPT_BIG_PCAP ?? join(homedir(), '.cache', 'flowscript', 'BIG.pcap');
  if (existsSync(path)) return path;
  const script = resolve(__dirname, '..', '..', 'shared', 'pcaps', 'make-big.sh');
  if (!existsSync(script)) throw new Error(`cannot build the benchmark capture: ${script} not found`);
  mkdirSync(dirname(path), { recursive: true });
  console.log(`building ${path} with ${script} (needs wireshark-common and tcpreplay) ...`);
  const result = spawnSync('bash', [script, path], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0 || !existsSync(path)) {
    throw new Error('make-big.sh failed: install the tools with "apt-get install -y wireshark-common tcpreplay"');
  }
  return path;
}
