-- Fleet mode: usage totals per instance, so the page can narrow usage to one pod or namespace
-- without scanning the records (which retention purges, while rollups are kept). The rollup's
-- primary key gains instance_id; the table is rebuilt, as in V7, because dropping a primary key
-- needs its constraint name, which H2 and PostgreSQL choose differently. Rows rolled up before
-- this version belong to no known instance: they keep instance_id '' and count in fleet totals
-- only, never in a view narrowed to a pod.
CREATE TABLE usage_rollup_by_instance (
    usage_day          DATE         NOT NULL,
    project_id         BIGINT       NOT NULL,
    provider           VARCHAR(100) NOT NULL,
    model              VARCHAR(200) NOT NULL,
    call_role          VARCHAR(100) NOT NULL,
    instance_id        VARCHAR(253) NOT NULL,
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
    PRIMARY KEY (usage_day, project_id, provider, model, call_role, instance_id)
);

INSERT INTO usage_rollup_by_instance
SELECT usage_day, project_id, provider, model, call_role, '',
       requests, errors, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
       reasoning_tokens, reported_cost_usd, estimated_cost_usd, reported_requests,
       estimated_requests, unknown_cost_requests, latency_requests, latency_sum_ms,
       lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10,
       lat_b11, lat_b12, lat_b13
FROM usage_rollup;

DROP TABLE usage_rollup;
ALTER TABLE usage_rollup_by_instance RENAME TO usage_rollup;
