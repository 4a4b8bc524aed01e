-- flowscript: capture=captures/web.pcap
-- Lists the services reached over QUIC. l7_proto_id = 188 is nDPI's id of QUIC: the hook runs
-- for QUIC flows and QUIC.<app> ones only.
local script = {
  l7_proto_id = 188,
  hooks = {},
  gui = { i18n_title = "QUIC services", i18n_description = "List the services reached over QUIC" },
}

function script.hooks.protocolDetected(now)
  local protocols = flow.getProtocols()
  local info = flow.getInfo()
  print(string.format("QUIC to %s (%s, category %s)", info["srv.ip"], protocols["proto.ndpi"], protocols["proto.ndpi_cat"]))
end

return script
