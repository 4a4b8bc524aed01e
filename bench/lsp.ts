/**
 * Language-server latency on a generated 2,000-line flow script, through the real stdio
 * transport with the same client the tests use: completion after `flow.` and a full round of
 * diagnostics after an edit (didChange → publishDiagnostics). Prints medians; asserts nothing.
 *
 *   FLOWSCRIPT_BENCH=lsp npm run bench      (only this part)
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { LspClient } from '../test/server/support/lsp-client';
import { generateFlowScript } from './lsp-script';
import { median } from './measure';

const ROUNDS = Number(process.env.FLOWSCRIPT_BENCH_LSP_ROUNDS ?? 40);

export async function runLspBench(): Promise<void> {
  const text = generateFlowScript(2000);
  const lines = text.split('\n').length;
  const uri = pathToFileURL(resolve(__dirname, '..', 'samples', 'bench_generated.lua')).href;
  const client = await LspClient.start();
  try {
    const first = await client.open(uri, text);
    if (first.length > 0) throw new Error(`the generated script should be clean, got: ${first.map((d) => d.message).join('; ')}`);
    const hookLine = text.split('\n').indexOf('function script.hooks.protocolDetected(now)') + 1;
    const target = { line: hookLine, character: 0 };
    const completion: number[] = [];
    const diagnostics: number[] = [];
    let version = 1;
    for (let round = 0; round < ROUNDS; round++) {
      // Type `flow.` on a new line of the hook (the file no longer parses), then ask for completion.
      version++;
      await client.sendChange(uri, version, '   local x = flow.\n', { start: target, end: target });
      let t = performance.now();
      const items = await client.completion(uri, { line: hookLine, character: '   local x = flow.'.length }, '.');
      completion.push(performance.now() - t);
      if (!items.some((i) => i.label === 'getInfo')) throw new Error('completion lost flow.getInfo');
      await client.diagnosticsFor(uri, version);
      // Finish the line (the file parses again) and time the full diagnostics of that version.
      version++;
      t = performance.now();
      await client.sendChange(uri, version, `getInfo()["duration"] print(x, ${round})`, {
        start: { line: hookLine, character: '   local x = flow.'.length }, end: { line: hookLine, character: '   local x = flow.'.length },
      });
      const ds = await client.diagnosticsFor(uri, version);
      diagnostics.push(performance.now() - t);
      if (ds.length > 0) throw new Error(`unexpected diagnostics: ${ds.map((d) => d.message).join('; ')}`);
      // Remove the line again.
      version++;
      await client.sendChange(uri, version, '', { start: target, end: { line: hookLine + 1, character: 0 } });
      await client.diagnosticsFor(uri, version);
    }
    const c = median(completion);
    const d = median(diagnostics);
    console.log(`language server, ${lines}-line flow script over stdio, ${ROUNDS} rounds:`);
    console.log(`  completion after "flow." (broken line)   median ${c.toFixed(1)} ms (best ${Math.min(...completion).toFixed(1)}) — target < 20 ms: ${c < 20 ? 'met' : 'NOT MET'}`);
    console.log(`  full diagnostics after an edit           median ${d.toFixed(1)} ms (best ${Math.min(...diagnostics).toFixed(1)}) — target < 50 ms: ${d < 50 ? 'met' : 'NOT MET'}`);
  } finally {
    await client.stop();
  }
}

if (require.main === module) void runLspBench();
