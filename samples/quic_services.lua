-- flowscript: capture=captures/web.pcap
-- Lists the services reached over QUIC. l7_proto_id = 188 is nDPI's id of QUIC: the hook runs
-- for QUIC flows and QUIC.<app> ones. getFullInfo() is costly; with the filter it only runs
-- on the few QUIC flows.
local script = {
  l7_proto_id = 188,
  hooks = {},
  gui = { i18n_title = "QUIC services", i18n_description = "List the services reached over QUIC" },
}

function script.hooks.protocolDetected(now)
  local info = flow.getFullInfo()
  print(string.format("QUIC to %s (%s, category %s)", info["host_server_name"] or info["srv.ip"],
    info["proto.ndpi"], info["proto.ndpi_cat"]))
end

return script
