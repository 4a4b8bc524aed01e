-- flowscript: capture=captures/web.pcap
-- At the end of each plain-HTTP flow, reports a form posted to a login page in clear text.
local script = {
  l7_proto = "HTTP",
  hooks = {},
  gui = {
    i18n_title = "Clear-text logins",
    i18n_description = "Report logins posted over plain HTTP",
  },
}

function script.hooks.flowEnd(now)
  local http = flow.getHTTPInfo()
  local method, url = http["protos.http.last_method"], http["protos.http.last_url"]
  if method == "POST" and url ~= nil and string.find(url, "login") then
    print(string.format("clear-text login: %s %s on %s", method, url, http["protos.http.server_name"] or "?"))
  end
end

return script
