-- flowscript: capture=captures/long-lived.pcap
-- Every minute of a long TCP flow, prints how much it has carried so far.
-- periodic_update_seconds must be a multiple of 30 (ntopng's periodic update interval).
local script = {
  l4_proto = "tcp",
  periodic_update_seconds = 60,
  hooks = {},
  gui = { i18n_title = "Long flows", i18n_description = "Report the traffic of long TCP flows every minute" },
}

function script.hooks.periodicUpdate(now)
  local duration = flow.getDuration()
  if duration >= 60 then
    print(string.format("%s: %d s, %d bytes sent, %d received",
      shortFlowLabel(flow.getInfo()), duration, flow.getBytesSent(), flow.getBytesRcvd()))
  end
end

return script
