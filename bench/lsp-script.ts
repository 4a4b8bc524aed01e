/**
 * A generated flow script of about `lines` lines for the language-server benchmark: a script
 * table, helper functions and hooks that call the flow API the way real scripts do. It is
 * clean (no diagnostics), so every figure measures the full set of rules.
 */
export function generateFlowScript(lines = 2000): string {
  const out = [
    'local user_scripts = require("user_scripts")',
    'local flow_consts = require("flow_consts")',
    '',
    'local script = {',
    '   l4_proto = "tcp",',
    '   hooks = {},',
    '   gui = {',
    '      i18n_title = "Generated benchmark script",',
    '      i18n_description = "Many helpers and hooks",',
    '      input_builder = user_scripts.flow_checkbox_input_builder,',
    '   },',
    '}',
    '',
  ];
  let n = 0;
  const helper = (i: number) => [
    `-- helper ${i}: classifies the flow by its peers and protocol`,
    `local function check_${i}(now, threshold)`,
    '   local info = flow.getInfo()',
    '   local cli_geo = flow.getClientGeolocation()',
    '   local srv_geo = flow.getServerGeolocation()',
    '   local score = 0',
    `   if info["proto.ndpi"] == "TLS" and info["cli2srv.bytes"] > threshold + ${i} then`,
    '      score = score + 10',
    '   end',
    '   if cli_geo["cli.country"] == "CN" or srv_geo["srv.country"] == "RU" then',
    '      score = score + 20',
    '   elseif flow.isLocalToRemote() and not flow.isBlacklisted() then',
    '      score = score - 1',
    '   end',
    '   for key, value in pairs(info) do',
    '      if type(value) == "number" and value > 1000000 then',
    '         score = score + 1',
    '      end',
    '   end',
    `   if score > ${i % 50} then`,
    '      flow.triggerStatus(flow_consts.status_types.status_blacklisted.status_id, { score = score, at = now })',
    '   end',
    '   return score',
    'end',
    '',
  ];
  const helpers: number[] = [];
  while (out.length < lines - 40) {
    out.push(...helper(n));
    helpers.push(n);
    n++;
  }
  out.push('function script.hooks.protocolDetected(now)');
  out.push('   local total = 0');
  for (const i of helpers) out.push(`   total = total + check_${i}(now, ${i * 100})`);
  out.push('   if total > 100 then tprint(total) end');
  out.push('end', '', 'function script.hooks.flowEnd(now)', '   local tcp = flow.getTCPStats()', '   print(tcp["cli2srv.retransmissions"])', 'end', '', 'return script', '');
  return out.join('\n');
}
