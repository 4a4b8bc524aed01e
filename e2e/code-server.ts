/**
 * A throwaway code-server for one end-to-end run (recipe: ../shared/e2e-recipe.md): fresh
 * user-data, extensions and XDG folders under `runDir`, the .vsix installed before start,
 * loopback only, no extension gallery, and its own process group so that stopping it kills
 * the extension host and language servers too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

export function toolsDir(): string {
  return process.env.FLOWSCRIPT_E2E_TOOLS ?? join(homedir(), '.cache', 'flowscript', 'e2e');
}

export function codeServerBin(): string {
  const bin = join(toolsDir(), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${toolsDir()}: run scripts/install-test-tools.sh (npm test does) first`);
  }
  return bin;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Settings of a quiet, offline editor whose suggest list holds only the language server's items. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.wordBasedSuggestions': 'off',
  'workbench.tips.enabled': false,
  'chat.commandCenter.enabled': false,
};

export interface CodeServerOptions {
  /**
   * Workspace trust on, as in a default VS Code: the folder opens in Restricted Mode without a
   * startup prompt (a test then trusts it through the UI). Off by default: every folder trusted.
   */
  workspaceTrust?: boolean;
}

export interface CodeServer {
  url: string;
  logPath: string;
  stop(): Promise<void>;
}

export async function startCodeServer(runDir: string, vsix: string, workspace: string, options: CodeServerOptions = {}): Promise<CodeServer> {
  const bin = codeServerBin();
  // Not the test runner's variables: NODE_TEST_CONTEXT would turn every Node process
  // code-server starts (extension host, workers, servers) into a test-runner child.
  const { NODE_TEST_CONTEXT: _context, NODE_OPTIONS: _options, ...inherited } = process.env;
  const env = {
    ...inherited,
    XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
    XDG_DATA_HOME: join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{}',
  };
  const dirs = ['--user-data-dir', join(runDir, 'user-data'), '--extensions-dir', join(runDir, 'extensions')];
  mkdirSync(join(runDir, 'user-data', 'User'), { recursive: true });
  const trust = options.workspaceTrust
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
    : {};
  writeFileSync(join(runDir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...trust }, null, 2));
  const install = spawnSync(bin, [...dirs, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 60_000 });
  if (install.status !== 0) throw new Error(`code-server --install-extension failed:\n${install.stdout}\n${install.stderr}`);

  const port = await freePort();
  const logPath = join(runDir, 'code-server.log');
  const log = createWriteStream(logPath);
  // detached: a new session and process group (setsid), stopped as a whole below.
  const child: ChildProcess = spawn(bin, [
    ...dirs, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--ignore-last-opened', workspace,
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
    // The extension host and language servers are in the same group: make sure none is left.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Nothing left.
    }
  };
  // Ready when /healthz answers.
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); see ${logPath}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return { url, logPath, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`code-server did not answer on ${url} within 30 s; see ${logPath}`);
}
