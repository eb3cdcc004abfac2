-- What newer Claude Code hooks tell: which subagent made a tool call and under which prompt, the
-- latest compaction summary of a session, the last failure that stopped its turn, and the
-- permission mode it runs in.
ALTER TABLE tool_call ADD COLUMN agent VARCHAR(200);
ALTER TABLE tool_call ADD COLUMN prompt_id VARCHAR(200);
ALTER TABLE agent_session ADD COLUMN compact_summary VARCHAR(4000);
ALTER TABLE agent_session ADD COLUMN last_error VARCHAR(4000);
ALTER TABLE agent_session ADD COLUMN permission_mode VARCHAR(40);
