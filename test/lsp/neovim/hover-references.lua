-- Drives the Digest Lens language server from a headless Neovim (0.7 or newer), the way a
-- user's init.lua would: start_client + buf_attach_client, then a hover and a references
-- request on one position. Written for 0.7.2 (Debian bookworm), which has neither
-- vim.lsp.start nor `nvim -l`, so it runs as
--   nvim --headless --clean -n -c "luafile hover-references.lua"
-- (the test runs `-c 'lua dofile(vim.env.DIGEST_NVIM_SCRIPT)'`, the same without escaping
-- the path for Ex) and reads its parameters from the environment:
--   DIGEST_NVIM_CMD       JSON array: the server command, e.g. ["node", "/repo/dist/server.js", "--stdio"]
--   DIGEST_NVIM_ROOT      workspace folder (absolute path)
--   DIGEST_NVIM_FILE      the digest to open (absolute path)
--   DIGEST_NVIM_LINE      0-based line of the position to ask about
--   DIGEST_NVIM_CHARACTER 0-based UTF-16 character of that position
--   DIGEST_NVIM_SETTINGS  JSON object: the digestLens settings
--   DIGEST_NVIM_OUT       file the JSON result is written to
--   DIGEST_NVIM_WAIT_MS   how long each wait may take (default 20000)
-- Whatever happens, it writes one JSON object to DIGEST_NVIM_OUT and quits: exit status 0
-- when every step ran, 1 (with `error` in the JSON) when one failed.

local env = vim.env
local out_path = env.DIGEST_NVIM_OUT
local wait_ms = tonumber(env.DIGEST_NVIM_WAIT_MS or '') or 20000

local result = {
  ok = false,
  nvim = vim.version(),
  steps = {},
}

local function step(name)
  table.insert(result.steps, name)
end

local function need(name)
  local value = env[name]
  if value == nil or value == '' then error('missing environment variable ' .. name) end
  return value
end

-- vim.wait returns false on timeout; a named failure says which signal never came.
local function wait_for(what, condition)
  if not vim.wait(wait_ms, condition, 20) then
    error(string.format('timed out after %d ms waiting for %s', wait_ms, what))
  end
end

local function run()
  local cmd = vim.fn.json_decode(need('DIGEST_NVIM_CMD'))
  local root = need('DIGEST_NVIM_ROOT')
  local file = need('DIGEST_NVIM_FILE')
  local settings = vim.fn.json_decode(need('DIGEST_NVIM_SETTINGS'))
  local position = { line = tonumber(need('DIGEST_NVIM_LINE')), character = tonumber(need('DIGEST_NVIM_CHARACTER')) }

  local initialized = false
  local exited = nil
  local indexed = false

  -- Neovim 0.7 does not advertise workspace/configuration, so the server reads its
  -- settings from initializationOptions.settings; `settings` also answers the request
  -- for editors (and later Neovims) that do send it.
  local client_id = vim.lsp.start_client({
    name = 'digest-lens',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    init_options = { settings = settings },
    settings = { digestLens = settings },
    get_language_id = function() return 'digest' end,
    handlers = {
      -- The server's own notification: the workspace index is complete when indexing is false.
      ['digestLens/indexChanged'] = function(_, params)
        if params and params.indexing == false then indexed = true end
      end,
    },
    on_init = function() initialized = true end,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client returned nil for ' .. table.concat(cmd, ' ')) end
  step('started')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'digest'
  -- Before initialization the client queues the buffer and sends didOpen from on_init.
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error('buf_attach_client failed') end
  step('attached')

  wait_for('the initialize handshake', function() return initialized or exited ~= nil end)
  if exited then error('the server exited during initialize: ' .. vim.inspect(exited)) end
  local client = vim.lsp.get_client_by_id(client_id)
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  result.capabilities = {
    hoverProvider = caps.hoverProvider or caps.hover or false,
    referencesProvider = caps.referencesProvider or caps.find_references or false,
  }
  step('initialized')

  -- References span the workspace, so wait until the server says it has read every file.
  wait_for('digestLens/indexChanged with indexing=false', function() return indexed or exited ~= nil end)
  if exited then error('the server exited while indexing: ' .. vim.inspect(exited)) end
  step('indexed')

  local status, why = client.request_sync('digestLens/status', vim.NIL, wait_ms, bufnr)
  if not status then error('digestLens/status got no answer: ' .. tostring(why)) end
  result.status = status.result
  result.status_error = status.err

  local uri = vim.uri_from_bufnr(bufnr)
  result.uri = uri
  local text_document = { uri = uri }

  -- client.request, not buf_request_sync: the latter skips servers whose capabilities
  -- lack the method, and the test should see the server's own answer or error.
  local hover
  hover, why = client.request_sync('textDocument/hover', { textDocument = text_document, position = position }, wait_ms, bufnr)
  if not hover then error('textDocument/hover got no answer: ' .. tostring(why)) end
  result.hover = hover.result
  result.hover_error = hover.err
  step('hover')

  local refs
  refs, why = client.request_sync('textDocument/references', {
    textDocument = text_document,
    position = position,
    context = { includeDeclaration = true },
  }, wait_ms, bufnr)
  if not refs then error('textDocument/references got no answer: ' .. tostring(why)) end
  result.references = refs.result
  result.references_error = refs.err
  step('references')

  -- A clean shutdown (shutdown request, exit notification) before Neovim quits.
  client.stop()
  wait_for('the server to stop', function() return client.is_stopped() end)
  step('stopped')
  result.ok = true
end

local ok, err = xpcall(run, debug.traceback)
if not ok then result.error = tostring(err) end
result.lsp_log = vim.lsp.get_log_path()
if out_path and out_path ~= '' then
  vim.fn.writefile({ vim.fn.json_encode(result) }, out_path)
else
  io.stderr:write('DIGEST_NVIM_OUT is not set\n')
  ok = false
end
if not ok then io.stderr:write(tostring(err) .. '\n') end
vim.cmd(ok and 'qa!' or 'cquit 1')
