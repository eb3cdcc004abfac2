-- What the agent is working towards. project_id null means a global goal.
CREATE TABLE goal (
    id               VARCHAR(36)  PRIMARY KEY,
    project_id       BIGINT REFERENCES project (id),
    title            VARCHAR(300) NOT NULL,
    detail           VARCHAR(4000),
    status           VARCHAR(20)  NOT NULL,
    priority         VARCHAR(10)  NOT NULL,
    progress_percent INTEGER      NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_goal_project_status ON goal (project_id, status);

-- Short settings per key, per project or global (project_id 0, so the key stays unique: a
-- NULL would not take part in the primary key). A project's value overrides the global one.
CREATE TABLE preference (
    project_id BIGINT        NOT NULL,
    pref_key   VARCHAR(100)  NOT NULL,
    pref_value VARCHAR(1000) NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, pref_key)
);

-- The recap lists the newest sessions of all projects when there is no active project.
CREATE INDEX ix_session_activity ON agent_session (last_activity_at);
