/**
 * fengari's integers are 32-bit (math.maxinteger == 2147483647); ntopng's Lua has 64-bit integers.
 * Strategy: every number the host pushes that does not fit in a signed 32-bit integer is pushed as a
 * float (exact up to 2^53), so comparisons and arithmetic on byte/packet counters stay right. Two
 * places would still show the difference, and both are patched here so counters print like ntopng:
 *  - tostring/print/io.write/`..`/string.format('%s') of an integral float with |x| >= 2^31 (up to 2^53) gives the digits
 *    without ".0" (fengari: "5000000000.0", ntopng: "5000000000"); smaller floats keep Lua's ".0";
 *  - string.format('%d', x) with such a float (fengari raises "number has no integer representation")
 *    is rewritten to '%.0f' by the host (fast-builtins.ts, formatWithLargeIntegers).
 * What stays different from ntopng: integer overflow wraps at 2^31 for values computed as integers in
 * Lua (2147483647 + 1 == -2147483648), `math.type(counter)` is 'float' for counters >= 2^31, and
 * `//` / `%` on them give floats.
 */
import { to_luastring } from 'fengari';
import lobject = require('fengari/src/lobject.js');
import lstring = require('fengari/src/lstring.js');

const TWO_31 = 2 ** 31;
const TWO_53 = 2 ** 53;
let patched = false;

/** Installs the tostring patch once per thread (fengari's modules are shared by every VM in it). */
export function patchLargeIntegralFloatFormatting(): void {
  if (patched) return;
  patched = true;
  const original = lobject.luaO_tostring;
  lobject.luaO_tostring = (L, obj) => {
    if (!obj.ttisinteger()) {
      const v = obj.value;
      const a = Math.abs(v);
      if (a >= TWO_31 && a <= TWO_53 && Number.isInteger(v)) {
        obj.setsvalue(lstring.luaS_bless(L, to_luastring(String(v))));
        return;
      }
    }
    original(L, obj);
  };
  // luaL_tolstring (tostring, print) formats floats with lua_pushfstring("%f"), whose formatting
  // calls fengari's module-local luaO_tostring: route those large integral floats through "%s".
  const originalPushvfstring = lobject.luaO_pushvfstring;
  const percentS = to_luastring('%s');
  lobject.luaO_pushvfstring = (L, fmt, argp) => {
    if (fmt.length === 2 && fmt[0] === 37 && fmt[1] === 102 && argp.length === 1) {
      const v = argp[0];
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= TWO_31 && Math.abs(v) <= TWO_53) {
        return originalPushvfstring(L, percentS, [to_luastring(String(v))]);
      }
    }
    return originalPushvfstring(L, fmt, argp);
  };
}

/** True when n must be pushed as a float (see the note at the top of this file). */
export function needsFloat(n: number): boolean {
  return !Number.isInteger(n) || n > 2147483647 || n < -2147483648 || Object.is(n, -0);
}
