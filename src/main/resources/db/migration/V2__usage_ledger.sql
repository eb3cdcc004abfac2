-- One row per LLM call the agent reported. Token counts follow the OpenTelemetry GenAI
-- conventions: input_tokens includes the cached part; cache_* are parts of it.
-- Ids come from a sequence that hands out blocks of 50, so Hibernate can batch the inserts of an
-- array (an identity column would force one round trip per row).
CREATE SEQUENCE usage_record_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE usage_record (
    id                 BIGINT PRIMARY KEY,
    request_id         VARCHAR(200),
    session_id         VARCHAR(128) REFERENCES agent_session (id) ON DELETE SET NULL,
    project_id         BIGINT REFERENCES project (id),
    provider           VARCHAR(100) NOT NULL,
    model              VARCHAR(200) NOT NULL,
    call_role          VARCHAR(100) NOT NULL,
    input_tokens       BIGINT NOT NULL,
    output_tokens      BIGINT NOT NULL,
    cache_read_tokens  BIGINT NOT NULL,
    cache_write_tokens BIGINT NOT NULL,
    reasoning_tokens   BIGINT NOT NULL,
    cost_usd           DECIMAL(24, 10),
    cost_source        VARCHAR(10) NOT NULL,
    price_version      VARCHAR(40),
    latency_ms         BIGINT,
    ok                 BOOLEAN NOT NULL,
    error              VARCHAR(4000),
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_usage_request_id UNIQUE (request_id)
);
CREATE INDEX ix_usage_created ON usage_record (created_at);
CREATE INDEX ix_usage_project_created ON usage_record (project_id, created_at);
CREATE INDEX ix_usage_session_created ON usage_record (session_id, created_at);

-- Running totals per UTC day, project (0 = none), provider, model and role, updated in the
-- same transaction as each record, so summaries never scan usage_record. Latency is counted
-- in fixed buckets (upper bounds in ms: 100, 250, 500, 1000, 2000, 5000, 10000, 20000, 30000,
-- 60000, 120000, 300000, 600000, and above) so p95 comes from the rollup too.
CREATE TABLE usage_rollup (
    usage_day          DATE         NOT NULL,
    project_id         BIGINT       NOT NULL,
    provider           VARCHAR(100) NOT NULL,
    model              VARCHAR(200) NOT NULL,
    call_role          VARCHAR(100) NOT NULL,
    requests           BIGINT NOT NULL,
    errors             BIGINT NOT NULL,
    input_tokens       BIGINT NOT NULL,
    output_tokens      BIGINT NOT NULL,
    cache_read_tokens  BIGINT NOT NULL,
    cache_write_tokens BIGINT NOT NULL,
    reasoning_tokens   BIGINT NOT NULL,
    reported_cost_usd  DECIMAL(24, 10) NOT NULL,
    estimated_cost_usd DECIMAL(24, 10) NOT NULL,
    reported_requests  BIGINT NOT NULL,
    estimated_requests BIGINT NOT NULL,
    unknown_cost_requests BIGINT NOT NULL,
    latency_requests   BIGINT NOT NULL,
    latency_sum_ms     BIGINT NOT NULL,
    lat_b0  BIGINT NOT NULL, lat_b1  BIGINT NOT NULL, lat_b2  BIGINT NOT NULL,
    lat_b3  BIGINT NOT NULL, lat_b4  BIGINT NOT NULL, lat_b5  BIGINT NOT NULL,
    lat_b6  BIGINT NOT NULL, lat_b7  BIGINT NOT NULL, lat_b8  BIGINT NOT NULL,
    lat_b9  BIGINT NOT NULL, lat_b10 BIGINT NOT NULL, lat_b11 BIGINT NOT NULL,
    lat_b12 BIGINT NOT NULL, lat_b13 BIGINT NOT NULL,
    PRIMARY KEY (usage_day, project_id, provider, model, call_role)
);
