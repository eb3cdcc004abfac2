-- Findings about how the agent works. One row per (project, dedupe_key): a finding reported
-- again updates its row. Dismissal is a column of that row, so it lasts through re-reports
-- and re-runs of the pondering; nothing purges this table.
CREATE TABLE insight (
    id             VARCHAR(36)   PRIMARY KEY,
    project_id     BIGINT        NOT NULL REFERENCES project (id),
    source         VARCHAR(20)   NOT NULL,
    kind           VARCHAR(50)   NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    detail         VARCHAR(4000),
    evidence       VARCHAR(100000) NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL,
    dedupe_key     VARCHAR(400)  NOT NULL,
    first_seen_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    occurrences    BIGINT        NOT NULL,
    dismissed_at   TIMESTAMP(6) WITH TIME ZONE,
    dismiss_reason VARCHAR(500),
    CONSTRAINT uq_insight_dedupe UNIQUE (project_id, dedupe_key)
);
CREATE INDEX ix_insight_project_seen ON insight (project_id, last_seen_at);
