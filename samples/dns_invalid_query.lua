-- flowscript: capture=captures/web.pcap
-- Sets the "invalid DNS query" status (and so raises its alert) on DNS flows whose query name
-- contains characters a host name cannot have.
local flow_consts = require("flow_consts")

local script = {
  l7_proto = "DNS",
  hooks = {},
  gui = {
    i18n_title = "Invalid DNS query",
    i18n_description = "Alert on DNS queries with characters that are not valid in a host name",
  },
}

function script.hooks.protocolDetected(now)
  local dns = flow.getDNSInfo()
  if dns["protos.dns.invalid_chars_in_query"] then
    local query = dns["protos.dns.last_query"]
    flow.triggerStatus(flow_consts.status_types.status_dns_invalid_query.status_id, { query = query })
    print("invalid DNS query: " .. query)
  end
end

return script
