-- wrk script: one usage record per POST, over keep-alive connections.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"provider":"anthropic","model":"claude-sonnet-4-5","role":"agent",' ..
           '"input_tokens":12000,"cache_read_tokens":9000,"output_tokens":800,"latency_ms":2300}'
