/** docs/ndpi-protocols.md is rendered from api/ndpi and must match the data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NDPI_PROTOCOLS, breedName, categoryName } from '../../api/ndpi';
import { PROTOCOLS_DOC_PATH, renderProtocolsDoc } from '../../api/ndpi/render-doc';

test('the committed reference equals a fresh rendering (run api/ndpi/render-doc.ts --write after a data change)', () => {
  assert.equal(readFileSync(PROTOCOLS_DOC_PATH, 'utf8'), renderProtocolsDoc());
});

test('the reference has one table row per protocol with its printed name, category and breed', () => {
  const rows = renderProtocolsDoc().split('\n').filter((line) => /^\| \d+ \| `[^`]+` \| .+ \(\d+\) \|/.test(line));
  assert.equal(rows.length, NDPI_PROTOCOLS.length);
  for (const [i, row] of rows.entries()) {
    const p = NDPI_PROTOCOLS[i];
    const cells = row.split(' | ');
    assert.equal(cells[0], `| ${p.id}`);
    assert.equal(cells[1], `\`${p.name}\``);
    assert.equal(cells[2], `${categoryName(p.category)} (${p.category})`);
    assert.equal(cells[3], breedName(p.breed));
    assert.equal(cells[4], p.encrypted ? 'yes' : 'no');
  }
});
