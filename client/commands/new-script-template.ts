/**
 * What "New Flow Script" opens: a starting point shaped like ntopng's own flow scripts, with no
 * vscode import so that a test can check that the language server has nothing to say about it
 * (test/server/new-script-template.test.ts). VS Code names an untitled document after its first
 * line, hence a first line that reads as a title. The empty capture comment is there to be
 * filled in (client/run/capture-comment.ts).
 */
export const NEW_SCRIPT_TEMPLATE = `-- My flow script: what it detects
-- Run it with "Flow Script: Run on Capture...". A capture named after "capture=" below
-- (relative to this file) is offered first, and Run on Sample uses it without asking.
-- flowscript: capture=

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
