-- Which kind of source described a tool call first-hand: 'agent' (hooks, REST) or 'telemetry'
-- (OTLP, whose names and arguments may be redacted), so that a later first-hand report of the same
-- call can replace what telemetry said; and how many prompts a session was given.
ALTER TABLE tool_call ADD COLUMN reported_by VARCHAR(20);
ALTER TABLE agent_session ADD COLUMN prompt_count INTEGER DEFAULT 0 NOT NULL;
