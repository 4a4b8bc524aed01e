/**
 * `user_scripts`, `alert_consts` and `flow_consts` in Lua. Each is written once for all profiles and
 * then pruned to the members the catalog lists for the active profile (DATA.members), so a member
 * exists exactly where the catalog says it does. Constants take their values from the catalog.
 */

/** Shared tail: set the catalog's constants, drop what the profile does not have. */
const PRUNE = String.raw`
for name, value in pairs(DATA.members.constants) do M[name] = value end
for k in pairs(M) do
  if not DATA.members.names[k] then M[k] = nil end
end
return M
`;

export const USER_SCRIPTS_SOURCE = String.raw`
local M = {}

local flow_type = {}
for k, v in pairs(DATA.flow_type) do flow_type[k] = v end
M.script_types = { flow = flow_type }

if DATA.categories then
  M.script_categories = {}
  for _, c in ipairs(DATA.categories) do
    M.script_categories[c.key] = { id = c.id, icon = '', i18n_title = c.key, i18n_descr = c.key }
  end
end

M.field_units = {}
for _, u in ipairs(DATA.field_units) do M.field_units[u.key] = u.i18n end

local function attr(s)
  return (string.gsub(tostring(s), '[&<>"]', { ['&'] = '&amp;', ['<'] = '&lt;', ['>'] = '&gt;', ['"'] = '&quot;' }))
end

function M.flow_checkbox_input_builder(user_script)
  local enabled = type(user_script) == 'table' and user_script.enabled ~= false
  local key = type(user_script) == 'table' and user_script.key or 'enabled'
  return '<input type="checkbox" name="' .. attr(key) .. '"' .. (enabled and ' checked' or '') .. '>'
end

function M.checkbox_input_builder(gui_conf, input_id, value)
  local enabled = type(value) == 'table' and value.enabled ~= false
  return '<input type="checkbox" name="' .. attr(input_id or 'enabled') .. '"' .. (enabled and ' checked' or '') .. '>'
end

function M.checkbox_post_handler(input_id)
  return { enabled = true }
end

function M.threshold_cross_input_builder(gui_conf, input_id, value)
  local v = type(value) == 'table' and value.threshold or ''
  return '<input type="number" name="' .. attr(input_id or 'threshold') .. '" value="' .. attr(v) .. '">'
end

function M.threshold_cross_post_handler(input_id)
  return {}
end

function M.load(...)
  return { modules = {}, hooks = {}, conf = {} }
end

function M.getConfiguration(user_script)
  local conf = type(user_script) == 'table' and user_script.default_value or nil
  return { enabled = type(user_script) ~= 'table' or user_script.default_enabled ~= false, script_conf = conf or {} }
end

function M.getGlobalConfiguration() return {} end
function M.getDefaultConfig() return {} end
function M.teardown() end
function M.listScripts() return {} end

function M.getSubdirectoryPath(script_type, subdir)
  local parent = type(script_type) == 'table' and script_type.parent_dir or 'interface'
  return dirs.installdir .. '/scripts/callbacks/' .. parent .. '/' .. tostring(subdir or 'flow')
end

function M.benchmark_dump() end
function M.getAggregatedStats() return {} end

local configsets = { [0] = { id = 0, name = 'Default', config = {} } }
function M.getConfigsets() return configsets end
function M.getTargetConfig(sets, subdir, target) return (sets or configsets)[0] end
function M.getTargetHookConfig(target_config, user_script, hook)
  local conf = type(user_script) == 'table' and user_script.default_value or nil
  return { enabled = type(user_script) ~= 'table' or user_script.default_enabled ~= false, script_conf = conf or {} }
end
function M.getConfigById(id) return configsets[tonumber(id)] end
function M.loadModule() return nil end
` + PRUNE;

export const ALERT_CONSTS_SOURCE = String.raw`
local M = {}

M.alert_severities = {}
for _, s in ipairs(DATA.severities) do
  M.alert_severities[s.name] = { severity_id = s.severity_id, syslog_level = s.syslog_level, label = s.name, i18n_title = s.name }
end

M.alert_types = {}
for _, a in ipairs(DATA.alert_types) do
  local def = { i18n_title = a.key, icon = '' }
  if a.id ~= nil then def[DATA.id_field] = a.id end
  M.alert_types[a.key] = def
end

M.alert_entities = { flow = { entity_id = DATA.flow_entity_id, label = 'Flow' } }
M.alerts_granularities = {}
M.ids_rule_maker = {}

function M.getAlertType(id)
  for key, def in pairs(M.alert_types) do
    if def[DATA.id_field] == id then return key end
  end
  return nil
end

function M.alertEntityRaw(entity)
  local e = M.alert_entities[entity]
  return e and e.entity_id
end

function M.alertLevelToSyslogLevel(severity_id)
  for _, s in pairs(M.alert_severities) do
    if s.severity_id == severity_id then return s.syslog_level end
  end
  return nil
end
` + PRUNE;

export const FLOW_CONSTS_SOURCE = String.raw`
local alert_consts = require('alert_consts')
local M = {}
local by_id = {}
local pack = table.pack

M.status_types = {}
for _, s in ipairs(DATA.statuses) do
  local def = {
    i18n_title = s.key,
    alert_severity = alert_consts.alert_severities[s.severity],
    alert_type = s.alert_type and alert_consts.alert_types[s.alert_type] or nil,
    prio = s.prio,
    relevance = s.relevance,
  }
  def[DATA.id_field] = s.id
  if DATA.has_create then
    local args = s.create_args or {}
    def.create = function(severity, ...)
      local values, params = pack(...), {}
      for i, name in ipairs(args) do params[name] = values[i] end
      return { alert_severity = severity, alert_type_params = params, alert_type = def.alert_type, status_type = def }
    end
  end
  M.status_types[s.key] = def
  by_id[s.id] = s.key
end

function M.getStatusInfo(id)
  local key = by_id[tonumber(id)]
  return key and M.status_types[key] or nil
end

function M.getStatusType(id)
  return by_id[tonumber(id)]
end

function M.getStatusTitle(id)
  local def = M.getStatusInfo(id)
  if not def then return tostring(id) end
  return i18n(def.i18n_title) or def.i18n_title
end

function M.getStatusDescription(id, info)
  local def = M.getStatusInfo(id)
  if not def then return tostring(id) end
  local desc = def.i18n_description
  if type(desc) == 'function' then return desc(id, info) end
  if type(desc) == 'string' then return i18n(desc) or desc end
  return M.getStatusTitle(id)
end

-- The predominant status: of the bits set, the status with the highest prio (the lowest id on a
-- tie). The loop walks the bitmap's bits, not every status type (statusChanged hooks call this on
-- every change; walking the ~40 types with math.floor and 2^id cost ~60 µs a call in fengari).
local prio_of
function M.getPredominantStatus(bitmap)
  bitmap = tonumber(bitmap) or 0
  if bitmap == 0 then return 0 end
  if prio_of == nil then
    prio_of = {}
    for id, key in pairs(by_id) do prio_of[id] = M.status_types[key].prio or 0 end
  end
  if bitmap < 0 or bitmap ~= math.floor(bitmap) then
    -- not a bitmap ntopng would hold: the definition itself, status by status
    local best, best_prio = 0, nil
    for id, p in pairs(prio_of) do
      if math.floor(bitmap / 2 ^ id) % 2 == 1 and (best_prio == nil or p > best_prio or (p == best_prio and id < best)) then best, best_prio = id, p end
    end
    return best
  end
  local best, best_prio, id = 0, nil, 0
  while bitmap > 0 do
    if bitmap % 2 == 1 then
      local p = prio_of[id]
      if p ~= nil and (best_prio == nil or p > best_prio) then best, best_prio = id, p end
    end
    bitmap = bitmap // 2
    id = id + 1
  end
  return best
end

function M.getDefinititionsDir()
  return DATA.definitions_dir
end

M.flow_status_types = M.status_types
M.flow_fields_description = {}
M.mobile_country_code = {}
` + PRUNE;
