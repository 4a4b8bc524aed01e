/** Small pure pieces of the analysis: Lua string values, script globs, the profile comment. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { globToRegExp, matchesAnyGlob, DEFAULT_SCRIPT_GLOBS } from '../../server/analysis/globs';
import { luaStringValue } from '../../server/analysis/lua-string';
import { readProfileComment } from '../../server/analysis/profile-comment';
import { readSettings } from '../../server/settings';

test('Lua string literals decode to their values (luaparse leaves them null)', () => {
  assert.equal(luaStringValue('"cli.country"'), 'cli.country');
  assert.equal(luaStringValue("'it\\'s'"), "it's");
  assert.equal(luaStringValue('"a\\tb\\n\\"q\\"\\\\"'), 'a\tb\n"q"\\');
  assert.equal(luaStringValue('"\\65\\066\\x43\\u{e9}"'), 'ABCé');
  assert.equal(luaStringValue('"a\\z   \n   b"'), 'ab');
  assert.equal(luaStringValue('[[\nlong "string"]]'), 'long "string"');
  assert.equal(luaStringValue('[==[x]]y]==]'), 'x]]y');
  assert.equal(luaStringValue('"é 中"'), 'é 中');
});

test('script globs match path tails; the defaults cover ntopng\'s script folders and samples', () => {
  assert.ok(matchesAnyGlob('/opt/ntopng/scripts/callbacks/interface/flow/my.lua', DEFAULT_SCRIPT_GLOBS));
  assert.ok(matchesAnyGlob('/x/plugins/p/user_scripts/flow/check.lua', DEFAULT_SCRIPT_GLOBS));
  assert.ok(matchesAnyGlob('/home/me/project/samples/suspicious_countries.lua', DEFAULT_SCRIPT_GLOBS));
  assert.ok(!matchesAnyGlob('/home/me/project/lib/util.lua', DEFAULT_SCRIPT_GLOBS));
  assert.ok(!matchesAnyGlob('/home/me/callbacks/interface/flow/notes.txt', DEFAULT_SCRIPT_GLOBS));
  assert.ok(globToRegExp('scripts/*.lua').test('/a/scripts/x.lua'));
  assert.ok(!globToRegExp('scripts/*.lua').test('/a/scripts/sub/x.lua'));
  assert.ok(globToRegExp('**/{flow,host}/*.lua').test('/a/host/x.lua'));
  assert.ok(globToRegExp('C:\\work\\*.lua').test('C:/work/x.lua'));
});

test('the profile comment, in the comments that open the file', () => {
  assert.deepEqual(readProfileComment('-- flowscript: profile=4.0\nlocal x'), { value: '4.0', span: [23, 26] });
  assert.deepEqual(readProfileComment('--flowscript:profile=4.2'), { value: '4.2', span: [21, 24] });
  assert.equal(readProfileComment('local x\n-- flowscript: profile=4.0'), undefined);
  assert.deepEqual(readProfileComment('-- flowscript: capture=a.pcap\r\n-- flowscript: profile=4.2\nlocal x'), { value: '4.2', span: [54, 57] });
});

test('settings: the flowscript section or its content; bad values keep the defaults', () => {
  assert.equal(readSettings({ flowscript: { profile: '4.2' } }).profile, '4.2');
  assert.equal(readSettings({ profile: '4.0', scriptGlobs: ['a/*.lua'] }).scriptGlobs[0], 'a/*.lua');
  assert.equal(readSettings({ profile: '9' }).profile, '2019.11');
  assert.deepEqual(readSettings({ scriptGlobs: [1] }).scriptGlobs, DEFAULT_SCRIPT_GLOBS);
  assert.equal(readSettings(null).profile, '2019.11');
});

test('the VS Code setting\'s default script globs are the server\'s', () => {
  const manifest = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.configuration.properties['flowscript.scriptGlobs'].default, DEFAULT_SCRIPT_GLOBS);
  assert.equal(manifest.contributes.configuration.properties['flowscript.profile'].default, readSettings(undefined).profile);
});
