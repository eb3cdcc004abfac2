-- A session's running LLM spend, kept on its row in the transaction of each usage record (the row
-- is locked there already), so a session budget reads one row instead of summing the session's
-- records on every write. Filled here from the records there are; purged records' spend stays in
-- the totals from now on, as the rollups keep theirs.
ALTER TABLE agent_session ADD COLUMN usage_cost_usd DECIMAL(24, 10) DEFAULT 0 NOT NULL;
ALTER TABLE agent_session ADD COLUMN usage_tokens BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE agent_session ADD COLUMN usage_unknown_cost BIGINT DEFAULT 0 NOT NULL;

UPDATE agent_session SET
    usage_cost_usd = COALESCE(
        (SELECT SUM(r.cost_usd) FROM usage_record r WHERE r.session_id = agent_session.id), 0),
    usage_tokens = COALESCE(
        (SELECT SUM(r.input_tokens + r.output_tokens) FROM usage_record r
         WHERE r.session_id = agent_session.id), 0),
    usage_unknown_cost = (SELECT COUNT(*) FROM usage_record r
                          WHERE r.session_id = agent_session.id AND r.cost_source = 'UNKNOWN');
