/**
 * Finds the table a flow script returns, the way ntopng's loader sees it: the value of the
 * chunk's final `return`, normally a local table (`local script = {...} ... return script`).
 * When no table is returned, the local table that has a `hooks` key (or is named `script`) is
 * taken as the intended script table, so that "script table not returned" can name it.
 */
import type { Chunk, Expression, LocalStatement, Statement, TableConstructorExpression } from 'luaparse';
import { luaStringValue } from './lua-string';
import type { ScriptField, ScriptTable, Span } from './model';
import { rangeOf } from './parse';

export function findScriptTable(chunk: Chunk): ScriptTable | undefined {
  const body = chunk.body;
  const last = body[body.length - 1];
  if (last?.type === 'ReturnStatement' && last.arguments.length === 1) {
    const value = last.arguments[0];
    if (value.type === 'TableConstructorExpression') return describe(value, undefined, true);
    if (value.type === 'Identifier') {
      const local = lastLocalTable(body, value.name);
      if (local) return describe(local.table, local, true);
    }
  }
  for (let i = body.length - 1; i >= 0; i--) {
    const s = body[i];
    if (s.type !== 'LocalStatement') continue;
    for (let v = 0; v < s.variables.length; v++) {
      const init = s.init[v];
      if (init?.type === 'TableConstructorExpression' && (s.variables[v].name === 'script' || fieldsOf(init).some((f) => f.name === 'hooks'))) {
        return describe(init, { statement: s, index: v, table: init }, false);
      }
    }
  }
  return undefined;
}

interface LocalTable {
  statement: LocalStatement;
  index: number;
  table: TableConstructorExpression;
}

function lastLocalTable(body: Statement[], name: string): LocalTable | undefined {
  for (let i = body.length - 1; i >= 0; i--) {
    const s = body[i];
    if (s.type !== 'LocalStatement') continue;
    const index = s.variables.findIndex((v) => v.name === name);
    if (index < 0) continue;
    const init = s.init[index];
    return init?.type === 'TableConstructorExpression' ? { statement: s, index, table: init } : undefined;
  }
  return undefined;
}

function describe(table: TableConstructorExpression, local: LocalTable | undefined, returned: boolean): ScriptTable {
  const fields = fieldsOf(table);
  const script: ScriptTable = { table, fields, returned };
  const hooksField = fields.find((f) => f.name === 'hooks');
  if (hooksField) script.hooksField = hooksField;
  if (local) {
    const id = local.statement.variables[local.index];
    script.name = id.name;
    script.nameSpan = rangeOf(id);
  }
  return script;
}

/** Named fields of a table constructor: `name = value` and `["name"] = value`. */
export function fieldsOf(table: TableConstructorExpression): ScriptField[] {
  const out: ScriptField[] = [];
  for (const f of table.fields) {
    if (f.type === 'TableKeyString') out.push({ name: f.key.name, keySpan: rangeOf(f.key), value: f.value });
    else if (f.type === 'TableKey' && f.key.type === 'StringLiteral') {
      out.push({ name: luaStringValue(f.key.raw), keySpan: rangeOf(f.key), value: f.value });
    }
  }
  return out;
}

/** The string a literal expression holds, if it is a string literal. */
export function stringValue(e: Expression | undefined): { value: string; span: Span } | undefined {
  if (!e || e.type !== 'StringLiteral') return undefined;
  return { value: luaStringValue(e.raw), span: rangeOf(e) };
}
