/**
 * Every function of the spec's availability matrix (../shared/spec/ntopng-flow-api.md §1.2) is in
 * the catalog, available exactly in the profiles its Nov15, 4.0 and 4.2 columns mark. Skipped when
 * the shared spec is not next to the project.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FLOW_FUNCTIONS, PROFILES, RETIRED_FUNCTIONS, functionByName, type Profile } from '../../api/flow';

const SPEC = resolve(__dirname, '..', '..', '..', 'shared', 'spec', 'ntopng-flow-api.md');
// Matrix columns: function | Oct16 | Oct17 | Nov15 | R | 4.0 | 4.2 (spec §0 maps Nov15 to 2019.11).
const COLUMN: Record<Profile, number> = { '2019.11': 3, '4.0': 5, '4.2': 6 };

function parseMatrix(text: string): Map<string, Record<Profile, boolean>> {
  const start = text.indexOf('| function | Oct16');
  assert.ok(start >= 0, 'matrix header found');
  const rows = new Map<string, Record<Profile, boolean>>();
  for (const line of text.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const nameCell = cells[0].replace(/\([^)]*\)/g, '').trim();
    const names = nameCell.split(nameCell.includes(' / ') ? ' / ' : ', ').map((s) => s.trim());
    names.forEach((name, i) => {
      const marks = {} as Record<Profile, boolean>;
      for (const p of PROFILES) {
        let cell = cells[COLUMN[p]];
        if (names.length > 1 && cell.includes('/')) cell = cell.split('/')[i];
        marks[p] = cell !== '-';
      }
      rows.set(name, marks);
    });
  }
  return rows;
}

test('the catalog follows the spec availability matrix for every function', () => {
  const matrix = parseMatrix(readFileSync(SPEC, 'utf8'));
  assert.ok(matrix.size > 90, `parsed ${matrix.size} rows`);
  for (const [name, marks] of matrix) {
    for (const p of PROFILES) {
      const found = functionByName(name, p);
      assert.ok(found, `${name} is in the catalog`);
      assert.equal(found.available, marks[p], `${name} in ${p}`);
    }
  }
  // Everything the catalog offers in a profile comes from the matrix, except the driver-defined triggerStatus.
  for (const f of [...FLOW_FUNCTIONS, ...RETIRED_FUNCTIONS]) {
    if (f.name === 'triggerStatus' || f.profiles.length === 0) continue;
    assert.ok(matrix.has(f.name), `${f.name} is in the matrix`);
  }
});
