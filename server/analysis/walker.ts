/**
 * One pass over the syntax tree that resolves names (Lua's scoping rules: `local x = x` sees the
 * outer x, `local function f` sees itself, `repeat ... until` sees the loop body) and records
 * what the rules and features need: flow.* uses, hooks, member chains, reads of getter results.
 */
import type {
  CallExpression, Chunk, Expression, FunctionDeclaration, Identifier, MemberExpression, Statement,
  StringCallExpression, TableCallExpression, TableConstructorExpression,
} from 'luaparse';
import { REAL_HOOK_NAMES } from '../../api/flow';
import { luaStringValue } from './lua-string';
import type {
  Binding, FlowUse, HookDecl, MemberChain, MisplacedHook, Require, ResultKeyRead, ScriptTable, Span,
} from './model';
import { rangeOf } from './parse';

const HOOK_NAMES: ReadonlySet<string> = new Set(REAL_HOOK_NAMES);

export interface WalkResult {
  bindings: Binding[];
  globalReads: { name: string; span: Span }[];
  globalWrites: Set<string>;
  flowUses: FlowUse[];
  hooks: HookDecl[];
  misplacedHooks: MisplacedHook[];
  chains: MemberChain[];
  resultKeyReads: ResultKeyRead[];
  requires: Require[];
  functions: { name: string; nameSpan: Span; span: Span }[];
}

class Scope {
  private readonly names = new Map<string, Binding>();
  constructor(readonly parent?: Scope) {}
  declare(b: Binding): void {
    this.names.set(b.name, b);
  }
  lookup(name: string): Binding | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }
}

type Call = CallExpression | TableCallExpression | StringCallExpression;

export function walkChunk(chunk: Chunk, script: ScriptTable | undefined): WalkResult {
  const out: WalkResult = {
    bindings: [], globalReads: [], globalWrites: new Set(), flowUses: [], hooks: [], misplacedHooks: [],
    chains: [], resultKeyReads: [], requires: [], functions: [],
  };
  /** Reads of getter results, checked at the end: a reassigned local no longer holds the result. */
  const pendingKeyReads: { binding: Binding; read: ResultKeyRead }[] = [];
  const hooksTables = new Set<TableConstructorExpression>();
  if (script?.hooksField?.value.type === 'TableConstructorExpression') hooksTables.add(script.hooksField.value);
  let scope = new Scope();
  let hook: string | undefined;
  /** Set while the script table's local is declared, for fixes that must refer to it. */
  let scriptInScope = false;
  let depth = 0;

  const declare = (id: Identifier, kind: Binding['kind']): Binding => {
    const b: Binding = { name: id.name, kind, decl: rangeOf(id), reads: [], writes: 0 };
    scope.declare(b);
    out.bindings.push(b);
    return b;
  };

  const read = (id: Identifier): void => {
    const b = scope.lookup(id.name);
    if (b) b.reads.push(rangeOf(id));
    else out.globalReads.push({ name: id.name, span: rangeOf(id) });
  };

  const isGlobalFlow = (e: Expression): boolean => e.type === 'Identifier' && e.name === 'flow' && !scope.lookup('flow');

  /** `a.b.c` as root + parts, when every step is a `.` on a name. */
  const chainOf = (e: MemberExpression): MemberChain | undefined => {
    const parts: { name: string; span: Span }[] = [];
    let cur: Expression = e;
    while (cur.type === 'MemberExpression') {
      if (cur.indexer !== '.') return undefined;
      parts.unshift({ name: cur.identifier.name, span: rangeOf(cur.identifier) });
      cur = cur.base;
    }
    if (cur.type !== 'Identifier') return undefined;
    const b = scope.lookup(cur.name);
    const chain: MemberChain = { root: cur.name, parts };
    const module = b ? b.requires : cur.name;
    if (module) chain.module = module;
    return chain;
  };

  const getterOf = (e: Expression): string | undefined => {
    if (e.type !== 'CallExpression' && e.type !== 'TableCallExpression' && e.type !== 'StringCallExpression') return undefined;
    const base = e.base;
    return base.type === 'MemberExpression' && isGlobalFlow(base.base) ? base.identifier.name : undefined;
  };

  const keyRead = (base: Expression, key: string, span: Span): void => {
    if (base.type === 'Identifier') {
      const b = scope.lookup(base.name);
      if (b?.getter) pendingKeyReads.push({ binding: b, read: { getter: b.getter, key, span } });
      return;
    }
    const getter = getterOf(base);
    if (getter) out.resultKeyReads.push({ getter, key, span });
  };

  const member = (e: MemberExpression): void => {
    const chain = chainOf(e);
    if (chain) out.chains.push(chain);
    if (isGlobalFlow(e.base)) {
      out.flowUses.push({ name: e.identifier.name, nameSpan: rangeOf(e.identifier), span: rangeOf(e), method: e.indexer === ':', ...(hook ? { hook } : {}) });
    } else if (e.indexer === '.') keyRead(e.base, e.identifier.name, rangeOf(e.identifier));
    expr(e.base);
  };

  const call = (e: Call, args: Expression[]): void => {
    const base = e.base;
    if (base.type === 'MemberExpression' && isGlobalFlow(base.base)) {
      const span = rangeOf(base);
      const use: FlowUse = {
        name: base.identifier.name, nameSpan: rangeOf(base.identifier), span, args, callSpan: rangeOf(e), method: base.indexer === ':',
      };
      if (hook) use.hook = hook;
      out.flowUses.push(use);
      expr(base.base);
    } else {
      if (base.type === 'Identifier' && base.name === 'require' && !scope.lookup('require') && args[0]?.type === 'StringLiteral') {
        out.requires.push({ module: luaStringValue(args[0].raw), span: rangeOf(args[0]) });
      }
      expr(base);
    }
    for (const a of args) expr(a);
  };

  const table = (t: TableConstructorExpression): void => {
    const isScript = t === script?.table;
    const isHooks = hooksTables.has(t);
    for (const f of t.fields) {
      if (f.type === 'TableKeyString') {
        if (isHooks) {
          out.hooks.push({ name: f.key.name, nameSpan: rangeOf(f.key), span: rangeOf(f), form: 'table-key' });
          valueOf(f.value, f.key.name);
          continue;
        }
        if (isScript && HOOK_NAMES.has(f.key.name)) {
          out.misplacedHooks.push({ name: f.key.name, span: rangeOf(f.key), written: f.key.name });
        }
        expr(f.value);
      } else if (f.type === 'TableKey') {
        if (isHooks && f.key.type === 'StringLiteral') {
          const name = luaStringValue(f.key.raw);
          out.hooks.push({ name, nameSpan: rangeOf(f.key), span: rangeOf(f), form: 'table-key' });
          valueOf(f.value, name);
          continue;
        }
        expr(f.key);
        expr(f.value);
      } else expr(f.value);
    }
  };

  /** A value that may be a hook's function. */
  const valueOf = (e: Expression, hookName: string | undefined): void => {
    if (e.type === 'FunctionDeclaration') fn(e, hookName);
    else expr(e);
  };

  const expr = (e: Expression | null | undefined): void => {
    if (!e) return;
    switch (e.type) {
      case 'Identifier': return read(e);
      case 'FunctionDeclaration': return fn(e, undefined);
      case 'TableConstructorExpression': return table(e);
      case 'BinaryExpression':
      case 'LogicalExpression':
        expr(e.left);
        return expr(e.right);
      case 'UnaryExpression': return expr(e.argument);
      case 'MemberExpression': return member(e);
      case 'IndexExpression':
        if (e.index.type === 'StringLiteral') keyRead(e.base, luaStringValue(e.index.raw), rangeOf(e.index));
        expr(e.base);
        return expr(e.index);
      case 'CallExpression': return call(e, e.arguments);
      case 'TableCallExpression': return call(e, [e.arguments]);
      case 'StringCallExpression': return call(e, [e.argument]);
      default: return;
    }
  };

  const fn = (f: FunctionDeclaration, hookName: string | undefined): void => {
    const outerScope = scope;
    const outerHook = hook;
    scope = new Scope(scope);
    if (hookName) hook = hookName;
    if (f.identifier?.type === 'MemberExpression' && f.identifier.indexer === ':') {
      const b: Binding = { name: 'self', kind: 'param', decl: rangeOf(f.identifier.identifier), reads: [], writes: 0 };
      scope.declare(b);
    }
    for (const p of f.parameters) if (p.type === 'Identifier') declare(p, 'param');
    depth++;
    block(f.body);
    depth--;
    scope = outerScope;
    hook = outerHook;
  };

  const block = (body: Statement[]): void => {
    const outer = scope;
    scope = new Scope(scope);
    for (const s of body) stmt(s);
    scope = outer;
  };

  /** The hook a `X.hooks.<name>` target names. */
  const hookTarget = (target: Expression): { name: string; span: Span } | undefined => {
    if (target.type !== 'MemberExpression' || target.indexer !== '.') return undefined;
    const chain = chainOf(target);
    if (!chain || chain.parts.length !== 2 || chain.parts[0].name !== 'hooks') return undefined;
    return chain.parts[1];
  };

  /** `script.<hook>` (a hook on the script table itself, where ntopng does not look). */
  const misplacedTarget = (target: Expression): MisplacedHook | undefined => {
    if (target.type !== 'MemberExpression') return undefined;
    const chain = chainOf(target);
    if (!chain || chain.parts.length !== 1 || !HOOK_NAMES.has(chain.parts[0].name) || chain.root !== script?.name) return undefined;
    const name = chain.parts[0].name;
    return { name, span: rangeOf(target), written: `${chain.root}.${name}`, replacement: `${chain.root}.hooks.${name}` };
  };

  const stmt = (s: Statement): void => {
    switch (s.type) {
      case 'LocalStatement': {
        s.init.forEach((e) => expr(e));
        s.variables.forEach((v, i) => {
          const b = declare(v, 'local');
          const init = s.init[i];
          if (!init) return;
          const getter = getterOf(init);
          if (getter) b.getter = getter;
          if (init.type === 'TableConstructorExpression') b.table = init;
          if ((init.type === 'CallExpression' || init.type === 'StringCallExpression') && init.base.type === 'Identifier' && init.base.name === 'require') {
            const arg = init.type === 'CallExpression' ? init.arguments[0] : init.argument;
            if (arg?.type === 'StringLiteral') {
              b.requires = luaStringValue(arg.raw);
              const req = out.requires.find((r) => r.span[0] === rangeOf(arg)[0]);
              if (req) req.binding = v.name;
            }
          }
          if (script?.nameSpan && rangeOf(v)[0] === script.nameSpan[0]) scriptInScope = true;
        });
        return;
      }
      case 'AssignmentStatement': {
        s.variables.forEach((v, i) => {
          const init = s.init[i];
          const target = hookTarget(v);
          if (target) {
            out.hooks.push({ name: target.name, nameSpan: target.span, span: rangeOf(s), form: 'assignment' });
            if (init) valueOf(init, target.name);
            return;
          }
          const misplaced = misplacedTarget(v);
          if (misplaced) out.misplacedHooks.push(misplaced);
          if (v.type === 'MemberExpression' && v.identifier.name === 'hooks' && init?.type === 'TableConstructorExpression') hooksTables.add(init);
          if (init) expr(init);
        });
        for (let i = s.variables.length; i < s.init.length; i++) expr(s.init[i]);
        for (const v of s.variables) {
          if (v.type === 'Identifier') {
            const b = scope.lookup(v.name);
            if (b) b.writes++;
            else out.globalWrites.add(v.name);
          } else if (v.type === 'MemberExpression') expr(v.base);
          else {
            expr(v.base);
            expr(v.index);
          }
        }
        return;
      }
      case 'CallStatement': return expr(s.expression);
      case 'FunctionDeclaration': {
        const id = s.identifier;
        let hookName: string | undefined;
        if (id?.type === 'Identifier') {
          if (s.isLocal) {
            declare(id, 'local-function');
          } else {
            const b = scope.lookup(id.name);
            if (b) b.writes++;
            else out.globalWrites.add(id.name);
          }
          if (HOOK_NAMES.has(id.name)) {
            const m: MisplacedHook = { name: id.name, span: rangeOf(id), written: id.name };
            if (script?.name && scriptInScope && depth === 0 && !s.isLocal) m.replacement = `${script.name}.hooks.${id.name}`;
            out.misplacedHooks.push(m);
          }
        } else if (id?.type === 'MemberExpression') {
          const target = hookTarget(id);
          if (target) {
            hookName = target.name;
            out.hooks.push({ name: target.name, nameSpan: target.span, span: rangeOf(s), form: 'function-statement' });
          } else {
            const misplaced = misplacedTarget(id);
            if (misplaced) out.misplacedHooks.push(misplaced);
          }
          let root: Expression = id;
          while (root.type === 'MemberExpression') root = root.base;
          expr(root);
        }
        if (id && depth === 0) {
          const span = rangeOf(id);
          out.functions.push({ name: textOfName(id), nameSpan: span, span: rangeOf(s) });
        }
        return fn(s, hookName);
      }
      case 'ReturnStatement':
        s.arguments.forEach((e) => expr(e));
        return;
      case 'IfStatement':
        for (const c of s.clauses) {
          if (c.type !== 'ElseClause') expr(c.condition);
          block(c.body);
        }
        return;
      case 'WhileStatement':
        expr(s.condition);
        return block(s.body);
      case 'DoStatement': return block(s.body);
      case 'RepeatStatement': {
        const outer = scope;
        scope = new Scope(scope);
        for (const x of s.body) stmt(x);
        expr(s.condition);
        scope = outer;
        return;
      }
      case 'ForNumericStatement': {
        expr(s.start);
        expr(s.end);
        expr(s.step);
        const outer = scope;
        scope = new Scope(scope);
        declare(s.variable, 'for');
        block(s.body);
        scope = outer;
        return;
      }
      case 'ForGenericStatement': {
        s.iterators.forEach((e) => expr(e));
        const outer = scope;
        scope = new Scope(scope);
        for (const v of s.variables) declare(v, 'for');
        block(s.body);
        scope = outer;
        return;
      }
      default: return;
    }
  };

  for (const s of chunk.body) stmt(s);
  for (const { binding, read: r } of pendingKeyReads) if (binding.writes === 0) out.resultKeyReads.push(r);
  return out;
}

function textOfName(id: Identifier | MemberExpression): string {
  if (id.type === 'Identifier') return id.name;
  const base = id.base.type === 'Identifier' || id.base.type === 'MemberExpression' ? textOfName(id.base) : '?';
  return `${base}${id.indexer}${id.identifier.name}`;
}
