-- flowscript: capture=captures/web.pcap
-- Prints the TLS connections whose server name (SNI) is on a watch list: look-alike domains of
-- a bank. l7_proto = "TLS" means ntopng only calls the hook for TLS flows (and TLS.<app>).
local script = {
  l7_proto = "TLS",
  hooks = {},
  gui = {
    i18n_title = "TLS server name watch list",
    i18n_description = "Report TLS connections to look-alike domains",
  },
}

local watch = { "paypa1", "app1e", "micros0ft" }

function script.hooks.protocolDetected(now)
  local tls = flow.getTLSInfo()
  local sni = tls["protos.tls.certificate"]
  if sni == nil then return end
  for _, word in ipairs(watch) do
    if string.find(sni, word, 1, true) then
      print("look-alike TLS server name: " .. sni)
    end
  end
end

return script
