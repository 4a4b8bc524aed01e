/**
 * Lua run once in every new VM, before any script: removes what can touch the host and installs the
 * captured print/io.write and the restricted `require`. It receives the host's natives as arguments.
 */
export const SANDBOX_PRELUDE = String.raw`
local print_native, write_native, builtin_searcher, folder_searcher = ...

-- os: no processes, no exit, no filesystem, no host environment. time/clock/date/difftime stay.
os.execute, os.exit, os.remove, os.rename, os.tmpname, os.getenv, os.setlocale = nil, nil, nil, nil, nil, nil, nil

-- io: only a captured io.write (fengari has no io.open/io.read/io.popen in Node; io is rebuilt anyway).
io = { write = write_native }
print = print_native

-- no file loading; text chunks only (binary chunks are not checked by the VM)
loadfile, dofile = nil, nil
string.dump = nil
local raw_load = load
load = function(chunk, chunkname, mode, ...)
  if select('#', ...) > 0 then return raw_load(chunk, chunkname, 't', (...)) end
  return raw_load(chunk, chunkname, 't')
end

-- fengari has no garbage-collector control (lua_gc is not implemented): a harmless stub
collectgarbage = function(opt)
  if opt == 'count' then return 0 end
  return 0
end

-- debug: only what scripts use for messages (no sethook: it would switch off the instruction budget)
-- (the flow driver takes debug.setmetatable for one job, numbers' metatable, and removes it)
rawset(_G, '__flowscript_setmetatable', debug.setmetatable)
debug = { traceback = debug.traceback, getinfo = debug.getinfo }

-- require: package.preload, then the host's built-in modules, then .lua files in the script's folder
package.cpath = ''
package.path = ''
package.loadlib = nil
package.searchpath = nil
package.searchers = { package.searchers[1], builtin_searcher, folder_searcher }

-- string.format('%d', counter) for counters >= 2^31 is handled by the host (fast-builtins.ts, formatWithLargeIntegers)
`;
