/**
 * The smaller modules of the catalog that ntopng's driver or the sample scripts require
 * (`alerts_api`, `mud_utils`, `discover_utils`, `plugins_utils`, `ids_utils`). A pcap simulator has
 * no Redis, no host preferences and no plugins, so these return ntopng's "nothing configured" answers.
 * Each is pruned to the members of the active profile.
 */
const PRUNE = String.raw`
for k in pairs(M) do
  if not DATA.members.names[k] then M[k] = nil end
end
return M
`;

export const ALERTS_API_SOURCE = String.raw`
local M = {}
-- no host has a status disabled: the user has not configured any
function M.getAllHostsDisabledStatusBitmaps(ifid) return {} end
function M.addAlertGenerationInfo(alert_json, current_script)
  if type(alert_json) == 'table' and type(current_script) == 'table' then
    alert_json.alert_generation = { script_key = current_script.key, subdir = current_script.subdir or 'flow', confset_id = 0 }
  end
end
` + PRUNE;

export const MUD_UTILS_SOURCE = String.raw`
local M = {}
-- MUD recording is off for every device unless the user enables it (not possible in the simulator)
function M.handleFlow(now) end
` + PRUNE;

export const DISCOVER_UTILS_SOURCE = String.raw`
local M = {}
-- the catalog does not list ntopng's device types: every name is unknown
function M.devtype2id(name) return nil end
function M.devtype2string(id) return tostring(id) end
` + PRUNE;

export const PLUGINS_UTILS_SOURCE = String.raw`
local M = {}
-- no plugin ships extra Lua modules in the simulator
function M.loadModule(plugin_name, module_name) return nil end
` + PRUNE;

export const IDS_UTILS_SOURCE = String.raw`
local M = {}
` + PRUNE;
