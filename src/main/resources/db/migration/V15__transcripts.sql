-- The part of a call's cache writes that went to the 1-hour cache (billed at its own price; null:
-- the source did not say), and how far this sidecar has read each agent transcript file, so that a
-- restart reads on from there instead of counting a file twice.
ALTER TABLE usage_record ADD COLUMN cache_write_1h_tokens BIGINT;

CREATE TABLE transcript_file (
    instance_id VARCHAR(200) NOT NULL,
    path VARCHAR(1024) NOT NULL,
    file_key VARCHAR(200),
    read_offset BIGINT NOT NULL,
    skipped_lines BIGINT NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (instance_id, path)
);
