-- wrk script: the mixed load of the load run. Per request: 70% a usage record (unique
-- request_id), 20% a tool call of the benchmark session, 10% a read of usage_summary,
-- usage_stats or the recap. delay() paces each connection so the total rate stays near RATE.
local rate = tonumber(os.getenv("RATE") or "200")
local connections = tonumber(os.getenv("CONNECTIONS") or "8")
local session = os.getenv("SESSION") or "load-1"
local pause_ms = 1000 * connections / rate
local counter = 0
local thread_id = 0
local reads = {
  '{"action":"usage_summary"}',
  '{"action":"usage_stats","group_by":"model"}',
  '{"action":"recap"}',
}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function init(args)
  math.randomseed(os.time() + tid)
end

function delay()
  return pause_ms
end

function request()
  counter = counter + 1
  local pick = math.random(100)
  local headers = { ["Content-Type"] = "application/json" }
  if pick <= 70 then
    local body = string.format(
      '{"request_id":"load-%d-%d-%d","session_id":"%s","provider":"anthropic",' ..
      '"model":"claude-sonnet-4-5","input_tokens":12000,"cache_read_tokens":9000,' ..
      '"output_tokens":800,"latency_ms":2300}', tid, os.time(), counter, session)
    return wrk.format("POST", "/v1/usage", headers, body)
  elseif pick <= 90 then
    local body = string.format(
      '{"call_id":"load-%d-%d-%d","tool":"Bash","arguments":{"command":"make test"},' ..
      '"duration_ms":1200}', tid, os.time(), counter)
    return wrk.format("POST", "/v1/sessions/" .. session .. "/tool-calls", headers, body)
  else
    return wrk.format("POST", "/v1/tools/session", headers, reads[math.random(#reads)])
  end
end
