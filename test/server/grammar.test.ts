/** The TextMate injection grammar: generated from the catalog, and its patterns match what they should. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { renderInjectionGrammar } from '../../syntaxes/render-injection';

const file = resolve(__dirname, '..', '..', 'syntaxes', 'flowscript.injection.tmLanguage.json');
const text = readFileSync(file, 'utf8');
const grammar = JSON.parse(text) as {
  scopeName: string; injectionSelector: string; repository: { [name: string]: { match: string; captures: { [n: string]: { name: string } } } };
};

/** The scopes a pattern gives the text, by capture, using JavaScript's regex engine (the patterns avoid Oniguruma-only syntax). */
function scopes(rule: string, line: string): { [text: string]: string } {
  const r = grammar.repository[rule];
  const m = new RegExp(r.match).exec(line);
  if (!m) return {};
  const out: { [text: string]: string } = {};
  for (const [n, c] of Object.entries(r.captures)) if (m[Number(n)]) out[m[Number(n)]] = c.name;
  return out;
}

test('the committed grammar is the one the catalog generates', () => {
  assert.equal(text, renderInjectionGrammar(), 'run: node --import tsx syntaxes/render-injection.ts > syntaxes/flowscript.injection.tmLanguage.json');
  assert.equal(grammar.scopeName, 'flowscript.injection');
  assert.equal(grammar.injectionSelector, 'L:source.lua -comment -string');
});

test('flow.* calls, script.hooks.<name> and hook keys are highlighted', () => {
  assert.deepEqual(scopes('flow-member', '   local g = flow.getClientGeolocation()'), {
    flow: 'variable.language.flow.flowscript', '.': 'punctuation.accessor.lua', getClientGeolocation: 'support.function.flow.flowscript',
  });
  assert.equal(scopes('flow-member', 'x = flow:getInfo()').getInfo, 'support.function.flow.flowscript');
  assert.deepEqual(scopes('flow-member', 'local myflow = workflow.run()'), {});
  assert.equal(scopes('hook-member', 'function script.hooks.protocolDetected(now)').protocolDetected, 'entity.name.function.hook.flowscript');
  assert.equal(scopes('hook-key', '      flowEnd = function(now)').flowEnd, 'entity.name.function.hook.flowscript');
  assert.deepEqual(scopes('hook-key', '      flowEnd = 3'), {});
  assert.deepEqual(scopes('hook-key', '      myHook = function()'), {});
});
