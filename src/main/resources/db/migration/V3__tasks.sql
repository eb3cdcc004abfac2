-- Background tasks, with the MCP Tasks life cycle: working, input_required, then one of the
-- final states completed, failed, cancelled. A sidecar task is queued while started_at is null.
CREATE TABLE task (
    task_id          VARCHAR(36)  PRIMARY KEY,
    kind             VARCHAR(50)  NOT NULL,
    owner            VARCHAR(10)  NOT NULL,
    title            VARCHAR(500) NOT NULL,
    session_id       VARCHAR(128),
    project_id       BIGINT,
    status           VARCHAR(20)  NOT NULL,
    status_message   VARCHAR(1000),
    progress         DOUBLE PRECISION,
    parameters       VARCHAR(100000),
    result           VARCHAR(1000000),
    error            VARCHAR(4000),
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP(6) WITH TIME ZONE,
    expires_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ttl_ms           BIGINT NOT NULL,
    poll_interval_ms BIGINT NOT NULL
);
CREATE INDEX ix_task_status_created ON task (status, created_at);
CREATE INDEX ix_task_expires ON task (expires_at);
