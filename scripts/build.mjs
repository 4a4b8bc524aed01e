// One esbuild script for every bundle the project ships (vscode-eslint style).
// Each entry is a self-contained CommonJS file for Node 20 in dist/.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const entries = [
  { in: 'engine/cli.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  // the Lua sandbox's worker thread (engine/scripts/vm/sandbox-host.ts looks for it next to the bundle)
  { in: 'engine/scripts/vm/sandbox-worker.ts', out: 'dist/lua-worker.js' },
  // the worker of an isolated `flowscript run` (engine/scripts/runner/isolated.ts looks for it next to the bundle)
  { in: 'engine/scripts/runner/script-worker.ts', out: 'dist/script-worker.js' },
  // Parts loaded on first use, from their own bundles so that a command does not parse
  // them at start-up (see the __BUNDLED__ branches in engine/run.ts and engine/cli.ts).
  { in: 'engine/dpi/detector.ts', out: 'dist/dpi.js' },
  { in: 'engine/cli/run-command.ts', out: 'dist/run-command.js' },
  // The VS Code extension, the engine worker it starts for each run, and the hits panel's
  // script (a browser bundle; its CSS import becomes dist/webview/hits.css).
  { in: 'client/extension.ts', out: 'dist/extension.js' },
  { in: 'engine/worker/run-worker.ts', out: 'dist/run-worker.js' },
  { in: 'client/webview/main.ts', out: 'dist/webview/hits.js', platform: 'browser' },
  // The language server (any editor: --stdio; VS Code: --node-ipc), and `flowscript check`,
  // which shares its analysis; both load the tree-sitter WebAssembly files copied below.
  { in: 'server/main.ts', out: 'dist/server.js' },
  { in: 'engine/cli/check-command.ts', out: 'dist/check-command.js' },
];

// web-tree-sitter and the Lua grammar are WebAssembly files read at run time: the bundles look
// for them next to themselves (server/analysis/recovering-parser.ts).
const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm');
copyFileSync(join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-lua/package.json')), 'tree-sitter-lua.wasm'), 'dist/tree-sitter-lua.wasm');

const started = Date.now();
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        entryPoints: [e.in],
        outfile: e.out,
        bundle: true,
        platform: e.platform ?? 'node',
        target: e.platform === 'browser' ? 'es2022' : 'node20',
        format: e.platform === 'browser' ? 'iife' : 'cjs',
        sourcemap: true,
        external: ['vscode'],
        // __BUNDLED__ folds the source-mode branch of each lazily loaded part away.
        define: { __VERSION__: JSON.stringify(version), __BUNDLED__: 'true' },
        banner: e.banner ? { js: e.banner } : undefined,
        logLevel: 'warning',
      }),
    ),
);
if (process.env.FLOWSCRIPT_BUILD_QUIET !== '1') {
  console.error(`built ${entries.length} bundle(s) in ${Date.now() - started} ms`);
}
