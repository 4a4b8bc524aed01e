/**
 * `dkjson`: our own small JSON encoder/decoder in Lua with dkjson's calling conventions
 * (`encode(value, state)` raises on unsupported values; `decode(text, pos, nullval)` returns
 * `value, next_pos` or `nil, pos, message`). Object keys are encoded in sorted order.
 */
export const DKJSON_SOURCE = String.raw`
local type, pairs, ipairs, tostring, tonumber, error, pcall, select = type, pairs, ipairs, tostring, tonumber, error, pcall, select
local sort, concat = table.sort, table.concat
local find, sub, gsub, format, byte, match = string.find, string.sub, string.gsub, string.format, string.byte, string.match
local floor, huge, mtype = math.floor, math.huge, math.type
local uchar = utf8.char

local json = {}

local ESCAPES = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
local function escape_char(c)
  return ESCAPES[c] or format('\\u%04x', byte(c))
end
local function quote(s)
  return '"' .. gsub(s, '[%c"\\]', escape_char) .. '"'
end

local function number_text(v)
  if v ~= v or v >= huge or -v >= huge then return 'null' end
  if mtype(v) == 'integer' then return format('%d', v) end
  if v == floor(v) and v > -9007199254740992 and v < 9007199254740992 then return format('%.0f', v) end
  local s = format('%.14g', v)
  if tonumber(s) ~= v then s = format('%.17g', v) end
  return s
end

local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  return a < b
end

-- array length if every key is a positive integer and the table is not too sparse, else nil
local function array_length(t)
  local max, n = 0, 0
  for k in pairs(t) do
    if type(k) ~= 'number' or k < 1 or floor(k) ~= k then return nil end
    if k > max then max = k end
    n = n + 1
  end
  if max > 10 and max > n * 2 then return nil end
  return max
end

local function encode_value(v, buf, seen, indent, level)
  local tv = type(v)
  if v == nil then buf[#buf + 1] = 'null'
  elseif tv == 'boolean' then buf[#buf + 1] = v and 'true' or 'false'
  elseif tv == 'number' then buf[#buf + 1] = number_text(v)
  elseif tv == 'string' then buf[#buf + 1] = quote(v)
  elseif tv == 'table' then
    if seen[v] then error('reference cycle', 0) end
    seen[v] = true
    local nl = indent and ('\n' .. string.rep('  ', level + 1)) or ''
    local close = indent and ('\n' .. string.rep('  ', level)) or ''
    local n = array_length(v)
    if n then
      buf[#buf + 1] = '['
      for i = 1, n do
        if i > 1 then buf[#buf + 1] = ',' end
        buf[#buf + 1] = nl
        encode_value(v[i], buf, seen, indent, level + 1)
      end
      if n > 0 then buf[#buf + 1] = close end
      buf[#buf + 1] = ']'
    else
      local keys = {}
      for k in pairs(v) do
        local tk = type(k)
        if tk ~= 'string' and tk ~= 'number' then error("type '" .. tk .. "' is not supported as a key by JSON.", 0) end
        keys[#keys + 1] = k
      end
      sort(keys, key_less)
      buf[#buf + 1] = '{'
      for i, k in ipairs(keys) do
        if i > 1 then buf[#buf + 1] = ',' end
        buf[#buf + 1] = nl
        buf[#buf + 1] = quote(type(k) == 'number' and number_text(k) or k)
        buf[#buf + 1] = indent and ': ' or ':'
        encode_value(v[k], buf, seen, indent, level + 1)
      end
      if #keys > 0 then buf[#buf + 1] = close end
      buf[#buf + 1] = '}'
    end
    seen[v] = nil
  else
    error("type '" .. tv .. "' is not supported by JSON.", 0)
  end
end

function json.encode(value, state)
  local buf = {}
  local indent = type(state) == 'table' and state.indent or false
  local level = type(state) == 'table' and tonumber(state.level) or 0
  local ok, err = pcall(encode_value, value, buf, {}, indent, level)
  if not ok then error(err, 2) end
  return concat(buf)
end

-- decoding -------------------------------------------------------------------------------

local function fail(pos, msg) error({ pos = pos, msg = msg }, 0) end

local function skip(str, pos)
  local _, e = find(str, '^[ \n\r\t]*', pos)
  return e + 1
end

local UNESCAPES = { ['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b', f = '\f', n = '\n', r = '\r', t = '\t' }

local function parse_string(str, pos)
  local buf, i = {}, pos + 1
  while true do
    local _, e, chunk = find(str, '^([^"\\]*)', i)
    buf[#buf + 1] = chunk
    i = e + 1
    local c = sub(str, i, i)
    if c == '"' then return concat(buf), i + 1 end
    if c == '' then fail(pos, 'unterminated string') end
    local esc = sub(str, i + 1, i + 1)
    if esc == 'u' then
      local hex = match(str, '^%x%x%x%x', i + 2)
      if not hex then fail(i, 'invalid unicode escape') end
      local cp = tonumber(hex, 16)
      i = i + 6
      if cp >= 0xD800 and cp <= 0xDBFF then
        local low = match(str, '^\\u(%x%x%x%x)', i)
        local lo = low and tonumber(low, 16)
        if lo and lo >= 0xDC00 and lo <= 0xDFFF then
          cp = 0x10000 + (cp - 0xD800) * 0x400 + (lo - 0xDC00)
          i = i + 6
        end
      end
      buf[#buf + 1] = uchar(cp)
    else
      local r = UNESCAPES[esc]
      if not r then fail(i, 'invalid escape sequence') end
      buf[#buf + 1] = r
      i = i + 2
    end
  end
end

local parse_value

local function parse_array(str, pos, nullval, depth)
  local t, n = {}, 0
  pos = skip(str, pos + 1)
  if sub(str, pos, pos) == ']' then return t, pos + 1 end
  while true do
    local v
    v, pos = parse_value(str, pos, nullval, depth)
    n = n + 1
    t[n] = v
    pos = skip(str, pos)
    local c = sub(str, pos, pos)
    if c == ']' then return t, pos + 1 end
    if c ~= ',' then fail(pos, "',' or ']' expected") end
    pos = skip(str, pos + 1)
  end
end

local function parse_object(str, pos, nullval, depth)
  local t = {}
  pos = skip(str, pos + 1)
  if sub(str, pos, pos) == '}' then return t, pos + 1 end
  while true do
    if sub(str, pos, pos) ~= '"' then fail(pos, 'string key expected') end
    local k
    k, pos = parse_string(str, pos)
    pos = skip(str, pos)
    if sub(str, pos, pos) ~= ':' then fail(pos, "':' expected") end
    local v
    v, pos = parse_value(str, skip(str, pos + 1), nullval, depth)
    t[k] = v
    pos = skip(str, pos)
    local c = sub(str, pos, pos)
    if c == '}' then return t, pos + 1 end
    if c ~= ',' then fail(pos, "',' or '}' expected") end
    pos = skip(str, pos + 1)
  end
end

parse_value = function(str, pos, nullval, depth)
  if depth > 1000 then fail(pos, 'too many nested structures') end
  pos = skip(str, pos)
  local c = sub(str, pos, pos)
  if c == '{' then return parse_object(str, pos, nullval, depth + 1) end
  if c == '[' then return parse_array(str, pos, nullval, depth + 1) end
  if c == '"' then return parse_string(str, pos) end
  if c == '' then fail(pos, 'unexpected end of input') end
  local num = match(str, '^-?%d+%.?%d*[eE]?[-+]?%d*', pos)
  if num then
    local v = tonumber(num)
    if v == nil then fail(pos, 'invalid number') end
    return v, pos + #num
  end
  if sub(str, pos, pos + 3) == 'true' then return true, pos + 4 end
  if sub(str, pos, pos + 4) == 'false' then return false, pos + 5 end
  if sub(str, pos, pos + 3) == 'null' then return nullval, pos + 4 end
  fail(pos, "unexpected character '" .. c .. "'")
end

function json.decode(str, pos, nullval)
  if type(str) ~= 'string' then return nil, 1, 'no string given' end
  local ok, v, next_pos = pcall(parse_value, str, tonumber(pos) or 1, nullval, 0)
  if ok then return v, next_pos end
  if type(v) == 'table' then return nil, v.pos, v.msg .. ' at position ' .. tostring(v.pos) end
  return nil, tonumber(pos) or 1, tostring(v)
end

for k in pairs(json) do
  if not DATA.members.names[k] then json[k] = nil end
end
return json
`;
