-- flowscript: capture=captures/web.pcap
-- A status plus an alert: servers that negotiate a TLS version older than 1.2 get the
-- "old TLS version" status; ntopng then raises the status's alert (once per flow).
local flow_consts = require("flow_consts")

local TLS_1_2 = 0x0303

local script = {
  l7_proto = "TLS",
  hooks = {},
  gui = { i18n_title = "Old TLS version", i18n_description = "Alert on TLS older than 1.2" },
}

function script.hooks.protocolDetected(now)
  local version = flow.getTLSVersion()
  if version ~= 0 and version < TLS_1_2 then
    flow.triggerStatus(flow_consts.status_types.status_tls_old_protocol_version.status_id,
      { tls_version = version, server = flow.getServerKey() })
  end
end

return script
