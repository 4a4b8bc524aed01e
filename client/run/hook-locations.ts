/**
 * Where each hook of a flow script is defined, for the code lenses: the forms ntopng's own
 * scripts use, `function script.hooks.protocolDetected(...)`, `script.hooks.flowEnd = function`
 * and `protocolDetected = function(...)` inside a `hooks = { ... }` table.
 */
export interface HookLocation {
  hook: string;
  /** 0-based line of the definition. */
  line: number;
}

const DOTTED = /^\s*(?:function\s+[A-Za-z_]\w*\.hooks\.([A-Za-z_]\w*)\s*\(|[A-Za-z_]\w*\.hooks\.([A-Za-z_]\w*)\s*=\s*function\b)/;
const IN_TABLE = /^\s*\[?["']?([A-Za-z_]\w*)["']?\]?\s*=\s*function\b/;

export function findHookLocations(source: string, hookNames: readonly string[]): HookLocation[] {
  const names = new Set(hookNames);
  const out: HookLocation[] = [];
  let inHooksTable = false;
  let depth = 0;
  source.split(/\r?\n/).forEach((text, line) => {
    const dotted = DOTTED.exec(text);
    const name = dotted?.[1] ?? dotted?.[2];
    if (name && names.has(name)) {
      out.push({ hook: name, line });
      return;
    }
    if (!inHooksTable && /\bhooks\s*=\s*\{/.test(text)) {
      inHooksTable = true;
      depth = 0;
    }
    if (inHooksTable) {
      const m = IN_TABLE.exec(text);
      if (m && names.has(m[1]!) && depth === 1) out.push({ hook: m[1]!, line });
      for (const ch of text.replace(/--.*$/, '')) {
        if (ch === '{') depth++;
        else if (ch === '}') depth--;
      }
      // `function ... end` bodies do not use braces, so depth 0 closes the hooks table.
      if (depth <= 0) inHooksTable = false;
    }
  });
  return out;
}
