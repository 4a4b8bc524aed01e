/**
 * Generates syntaxes/flowscript.injection.tmLanguage.json, the TextMate grammar injected into
 * Lua (`L:source.lua`) that highlights `flow.*` calls and hooks. The hook names come from the
 * catalog; test/server/grammar.test.ts checks that the committed file is up to date.
 *
 *   node --import tsx syntaxes/render-injection.ts > syntaxes/flowscript.injection.tmLanguage.json
 */
import { HOOKS } from '../api/flow';

export function renderInjectionGrammar(): string {
  const hooks = HOOKS.map((h) => h.name).join('|');
  const grammar = {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'ntopng flow script (injection into Lua)',
    scopeName: 'flowscript.injection',
    injectionSelector: 'L:source.lua -comment -string',
    patterns: [{ include: '#flow-member' }, { include: '#hook-member' }, { include: '#hook-key' }],
    repository: {
      'flow-member': {
        comment: 'flow.getInfo(), flow:getInfo(): the flow object of the hook being run and its API.',
        match: '\\b(flow)\\s*([.:])\\s*([A-Za-z_][A-Za-z0-9_]*)\\b',
        captures: {
          1: { name: 'variable.language.flow.flowscript' },
          2: { name: 'punctuation.accessor.lua' },
          3: { name: 'support.function.flow.flowscript' },
        },
      },
      'hook-member': {
        comment: 'script.hooks.protocolDetected: a hook declared on the script table.',
        match: '\\b(hooks)\\s*(\\.)\\s*([A-Za-z_][A-Za-z0-9_]*)\\b',
        captures: {
          1: { name: 'variable.other.hooks.flowscript' },
          2: { name: 'punctuation.accessor.lua' },
          3: { name: 'entity.name.function.hook.flowscript' },
        },
      },
      'hook-key': {
        comment: 'protocolDetected = function(now) inside a hooks table.',
        match: `\\b(${hooks})\\s*(?==\\s*function\\b)`,
        captures: { 1: { name: 'entity.name.function.hook.flowscript' } },
      },
    },
  };
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

if (require.main === module) process.stdout.write(renderInjectionGrammar());
