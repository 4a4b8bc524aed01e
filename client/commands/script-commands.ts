/** New Flow Script, and the language server's restart. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

/** A starting point shaped like ntopng's own flow scripts. */
const TEMPLATE = `-- flowscript: capture=
local user_scripts = require("user_scripts")

local script = {
   -- Run only on flows of these L7 protocols (nil = every flow)
   l7_proto_id = nil,

   hooks = {},

   gui = {
      i18n_title = "My flow script",
      i18n_description = "What this script detects",
      input_builder = user_scripts.flow_checkbox_input_builder,
   }
}

-- Called once per flow when its application protocol is known.
function script.hooks.protocolDetected(now)
   local info = flow.getInfo()
   tprint(info)
end

return script
`;

export function newScript() {
  return async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'lua', content: TEMPLATE });
    await vscode.window.showTextDocument(doc);
  };
}

export function restartServer(ctx: Ctx) {
  return () => ctx.server.restart();
}
