-- Fleet mode, part 2. A running sidecar task names the instance that claimed it and when that
-- instance last said it is still at it (its lease); every live instance says when it was last
-- seen; periodic work (purge, ponder, sweeps) records its last run, so that one instance of the
-- fleet runs it per period.
ALTER TABLE task ADD COLUMN runner_id VARCHAR(253);
ALTER TABLE task ADD COLUMN heartbeat_at TIMESTAMP(6) WITH TIME ZONE;

CREATE TABLE sidecar_instance (
    id            VARCHAR(253) PRIMARY KEY,
    pod_name      VARCHAR(253),
    pod_namespace VARCHAR(63),
    node_name     VARCHAR(253),
    started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE fleet_job (
    name        VARCHAR(100) PRIMARY KEY,
    last_run_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_runner VARCHAR(253)
);
