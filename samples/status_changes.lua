-- flowscript: capture=captures/long-lived.pcap
-- statusChanged runs after a walk in which the flow's statuses changed. Here protocolDetected
-- marks connections to a non-standard web port, and statusChanged reports the new status set.
local flow_consts = require("flow_consts")

local script = {
  hooks = {},
  gui = { i18n_title = "Status changes", i18n_description = "Report flows whose status changed" },
}

function script.hooks.protocolDetected(now)
  if flow.getInfo()["srv.port"] == 8080 then
    flow.setStatus(flow_consts.status_types.status_tcp_connection_refused.status_id)
  end
end

function script.hooks.statusChanged(now)
  local status = flow.getStatus()
  local predominant = flow_consts.getPredominantStatus(status)
  print(string.format("statuses now %d, predominant %s", status, flow_consts.getStatusType(predominant)))
end

return script
