-- flowscript: capture=captures/long-lived.pcap
-- When a TCP flow ends, reports connections whose three-way handshake never completed
-- (refused or unanswered).
local script = {
  l4_proto = "tcp",
  hooks = {},
  gui = { i18n_title = "Unanswered TCP", i18n_description = "Report TCP connections that never got established" },
}

function script.hooks.flowEnd(now)
  if not flow.isTwhOK() then
    local info = flow.getInfo()
    print(string.format("no TCP handshake: %s:%d -> %s:%d (%d packets answered)",
      info["cli.ip"], info["cli.port"], info["srv.ip"], info["srv.port"], flow.getPacketsRcvd()))
  end
end

return script
