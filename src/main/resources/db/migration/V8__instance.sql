-- Fleet mode: many sidecars may share one PostgreSQL database. Each record names the sidecar
-- instance (its pod, or a generated id) that wrote it; a session names the instance that last
-- started or resumed it, whose current session it may be. Rows from before are left null.
ALTER TABLE agent_session ADD COLUMN instance_id VARCHAR(253);
ALTER TABLE tool_call ADD COLUMN instance_id VARCHAR(253);
ALTER TABLE usage_record ADD COLUMN instance_id VARCHAR(253);
ALTER TABLE task ADD COLUMN instance_id VARCHAR(253);
CREATE INDEX ix_session_instance_activated ON agent_session (instance_id, activated_at);
