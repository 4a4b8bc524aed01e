-- flowscript: capture=captures/remote.pcap
-- A script-side blacklist: connections to addresses on a threat list get a high score, the
-- local client's score goes up, and the "blacklisted" status raises its alert.
local flow_consts = require("flow_consts")

local threat_list = {
  ["185.220.101.1"] = "tor exit node",
  ["45.155.205.233"] = "scanner",
}

local script = {
  hooks = {},
  gui = { i18n_title = "Threat list", i18n_description = "Score and alert connections to listed addresses" },
}

function script.hooks.protocolDetected(now)
  local info = flow.getInfo()
  local reason = threat_list[info["srv.ip"]]
  if reason == nil then return end
  flow.setScore(100)
  if info["cli.localhost"] then flow.setClientScore(50) end
  flow.triggerStatus(flow_consts.status_types.status_blacklisted.status_id,
    { ["blacklisted.srv"] = true, reason = reason })
  print("blacklisted server " .. info["srv.ip"] .. " (" .. reason .. ")")
end

return script
