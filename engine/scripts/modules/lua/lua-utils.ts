/**
 * `lua_utils` (with ntop_utils, locales_utils and lua_trace folded in): the globals flow scripts use
 * without requiring anything, because ntopng's flow driver requires lua_utils before loading them.
 * Also fills in the `ntop` and `interface` members the helpers use, where the host has not bound them.
 *
 * The host natives arrive once, in the global __flowscript_host, which this chunk removes.
 */
export const LUA_UTILS_SOURCE = String.raw`
local host = rawget(_G, '__flowscript_host') or {}
rawset(_G, '__flowscript_host', nil)
local type, pairs, ipairs, tostring, tonumber, select, rawget = type, pairs, ipairs, tostring, tonumber, select, rawget
local sort, concat, insert = table.sort, table.concat, table.insert
local find, sub, gsub, format, len, gmatch, match = string.find, string.sub, string.gsub, string.format, string.len, string.gmatch, string.match
local floor = math.floor
local getinfo = debug.getinfo
local write = io.write

-- the innermost caller that is not one of the built-in modules: file and line for hits
local function caller()
  for level = 2, 60 do
    local info = getinfo(level, 'Sl')
    if not info then break end
    local src = info.source or ''
    if (info.currentline or 0) > 0 and sub(src, 1, 1) == '@' and sub(src, 2, 9) ~= 'builtin/' then
      return sub(src, 2), info.currentline
    end
  end
  return '', 0
end

-- TRACE_* ---------------------------------------------------------------------------------
local level_names = {}
for _, t in ipairs(DATA.trace) do
  _G[t.name] = t.value
  if not t.mode then level_names[t.value] = sub(t.name, 7) end
end
local trace_level = DATA.default_trace_level

function setTraceLevel(level)
  level = tonumber(level)
  if level then trace_level = level end
end
function resetTraceLevel()
  trace_level = DATA.default_trace_level
end

local function emit_trace(level, mode, message, file, line)
  if host.trace then
    host.trace(level, mode, message, file, line)
    return
  end
  if file == nil then file, line = caller() end
  do
    write(format('[%s:%d] %s: %s\n', file, line, level_names[level] or tostring(level), message))
  end
end

function traceError(level, mode, message)
  level = tonumber(level) or DATA.default_trace_level
  if level > trace_level then return end
  -- the host finds the caller itself (cheaper than debug.getinfo from Lua)
  emit_trace(level, tonumber(mode) or 0, tostring(message))
end

-- tprint ----------------------------------------------------------------------------------
local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == 'number' or ta == 'string' then return a < b end
  return tostring(a) < tostring(b)
end

local function dump(out, s, l, i)
  if l < 1 then
    out[#out + 1] = 'ERROR: Item limit reached.'
    return l - 1
  end
  local ts = type(s)
  if ts ~= 'table' then
    out[#out + 1] = i .. ' ' .. ts .. ' ' .. tostring(s)
    return l - 1
  end
  out[#out + 1] = i .. ' ' .. ts
  local keys = {}
  for k in pairs(s) do keys[#keys + 1] = k end
  sort(keys, key_less)
  for _, k in ipairs(keys) do
    local indent = (i ~= '' and (i .. '.') or '') .. tostring(k)
    l = dump(out, s[k], l, indent)
    if l < 0 then break end
  end
  return l
end

function tprint(s, l, i)
  local out = {}
  dump(out, s, tonumber(l) or 1000, type(i) == 'string' and i or '')
  local text = concat(out, '\n')
  if host.tprint then
    host.tprint(text)
  else
    write(text, '\n')
  end
end

-- i18n ------------------------------------------------------------------------------------
local locale = DATA.locale
function i18n(key, params)
  if type(key) ~= 'string' then return nil end
  local text = locale[key]
  if text == nil and host.locale then text = host.locale(key) end
  if text == nil then return nil end
  if type(params) == 'table' then
    text = gsub(text, '%%{([%w_]+)}', function(name)
      local v = params[name]
      if v == nil then return nil end
      return tostring(v)
    end)
  end
  return text
end

-- small helpers ---------------------------------------------------------------------------
function ternary(cond, a, b)
  if cond then return a else return b end
end

function isEmptyString(s)
  return s == nil or s == ''
end

function table.empty(t)
  if t == nil then return true end
  return next(t) == nil
end

function table.len(t)
  local n = 0
  if type(t) ~= 'table' then return 0 end
  for _ in pairs(t) do n = n + 1 end
  return n
end

function string.split(s, sep)
  sep = sep or ':'
  local fields = {}
  gsub(s, format('([^%s]+)', sep), function(c) fields[#fields + 1] = c end)
  return fields
end

function string.starts(s, prefix)
  return sub(s, 1, len(prefix)) == prefix
end

function string.ends(s, suffix)
  return suffix == '' or sub(s, -len(suffix)) == suffix
end

function split(s, delimiter)
  local result = {}
  if s == nil or delimiter == nil then return result end
  local from = 1
  while true do
    local a, b = find(s, delimiter, from, true)
    if not a then break end
    result[#result + 1] = sub(s, from, a - 1)
    from = b + 1
  end
  result[#result + 1] = sub(s, from)
  return result
end

function starts(s, prefix)
  if s == nil or prefix == nil then return false end
  return string.starts(s, prefix)
end

function ends(s, suffix)
  if s == nil or suffix == nil then return false end
  return string.ends(s, suffix)
end

function isIPv4(address)
  if type(address) ~= 'string' then return false end
  local parts = { match(address, '^(%d+)%.(%d+)%.(%d+)%.(%d+)$') }
  if #parts ~= 4 then return false end
  for _, p in ipairs(parts) do
    if tonumber(p) > 255 then return false end
  end
  return true
end

function resolveAddress(hostinfo)
  if type(hostinfo) == 'table' then return hostinfo.name or hostinfo.host or '' end
  return tostring(hostinfo)
end

function getDeviceProtocolPoliciesUrl(params)
  local url = (ntop and ntop.getHttpPrefix and ntop.getHttpPrefix() or '') .. '/lua/admin/edit_device_protocols.lua'
  if params and params ~= '' then url = url .. '?' .. params end
  return url
end

function areAlertsEnabled()
  return true
end

function pairsByKeys(t, f)
  local a = {}
  for n in pairs(t) do a[#a + 1] = n end
  sort(a, f or key_less)
  local i = 0
  return function()
    i = i + 1
    if a[i] == nil then return nil end
    return a[i], t[a[i]]
  end
end

function pairsByValues(t, f)
  local a = {}
  for n in pairs(t) do a[#a + 1] = n end
  sort(a, function(x, y) return f(t[x], t[y]) end)
  local i = 0
  return function()
    i = i + 1
    if a[i] == nil then return nil end
    return a[i], t[a[i]]
  end
end

-- l4_keys: { {"TCP", "tcp", 6}, ... } ----------------------------------------------------
l4_keys = {}
for _, k in ipairs(DATA.l4_keys) do
  l4_keys[#l4_keys + 1] = { string.upper(k.name), k.name, k.id }
end

function l4_proto_to_id(name)
  for _, proto in ipairs(l4_keys) do
    if proto[2] == name or proto[1] == name then return proto[3] end
  end
  return nil
end

function l4_proto_to_string(id)
  id = tonumber(id)
  for _, proto in ipairs(l4_keys) do
    if proto[3] == id then return proto[1] end
  end
  return format('%d', id or 0)
end

dirs = {}
for k, v in pairs(DATA.dirs) do dirs[k] = v end

-- flow_utils ------------------------------------------------------------------------------
-- One expression, no helper calls: a Lua function call allocates its whole frame in fengari,
-- and scripts call this for every flow they print.
function shortFlowLabel(info)
  if type(info) ~= 'table' then return '' end
  local l4, cli, cport, srv, sport, l7 = info['proto.l4'], info['cli.ip'], info['cli.port'], info['srv.ip'], info['srv.port'], info['proto.ndpi']
  return '[' .. (l4 == nil and '' or tostring(l4)) .. '] ' .. (cli == nil and '' or tostring(cli)) .. ':' .. (cport == nil and '' or tostring(cport)) ..
    ' -> ' .. (srv == nil and '' or tostring(srv)) .. ':' .. (sport == nil and '' or tostring(sport)) .. ' [' .. (l7 == nil and '' or tostring(l7)) .. ']'
end

-- ntop.* and interface.* defaults (the host's own bindings win) --------------------------
local cache, prefs = {}, {}
local ntop_defaults = {
  getDirs = function() local d = {} for k, v in pairs(DATA.dirs) do d[k] = v end return d end,
  isPro = function() return false end,
  isEnterprise = function() return false end,
  isEnterpriseM = function() return false end,
  isnEdge = function() return false end,
  isWindows = function() return false end,
  getPref = function(k) return prefs[k] or '' end,
  setPref = function(k, v) prefs[k] = tostring(v) end,
  getCache = function(k) return cache[k] or '' end,
  setCache = function(k, v) cache[k] = tostring(v) end,
  delCache = function(k) cache[k] = nil end,
  setMembersCache = function(k, v)
    local set = type(cache[k]) == 'table' and cache[k] or {}
    set[tostring(v)] = true
    cache[k] = set
  end,
  bitmapIsSet = function(bitmap, bit)
    bitmap, bit = tonumber(bitmap), tonumber(bit)
    if not bitmap or not bit then return false end
    return floor(bitmap / 2 ^ bit) % 2 == 1
  end,
  getticks = function() return floor(os.clock() * 1000000) end,
  gettickspersec = function() return 1000000 end,
  readdir = function() return {} end,
  getHttpPrefix = function() return '' end,
  traceEvent = function(level, file, line, message)
    emit_trace(tonumber(level) or 0, 0, tostring(message), tostring(file or ''), tonumber(line) or 0)
  end,
  getDeadline = function() return os.time() + 60 end,
}
local interface_defaults = {
  getId = function() return 0 end,
  select = function() end,
  isPacketInterface = function() return true end,
  isViewed = function() return false end,
  viewedBy = function() return 0 end,
  getnDPIProtoId = function(name)
    if host.ndpi_id then return host.ndpi_id(tostring(name)) end
    return -1
  end,
  getnDPIProtoName = function(id)
    if host.ndpi_name then return host.ndpi_name(tonumber(id) or 0) end
    return 'Unknown'
  end,
}
local function fill(name, defaults, members)
  local t = rawget(_G, name)
  if type(t) ~= 'table' then
    t = {}
    rawset(_G, name, t)
  end
  for k, fn in pairs(defaults) do
    if members.names[k] and t[k] == nil then t[k] = fn end
  end
end
fill('ntop', ntop_defaults, DATA.ntop)
fill('interface', interface_defaults, DATA.interface)
`;

/** `flow_utils`: shortFlowLabel is a global already defined with lua_utils; requiring it changes nothing. */
export const FLOW_UTILS_SOURCE = String.raw`
require('lua_utils')
`;
