/**
 * What one analysis of a Lua file knows: built once per document version (analyze.ts) and read
 * by every diagnostic rule and feature. Positions are character offsets into `text`; the server
 * turns them into LSP positions at the edge.
 */
import type { Chunk, Comment, Expression, TableConstructorExpression } from 'luaparse';
import type { Profile } from '../../api/flow';

export type Span = [number, number];

/** A name declared by `local`, a parameter, a for-loop variable or `local function`. */
export interface Binding {
  name: string;
  kind: 'local' | 'local-function' | 'param' | 'for';
  decl: Span;
  /** Where the name is read. */
  reads: Span[];
  /** Assignments after the declaration. */
  writes: number;
  /** `local x = flow.<getter>(...)`: the getter's name. */
  getter?: string;
  /** `local x = require("m")`: the module name. */
  requires?: string;
  /** `local x = { ... }`: the table. */
  table?: TableConstructorExpression;
}

/** One use of `flow.<name>` (called or not). */
export interface FlowUse {
  name: string;
  /** The name after `flow.`. */
  nameSpan: Span;
  /** `flow.name` as a whole. */
  span: Span;
  /** Arguments when called; the table or string of `flow.f{...}` / `flow.f"..."` counts as one. */
  args?: Expression[];
  /** The whole call (through the closing parenthesis). */
  callSpan?: Span;
  /** `flow:name(...)` passes the flow itself as a first argument. */
  method: boolean;
  /** The hook whose function body contains the call, if any. */
  hook?: string;
}

/** A hook the script declares. */
export interface HookDecl {
  name: string;
  /** The hook name in the source. */
  nameSpan: Span;
  /** The function (or value) span. */
  span: Span;
  /** How it was declared. */
  form: 'table-key' | 'function-statement' | 'assignment';
}

/** A function that looks like a hook but that ntopng will never find. */
export interface MisplacedHook {
  name: string;
  /** The declared name as written (`protocolDetected`, `script.flowEnd`). */
  span: Span;
  written: string;
  /** What to write instead, when the script table is in scope at that point. */
  replacement?: string;
}

export interface ScriptField {
  name: string;
  keySpan: Span;
  value: Expression;
}

/** The table the script returns: ntopng reads its `hooks` and fields. */
export interface ScriptTable {
  /** The local holding it (`script` in the documentation), if it is one. */
  name?: string;
  nameSpan?: Span;
  table: TableConstructorExpression;
  fields: ScriptField[];
  /** The `hooks = {...}` field, when present. */
  hooksField?: ScriptField;
  /** Whether the chunk ends with `return <this table>`. */
  returned: boolean;
}

/** A chain of names such as `flow_consts.status_types.status_blacklisted`. */
export interface MemberChain {
  /** The root identifier's name, and the module it was required from when known. */
  root: string;
  module?: string;
  parts: { name: string; span: Span }[];
}

/** `getter_result["key"]` or `getter_result.key`. */
export interface ResultKeyRead {
  getter: string;
  key: string;
  span: Span;
}

export interface Require {
  module: string;
  /** The module name's string literal. */
  span: Span;
  binding?: string;
}

export interface SyntaxProblem {
  message: string;
  span: Span;
}

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  profile: Profile;
  /** Where the profile came from (a first-line comment overrides the setting). */
  profileComment?: { value: string; span: Span; valid: boolean };
  /** Undefined when the text does not parse. */
  chunk?: Chunk;
  syntaxErrors: SyntaxProblem[];
  comments: Comment[];
  bindings: Binding[];
  /** Reads of names that no local declares. */
  globalReads: { name: string; span: Span }[];
  /** Names the file assigns as globals (these count as defined). */
  globalWrites: Set<string>;
  flowUses: FlowUse[];
  hooks: HookDecl[];
  misplacedHooks: MisplacedHook[];
  script?: ScriptTable;
  chains: MemberChain[];
  resultKeyReads: ResultKeyRead[];
  requires: Require[];
  /** Top-level functions, for document symbols. */
  functions: { name: string; nameSpan: Span; span: Span }[];
  /** The span of the last top-level statement when it is a `return`. */
  finalReturn?: Span;
  /** Why the file counts as a flow script (undefined: it does not, and gets no flow diagnostics). */
  flowScriptReason?: 'glob' | 'hooks' | 'user_scripts' | 'explicit';
}
