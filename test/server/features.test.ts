/**
 * The built server's features through a real LSP client over stdio: completion (also while the
 * code is broken), hover, signature help, code actions applied and re-checked, symbols,
 * definition, settings, change handling and the other transports.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { applyEdit, LspClient, positionOf } from './support/lsp-client';

const workspace = resolve(__dirname, '..', 'fixtures', 'server', 'workspace', 'callbacks', 'interface', 'flow');
const uriIn = (name: string) => pathToFileURL(resolve(workspace, name)).href;
/** Outside every default glob: detection must come from the text itself. */
const scratch = (name: string) => pathToFileURL(resolve(__dirname, '..', 'fixtures', 'server', 'scratch', name)).href;
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

const SCRIPT = `local user_scripts = require("user_scripts")
local flow_consts = require("flow_consts")
local fc = require("flow_consts")

local script = {
   hooks = {},
}

function script.hooks.protocolDetected(now)
   local cli_geo = flow.getClientGeolocation()
   print(cli_geo["cli.country"], user_scripts, flow_consts, fc)
end

return script
`;

/** SCRIPT with `insert` typed at the start of the hook body (the result rarely parses). */
function typing(insert: string): { text: string; at: ReturnType<typeof positionOf> } {
  const marker = '   local cli_geo';
  const text = SCRIPT.replace(marker, `   ${insert}\n${marker}`);
  return { text, at: positionOf(text, `   ${insert}`) };
}

describe('completion, hover and signatures (profile 2019.11)', () => {
  let client: LspClient;
  let n = 0;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  async function completeAfter(insert: string, trigger?: string): Promise<CompletionItem[]> {
    const { text, at } = typing(insert);
    const uri = scratch(`c${n++}.lua`);
    await client.open(uri, text);
    const items = await client.completion(uri, at, trigger);
    await client.close(uri);
    return items;
  }

  test('the server declares the trigger characters the clients rely on', () => {
    const caps = client.initializeResult.capabilities;
    for (const c of ['.', ':', '"', '[']) assert.ok(caps.completionProvider?.triggerCharacters?.includes(c), c);
    assert.ok(caps.hoverProvider && caps.signatureHelpProvider && caps.codeActionProvider && caps.documentSymbolProvider && caps.definitionProvider);
  });

  test('flow. offers the profile\'s functions with signature and documentation, in broken code', async () => {
    const items = await completeAfter('local x = flow.', '.');
    assert.ok(labels(items).includes('getClientGeolocation'));
    assert.ok(!labels(items).includes('getClientCountry'), 'getClientCountry is 4.0+');
    const geo = items.find((i) => i.label === 'getClientGeolocation')!;
    assert.match(geo.detail!, /^flow\.getClientGeolocation\(\) -> table$/);
    assert.match((geo.documentation as MarkupContent).value, /cli\.country/);
    assert.ok(labels(await completeAfter('flow.getCl')).includes('getClientGeolocation'));
  });

  test('hook names after script.hooks. and function script.hooks. (with a snippet)', async () => {
    const decl = await completeAfter('function script.hooks.', '.');
    assert.deepEqual(labels(decl).sort(), ['all', 'flowEnd', 'periodicUpdate', 'protocolDetected', 'statusChanged']);
    assert.equal(decl.find((i) => i.label === 'flowEnd')!.insertText, 'flowEnd(now)\n\t$0\nend');
    const member = await completeAfter('script.hooks.', '.');
    assert.ok(labels(member).includes('periodicUpdate'));
    assert.equal(member[0].insertText, undefined);
  });

  test('keys of a hooks table, script-table fields and gui fields', async () => {
    const hooksText = SCRIPT.replace('hooks = {},', 'hooks = {\n      \n   },');
    const uri = scratch('tables.lua');
    await client.open(uri, hooksText);
    const inHooks = await client.completion(uri, positionOf(hooksText, 'hooks = {\n      '));
    assert.ok(labels(inHooks).includes('flowEnd'));
    assert.match(inHooks.find((i) => i.label === 'flowEnd')!.insertText!, /^flowEnd = function\(now\)/);
    const fieldsText = SCRIPT.replace('   hooks = {},', '   hooks = {},\n   \n   gui = {\n      \n   },');
    await client.change(uri, fieldsText);
    const fields = await client.completion(uri, positionOf(fieldsText, 'hooks = {},\n   '));
    assert.ok(['l4_proto', 'l7_proto', 'periodic_update_seconds', 'gui'].every((f) => labels(fields).includes(f)), labels(fields).join());
    assert.ok(!labels(fields).includes('prio'), 'prio is 4.2 only');
    const gui = await client.completion(uri, positionOf(fieldsText, 'gui = {\n      '));
    assert.ok(labels(gui).includes('i18n_title') && labels(gui).includes('input_builder'));
    await client.close(uri);
  });

  test('module members: user_scripts, flow_consts.status_types (also through an alias), alert_consts', async () => {
    assert.ok(labels(await completeAfter('user_scripts.', '.')).includes('flow_checkbox_input_builder'));
    const statuses = await completeAfter('flow.triggerStatus(flow_consts.status_types.', '.');
    assert.ok(labels(statuses).includes('status_blacklisted'));
    assert.ok(labels(await completeAfter('fc.status_types.', '.')).includes('status_web_mining_detected'));
    assert.ok(labels(await completeAfter('fc.status_types.status_blacklisted.', '.')).includes('status_id'));
    assert.deepEqual(labels(await completeAfter('alert_consts.alert_severities.', '.')), ['info', 'warning', 'error']);
  });

  test('l4_proto and l7_proto values (nDPI names) inside the string', async () => {
    const text = SCRIPT.replace('   hooks = {},', '   l4_proto = "",\n   l7_proto = "TL",\n   hooks = {},');
    const uri = scratch('protos.lua');
    await client.open(uri, text);
    const l4 = await client.completion(uri, positionOf(text, 'l4_proto = "'), '"');
    assert.deepEqual(labels(l4), ['tcp', 'udp', 'icmp', 'icmpv6', 'igmp']);
    const l7 = await client.completion(uri, positionOf(text, 'l7_proto = "TL'));
    const tls = l7.find((i) => i.label === 'TLS');
    assert.ok(tls, 'TLS offered');
    const edit = tls.textEdit as { range: { start: { character: number }; end: { character: number } } };
    assert.deepEqual([edit.range.start.character, edit.range.end.character], [15, 17]);
    await client.close(uri);
  });

  test('string keys of a getter\'s table: cli_geo[" and cli_geo[', async () => {
    const text = SCRIPT.replace('print(cli_geo["cli.country"]', 'print(cli_geo["');
    const uri = scratch('keys.lua');
    await client.open(uri, text);
    const items = await client.completion(uri, positionOf(text, 'print(cli_geo["'), '"');
    assert.deepEqual(labels(items), ['cli.latitude', 'cli.longitude', 'cli.country', 'cli.city']);
    const bracket = SCRIPT.replace('print(cli_geo["cli.country"]', 'print(cli_geo[');
    await client.change(uri, bracket);
    const quoted = await client.completion(uri, positionOf(bracket, 'print(cli_geo['), '[');
    assert.equal(quoted.find((i) => i.label === 'cli.city')!.textEdit!.newText, '"cli.city"');
    await client.close(uri);
  });

  test('nothing is offered inside comments or plain strings', async () => {
    assert.deepEqual(await completeAfter('-- flow.', '.'), []);
    assert.deepEqual(await completeAfter('print("flow.', '.'), []);
  });

  test('a new file gets the flow script snippet', async () => {
    const uri = pathToFileURL(resolve(workspace, 'new_script.lua')).href;
    await client.open(uri, 'fl');
    const items = await client.completion(uri, { line: 0, character: 2 });
    const snippet = items.find((i) => i.label === 'flowscript');
    assert.ok(snippet, labels(items).join());
    assert.match(snippet.insertText!, /return script/);
    await client.close(uri);
    // Anywhere, as long as the file is still empty; a file with other code gets nothing.
    const elsewhere = scratch('brand_new.lua');
    await client.open(elsewhere, 'fl');
    assert.ok(labels(await client.completion(elsewhere, { line: 0, character: 2 })).includes('flowscript'));
    await client.change(elsewhere, 'local M = {}\nfl');
    assert.deepEqual(await client.completion(elsewhere, { line: 1, character: 2 }), []);
    await client.close(elsewhere);
  });

  test('hover documents flow functions, hooks, fields and result keys', async () => {
    const uri = scratch('hover.lua');
    const text = SCRIPT.replace('   hooks = {},', '   l4_proto = "tcp",\n   hooks = {},');
    await client.open(uri, text);
    const fn = await client.hover(uri, positionOf(text, 'getClientGeo', 3));
    assert.match((fn!.contents as MarkupContent).value, /flow\.getClientGeolocation\(\) -> table/);
    assert.match((fn!.contents as MarkupContent).value, /Not in 4\.0: use flow\.getClientCountry\(\)/);
    const hook = await client.hover(uri, positionOf(text, 'protocolDetected', 2));
    assert.match((hook!.contents as MarkupContent).value, /application protocol is known/);
    const field = await client.hover(uri, positionOf(text, 'l4_proto', 2));
    assert.match((field!.contents as MarkupContent).value, /L4 protocol/);
    const key = await client.hover(uri, positionOf(text, '"cli.country"', 2));
    assert.match((key!.contents as MarkupContent).value, /string/);
    await client.close(uri);
  });

  test('hover on flow.hasRisk\'s argument names the nDPI risk', async () => {
    const uri = scratch('hover-risk.lua');
    const text = `local weak, odd = flow.hasRisk(8), flow.hasRisk(99)\n${SCRIPT}`;
    await client.open(uri, text);
    const weak = await client.hover(uri, positionOf(text, 'hasRisk(8)', 8));
    assert.match((weak!.contents as MarkupContent).value, /nDPI risk 8: \*\*Weak TLS Cipher\*\* \(`NDPI_TLS_WEAK_CIPHER`, severity High, score 100\)/);
    const odd = await client.hover(uri, positionOf(text, 'hasRisk(99)', 9));
    assert.match((odd!.contents as MarkupContent).value, /99 is not an nDPI 4\.2 risk id/);
    await client.close(uri);
  });

  test('signature help follows the argument being typed', async () => {
    const { text } = typing('flow.triggerStatus(1, ');
    const uri = scratch('sig.lua');
    await client.open(uri, text);
    const help = await client.signatureHelp(uri, positionOf(text, 'flow.triggerStatus(1, '));
    assert.ok(help);
    assert.equal(help.signatures[0].label, 'flow.triggerStatus(status_id: integer, status_info?: string|table|nil, custom_severity?: integer) -> nil');
    assert.equal(help.activeParameter, 1);
    const [s, e] = help.signatures[0].parameters![1].label as [number, number];
    assert.equal(help.signatures[0].label.slice(s, e), 'status_info?: string|table|nil');
    await client.close(uri);
  });

  test('symbols: the script and its hooks; definition: locals and required modules', async () => {
    const uri = uriIn('uses_helpers.lua');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(resolve(workspace, 'uses_helpers.lua'), 'utf8');
    assert.deepEqual(await client.open(uri, text), []);
    const symbols = await client.symbols(uri);
    assert.equal(symbols[0].name, 'script');
    assert.deepEqual(symbols[0].children!.map((c) => c.name), ['protocolDetected']);
    const local = await client.definition(uri, positionOf(text, 'geo["', 1));
    assert.deepEqual(local.map((l) => l.range.start), [positionOf(text, 'local geo', 6)]);
    const module = await client.definition(uri, positionOf(text, '"my_helpers"', 3));
    assert.equal(module[0].uri, uriIn('my_helpers.lua'));
    const viaLocal = await client.definition(uri, positionOf(text, 'local my_helpers', 8));
    assert.equal(viaLocal[0].uri, uriIn('my_helpers.lua'));
    await client.close(uri);
  });
});

describe('changes and code actions', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  /** Applies the code action titled `title` at `needle` and returns the new text's diagnostics. */
  async function fix(uri: string, text: string, needle: string, title: string): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const at = positionOf(text, needle, 1);
    const actions = await client.codeActions(uri, { start: at, end: at });
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `no "${title}" in ${actions.map((a) => a.title).join(' | ')}`);
    const next = applyEdit(text, action.edit, uri);
    return { text: next, diagnostics: await client.change(uri, next) };
  }

  test('did you mean, then silence, on a misspelt hook', async () => {
    const uri = scratch('fix-hook.lua');
    const text = SCRIPT.replace('script.hooks.protocolDetected', 'script.hooks.protocolDetectd');
    assert.deepEqual(codes(await client.open(uri, text)), ['unknown-hook']);
    const fixed = await fix(uri, text, 'protocolDetectd', 'Change to protocolDetected');
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.text, SCRIPT);
    await client.change(uri, text);
    const silenced = await fix(uri, text, 'protocolDetectd', 'Silence unknown-hook on this line');
    assert.deepEqual(silenced.diagnostics, []);
    assert.match(silenced.text, /-- flowscript-disable-next-line unknown-hook\nfunction script\.hooks\.protocolDetectd/);
    await client.close(uri);
  });

  test('a removed function is replaced by its successor (profile 4.0 from the first line)', async () => {
    const uri = scratch('fix-successor.lua');
    const text = `-- flowscript: profile=4.0\n${SCRIPT.replace('flow_consts, fc', 'flow_consts, fc, now')}`;
    assert.deepEqual(codes(await client.open(uri, text)), ['unavailable-in-profile']);
    const fixed = await fix(uri, text, 'getClientGeolocation', 'Replace with flow.getClientCountry()');
    assert.match(fixed.text, /flow\.getClientCountry\(\)/);
    // The country string has no "cli.country" key: the next check says so.
    assert.deepEqual(codes(fixed.diagnostics), []);
    await client.close(uri);
  });

  test('the missing return is added, and a hook skeleton fills empty hooks', async () => {
    const uri = scratch('fix-return.lua');
    const text = 'local script = {\n   hooks = {},\n}\n';
    assert.deepEqual(codes(await client.open(uri, text)), ['script-not-returned', 'empty-hooks']);
    const returned = await fix(uri, text, 'script', 'Add "return script"');
    assert.deepEqual(codes(returned.diagnostics), ['empty-hooks']);
    const hooked = await fix(uri, returned.text, 'hooks', 'Add a protocolDetected hook');
    assert.deepEqual(hooked.diagnostics, []);
    assert.match(hooked.text, /function script\.hooks\.protocolDetected\(now\)\n/);
    const more = await client.codeActions(uri, { start: positionOf(hooked.text, 'return script', 0), end: positionOf(hooked.text, 'return script', 0) });
    assert.deepEqual(more.map((a) => a.title), ['Add the statusChanged hook', 'Add the flowEnd hook', 'Add the periodicUpdate hook']);
    await client.close(uri);
  });

  test('missing hooks get a hooks table; a missing require is added', async () => {
    // Under callbacks/interface/flow/: a flow script by its folder, though it has no hooks yet.
    const uri = uriIn('fix-missing.lua');
    const text = 'local script = {\n   gui = { i18n_title = "x" },\n}\nprint(flow_consts)\nreturn script\n';
    assert.deepEqual(codes(await client.open(uri, text)), ['missing-hooks', 'undefined-global']);
    const hooked = await fix(uri, text, 'script', 'Add a protocolDetected hook');
    assert.deepEqual(codes(hooked.diagnostics), ['undefined-global']);
    const required = await fix(uri, hooked.text, 'flow_consts', 'Add local flow_consts = require("flow_consts")');
    assert.deepEqual(required.diagnostics, []);
    await client.close(uri);
  });

  test('incremental edits: broken code shows syntax errors, fixing it brings the flow checks back', async () => {
    const uri = scratch('edits.lua');
    assert.deepEqual(await client.open(uri, SCRIPT), []);
    const at = positionOf(SCRIPT, 'getClientGeolocation', 0);
    const broken = await client.change(uri, 'getClientGeolocaton(', { start: at, end: { line: at.line, character: at.character + 'getClientGeolocation()'.length } });
    assert.deepEqual(codes(broken), ['syntax-error']);
    // Completion still works from the last good analysis while the text is broken.
    const aliasAt = positionOf(SCRIPT, '   local cli_geo', 0);
    await client.change(uri, 'fc.status_types.\n', { start: aliasAt, end: aliasAt });
    const items = await client.completion(uri, { line: aliasAt.line, character: 'fc.status_types.'.length }, '.');
    assert.ok(labels(items).includes('status_blacklisted'));
    await client.change(uri, '', { start: aliasAt, end: { line: aliasAt.line + 1, character: 0 } });
    const fixedCall = await client.change(uri, 'getClientGeolocaton()', { start: at, end: { line: at.line, character: at.character + 'getClientGeolocaton('.length } });
    assert.deepEqual(codes(fixedCall), ['unknown-flow-function']);
    await client.close(uri);
  });
});

describe('settings, detection and transports', () => {
  test('profile from workspace/configuration, scriptGlobs from initializationOptions', async () => {
    const client = await LspClient.start({
      configuration: () => ({ profile: '4.0', scriptGlobs: ['**/scratch/*.lua'] }),
    });
    const uri = scratch('plain.lua');
    const diagnostics = await client.open(uri, 'local t = {}\nprint(flow.getClientGeolocation())\nreturn t\n');
    assert.deepEqual(codes(diagnostics).sort(), ['missing-hooks', 'unavailable-in-profile']);
    const items = await client.completion(uri, positionOf('local t = {}\nprint(flow.', 'flow.'), '.');
    assert.ok(labels(items).includes('getClientCountry'));
    await client.stop();

    const byInit = await LspClient.start({ initializationOptions: { flowscript: { profile: '4.2', scriptGlobs: [] } } });
    const plain = scratch('plain2.lua');
    assert.deepEqual(await byInit.open(plain, 'local t = {}\nprint(flow.getClientGeolocation(), x)\nreturn t\n'), [], 'not a flow script: silent');
    const flowy = await byInit.open(scratch('flowy.lua'), 'local s = { hooks = { flowEnd = function(now) flow.clearStatus(1) end } }\nreturn s\n');
    assert.deepEqual(codes(flowy), ['unavailable-in-profile'], 'clearStatus is gone in 4.2');
    await byInit.stop();
  });

  test('files under the default script folders are flow scripts even without hooks', async () => {
    const client = await LspClient.start();
    const diagnostics = await client.open(uriIn('helper_module.lua'), 'local M = {}\nfunction M.f() return flow.noSuch() end\nreturn M\n');
    assert.deepEqual(codes(diagnostics).sort(), ['missing-hooks', 'unknown-flow-function']);
    await client.stop();
  });

  test('node IPC (VS Code\'s TransportKind.ipc) and `flowscript lsp --stdio` start the same server', async () => {
    const text = SCRIPT.replace('protocolDetected', 'protocolDetectd');
    for (const options of [
      { transport: 'ipc' as const },
      { command: { file: resolve(__dirname, '..', '..', 'dist', 'cli.js'), args: ['lsp', '--stdio'] } },
    ]) {
      const client = await LspClient.start(options);
      assert.deepEqual(codes(await client.open(scratch('t.lua'), text)), ['unknown-hook']);
      assert.equal(await client.stop(), 0);
    }
  });
});
