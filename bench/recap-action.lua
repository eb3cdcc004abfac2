-- wrk script: the recap action of the session tool, as the agent calls it.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"action":"recap"}'
