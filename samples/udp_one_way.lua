-- flowscript: capture=captures/long-lived.pcap
-- Like ntopng's own udp_unidirectional script: the "all" hook runs on every hook of UDP flows;
-- a unicast UDP flow that never got an answer has the unidirectional status, which is cleared
-- once an answer arrives. Statuses only: no alert.
local flow_consts = require("flow_consts")

local script = {
  l4_proto = "udp",
  hooks = {},
  gui = { i18n_title = "Unidirectional UDP", i18n_description = "Mark UDP flows that get no answer" },
}

function script.hooks.all(now)
  local status = flow_consts.status_types.status_udp_unidirectional.status_id
  if flow.getPacketsRcvd() == 0 and flow.isServerUnicast() then
    flow.setStatus(status)
  else
    flow.clearStatus(status)
  end
end

return script
