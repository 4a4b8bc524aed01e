/** docs/diagnostics.md has one section per rule, with the rule's severity, and nothing else. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/diagnostics';

test('every diagnostic code is documented with its severity', () => {
  const doc = readFileSync(resolve(__dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');
  const sections = [...doc.matchAll(/^### ([a-z0-9-]+) \(([a-z]+)\)$/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(sections, RULES.map((r) => `${r.code} ${r.severity}`));
});
