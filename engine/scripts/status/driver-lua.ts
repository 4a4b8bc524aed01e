/**
 * ntopng's flow driver (scripts/callbacks/interface/flow.lua), the part scripts see: the Lua
 * `flow.triggerStatus` / `flow.setStatus` / `flow.clearStatus` of each profile, the alert
 * candidate of a dispatch, and the alert step that runs after the dispatch's scripts (spec §4).
 * Written in Lua like ntopng's, on top of the C-level natives in `__flowscript_status`
 * (status/natives.ts). The end step is left in the global `__flowscript_driver_end`, which the
 * runner takes (and clears) after loading this chunk.
 */

const COMMON = String.raw`
local S = rawget(_G, '__flowscript_status')
rawset(_G, '__flowscript_status', nil)
local number_metatable = rawget(_G, '__flowscript_setmetatable')
rawset(_G, '__flowscript_setmetatable', nil)
local flow_consts = require('flow_consts')
local json = require('dkjson')
local getinfo, type, tostring, mtype = debug.getinfo, type, tostring, math.type

-- the dispatch's alert candidate; reset when a new dispatch starts
local d = { no = -1 }
local function cur()
  local no = S.dispatch_no()
  if d.no ~= no then d = { no = no } end
  return d
end

-- where the script called us: the first caller outside the built-in chunks (found by the host)
local site = S.site

local function add_flow_keys(info)
  if type(info) ~= 'table' then return info end
  info['ntopng.key'] = flow.getKey()
  info['hash_entry_id'] = flow.getHashEntryId()
  local icmp = flow.getICMPStatusInfo()
  if icmp then info.icmp = icmp end
  return info
end

local function encode(info)
  if type(info) == 'table' then return json.encode(info) end
  if info == nil then return nil end
  return tostring(info)
end
`;

/** 2019.11: ids, prio-based candidate, first alert only. */
const DRIVER_2019 = String.raw`
-- Scripts of October 2019 take a \`params\` table ({flow_info = flow.getInfo(), now = ...}) where
-- the 2019.11 driver passes \`now\`. Indexing a number is an error anyway, so numbers get these
-- two fields: both kinds of scripts run unchanged.
do
  if number_metatable then
    number_metatable(0, { __index = function(n, k)
      if k == 'now' then return n end
      if k == 'flow_info' then return flow.getInfo() end
      return nil
    end })
  end
end

-- A status table where 2019.11 wants its id (the 4.0 way of writing it): use its id.
local function as_id(status)
  if type(status) == 'table' and mtype(status.status_id) == 'integer' then return status.status_id end
  return status
end

-- flow.setStatus / flow.clearStatus are natives here (status/natives.ts): they keep the
-- predominant status of the dispatch up to date, which the runner stores after it.
local set_status = flow.setStatus

function flow.triggerStatus(status_id, status_info, custom_severity)
  status_id = as_id(status_id)
  if mtype(custom_severity) ~= 'integer' then custom_severity = nil end
  local def = flow_consts.getStatusInfo(status_id)
  if def == nil then
    error('flow.triggerStatus: unknown status id ' .. tostring(status_id) .. ' (no definition in flow_consts.status_types)', 2)
  end
  local src, line = site(3)
  set_status(status_id)
  local c = cur()
  local p = def.prio or 0
  if c.cand == nil or p > c.cand_prio then
    c.cand, c.cand_prio, c.info, c.severity, c.src, c.line, c.script = status_id, p, status_info, custom_severity, src, line, S.script()
    S.dirty()
  end
end

rawset(_G, '__flowscript_driver_end', function(now)
  local c = cur()
  if c.cand ~= nil and flow.canTriggerAlert() then
    local def = flow_consts.getStatusInfo(c.cand)
    local alert_type = def.alert_type and def.alert_type.alert_id or -1
    local severity = c.severity or (def.alert_severity and def.alert_severity.severity_id) or 0
    S.alert(c.cand, alert_type, severity, now, encode(add_flow_keys(c.info)), nil, c.src, c.line, c.script)
  end
  d = { no = -1 }
end)
`;

/** 4.0: status tables, scores, highest-score candidate, replacement. */
const DRIVER_40 = String.raw`
local max_score = flow_consts.max_score
local function clamp(v) v = tonumber(v) or 0 if v < 0 then return 0 end if v > max_score then return max_score end return v end
local function id_of(status_type, fn)
  if type(status_type) ~= 'table' or status_type.status_id == nil then
    error('flow.' .. fn .. ': expected a status table (flow_consts.status_types.<key>), got ' .. type(status_type), 3)
  end
  return status_type.status_id
end

-- flow.setStatus / flow.clearStatus are natives (status/natives.ts)
local set_status = flow.setStatus

function flow.triggerStatus(status_type, status_info, flow_score, cli_score, srv_score, custom_severity)
  local src, line = site(3)
  local id = id_of(status_type, 'triggerStatus')
  if type(status_info) == 'number' then
    S.warn('Invalid status_info (a number): ' .. debug.traceback('', 2), src, line)
    return
  end
  flow_score = flow_score or 0
  local c = cur()
  if c.cand == nil or flow_score > c.cand_score or (flow_score == c.cand_score and id < c.cand) then
    c.cand, c.cand_score, c.def, c.info, c.severity, c.src, c.line, c.script = id, flow_score, status_type, status_info, custom_severity, src, line, S.script()
    S.dirty()
  end
  set_status(status_type, flow_score, cli_score, srv_score)
end

rawset(_G, '__flowscript_driver_end', function(now)
  local c = cur()
  if c.cand ~= nil and c.cand_score > flow.getAlertedStatusScore() then
    local def = c.def
    local alert_type = def.alert_type and def.alert_type.alert_id or -1
    local severity = c.severity or (def.alert_severity and def.alert_severity.severity_id) or 0
    local info = c.info
    if type(info) == 'table' then
      add_flow_keys(info)
      info.alert_generation = { script_key = c.script, subdir = 'flow', confset_id = 0 }
    end
    S.alert(c.cand, alert_type, severity, now, encode(info), c.cand_score, c.src, c.line, c.script)
  end
  d = { no = -1 }
end)
`;

/** 4.2: status_info from create(...), score added on every call, no clearStatus. */
const DRIVER_42 = String.raw`
local max_score = flow_consts.max_score
local function clamp(v) v = tonumber(v) or 0 if v < 0 then return 0 end if v > max_score then return max_score end return v end

function flow.triggerStatus(status_info, flow_score, cli_score, srv_score)
  local src, line = site(3)
  if type(status_info) ~= 'table' or type(status_info.status_type) ~= 'table' then
    error('flow.triggerStatus: expected status_info from flow_consts.status_types.<key>.create(...), got ' .. type(status_info), 2)
  end
  local def = status_info.status_type
  local id = def.status_key
  flow_score = flow_score or 0
  local c = cur()
  if c.cand == nil or flow_score > c.cand_score or (flow_score == c.cand_score and id < c.cand) then
    c.cand, c.cand_score, c.def, c.info, c.src, c.line, c.script = id, flow_score, def, status_info, src, line, S.script()
    S.dirty()
  end
  S.set(id, clamp(flow_score), clamp(cli_score), clamp(srv_score), src, line)
end

rawset(_G, '__flowscript_driver_end', function(now)
  local c = cur()
  if c.cand ~= nil and areAlertsEnabled() and c.cand_score > flow.getAlertedStatusScore() then
    local def = c.def
    local alert_key = def.alert_type and def.alert_type.alert_key or 0
    local severity = def.alert_severity and def.alert_severity.severity_id or 0
    local params = c.info.alert_type_params
    if type(params) ~= 'table' then params = {} end
    add_flow_keys(params)
    S.alert(c.cand, alert_key, severity, now, encode(params), c.cand_score, c.src, c.line, c.script)
  end
  d = { no = -1 }
end)
`;

export const STATUS_DRIVER_SOURCE: Record<'2019.11' | '4.0' | '4.2', string> = {
  '2019.11': COMMON + DRIVER_2019,
  '4.0': COMMON + DRIVER_40,
  '4.2': COMMON + DRIVER_42,
};

/** The catalog functions the Lua driver defines (the others are natives), per profile. */
export const DRIVER_FUNCTIONS: Record<'2019.11' | '4.0' | '4.2', readonly string[]> = {
  '2019.11': ['triggerStatus'],
  '4.0': ['triggerStatus'],
  '4.2': ['triggerStatus'],
};
