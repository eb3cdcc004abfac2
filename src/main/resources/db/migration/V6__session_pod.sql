-- Which Kubernetes pod ran a session (from the downward API; null outside Kubernetes).
ALTER TABLE agent_session ADD COLUMN pod_name VARCHAR(253);
ALTER TABLE agent_session ADD COLUMN pod_namespace VARCHAR(63);
ALTER TABLE agent_session ADD COLUMN node_name VARCHAR(253);
ALTER TABLE agent_session ADD COLUMN pod_uid VARCHAR(36);
