-- wrk script: an agent's hook traffic replayed. Each thread is one agent session; its requests
-- cycle through a prompt (UserPromptSubmit) and two tool calls (PreToolUse, then PostToolUse with
-- the same tool_use_id), so the mix is 20% prompts, 40% PreToolUse, 40% PostToolUse.
local counter = 0
local thread_id = 0
local run = os.time()

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

local function event(name, extra)
  return string.format(
    '{"hook_event_name":"%s","session_id":"hooks-%d-%d","cwd":"/srv/hooks",' ..
    '"permission_mode":"default"%s}', name, run, tid, extra)
end

function request()
  counter = counter + 1
  local step = counter % 5
  local call = string.format("toolu_%d_%d", tid, math.floor(counter / 5) * 2 + math.floor(step / 3))
  local body
  if step == 0 then
    body = event("UserPromptSubmit", ',"prompt":"run the tests and fix what fails"')
  elseif step == 1 or step == 3 then
    body = event("PreToolUse", ',"tool_name":"Bash","tool_input":{"command":"make test"},' ..
      '"tool_use_id":"' .. call .. '"')
  else
    body = event("PostToolUse", ',"tool_name":"Bash","tool_input":{"command":"make test"},' ..
      '"tool_use_id":"' .. call .. '","tool_response":{"stdout":"ok","exit_code":0}')
  end
  return wrk.format("POST", "/v1/hooks/claude-code", { ["Content-Type"] = "application/json" }, body)
end
