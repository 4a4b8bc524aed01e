-- flowscript: capture=captures/remote.pcap
-- Like ntopng's remote_to_remote script: traffic between two remote unicast hosts (not in the
-- local networks, 192.168.1.0/24 by default) gets the remote-to-remote status, without an alert.
local flow_consts = require("flow_consts")

local script = {
  hooks = {},
  gui = { i18n_title = "Remote to remote", i18n_description = "Mark flows between two remote hosts" },
}

function script.hooks.protocolDetected(now)
  if flow.isRemoteToRemote() and flow.isUnicast() then
    flow.setStatus(flow_consts.status_types.status_remote_to_remote.status_id)
    print("remote to remote: " .. shortFlowLabel(flow.getInfo()))
  end
end

return script
