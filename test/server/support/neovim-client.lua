-- Drives Neovim 0.7's built-in LSP client against the flow-script server (see neovim.test.ts):
-- opens FLOWSCRIPT_FILE, waits for the server's diagnostics, asks for completions at
-- FLOWSCRIPT_LINE/FLOWSCRIPT_CHARACTER, writes what it got as JSON to FLOWSCRIPT_OUT and quits
-- (exit code 0, or non-zero when something failed).
local result = { diagnostics = {}, completion = {}, errors = {} }

local function finish()
  local f = assert(io.open(os.getenv('FLOWSCRIPT_OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(#result.errors == 0 and 'qa!' or 'cq!')
end

local ok, err = pcall(function()
  local file = os.getenv('FLOWSCRIPT_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'lua'
  local client_id = vim.lsp.start_client({
    name = 'flowscript',
    cmd = { os.getenv('FLOWSCRIPT_NODE'), os.getenv('FLOWSCRIPT_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    settings = { flowscript = { profile = '2019.11' } },
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local got = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  if not got then table.insert(result.errors, 'no diagnostics arrived') end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, { code = lsp.code or d.code, line = d.lnum, character = d.col, message = d.message })
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = tonumber(os.getenv('FLOWSCRIPT_LINE')), character = tonumber(os.getenv('FLOWSCRIPT_CHARACTER')) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 15000)
  for _, response in pairs(responses or {}) do
    if response.err then table.insert(result.errors, vim.inspect(response.err)) end
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
