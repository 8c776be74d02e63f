-- The results store, version 1. One script for SQLite and PostgreSQL: only types and statements both
-- accept, and natural keys written by the importer (hashes, ordinals), so no auto-increment dialect.
-- Times are ISO-8601 text (sorts in time order); booleans are 0/1 integers; a missing number is NULL.

-- A machine is every field of env.json that changes what is measured: CPU, memory, OS, JVM and flags.
CREATE TABLE machine (
    fingerprint  VARCHAR(64) PRIMARY KEY,
    cpu_model    TEXT NOT NULL,
    cores        INTEGER NOT NULL,
    memory_bytes BIGINT NOT NULL,
    os           TEXT NOT NULL,
    jvm_name     TEXT NOT NULL,
    jvm_version  TEXT NOT NULL,
    jvm_flags    TEXT NOT NULL
);

-- A run is keyed by the SHA-256 of its env.json, manifest.json, raw/jmh-*.json and raw/hdr/*.hlog:
-- importing the same run again, from any path, finds the key and writes nothing.
CREATE TABLE run (
    content_hash  VARCHAR(64) PRIMARY KEY,
    machine       VARCHAR(64) NOT NULL REFERENCES machine (fingerprint),
    git_commit    TEXT NOT NULL,
    profile       TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    command_line  TEXT NOT NULL,
    source_path   TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    env_json      TEXT NOT NULL,
    manifest_json TEXT
);
CREATE INDEX run_by_machine_and_time ON run (machine, started_at);

-- One JMH result of a run: the primary metric (metric = '') or one secondary metric (or, mode 'hdr', one
-- percentile of an HdrHistogram interval log, a value per interval as its samples), for one
-- implementation at one point. params holds every other JMH param, 'name=value' sorted, comma separated.
CREATE TABLE figure (
    run         VARCHAR(64) NOT NULL REFERENCES run (content_hash) ON DELETE CASCADE,
    figure_no   INTEGER NOT NULL,
    source_file TEXT NOT NULL,
    harness     TEXT NOT NULL,
    benchmark   TEXT NOT NULL,
    impl        TEXT NOT NULL,
    baseline    INTEGER NOT NULL,
    params      TEXT NOT NULL,
    mode        TEXT NOT NULL,
    threads     INTEGER NOT NULL,
    metric      TEXT NOT NULL,
    unit        TEXT NOT NULL,
    score       DOUBLE PRECISION,
    score_error DOUBLE PRECISION,
    PRIMARY KEY (run, figure_no)
);
CREATE INDEX figure_by_point ON figure (benchmark, metric, impl);

-- JMH's raw data: one value per measurement iteration of each fork.
CREATE TABLE sample (
    run       VARCHAR(64) NOT NULL,
    figure_no INTEGER NOT NULL,
    fork      INTEGER NOT NULL,
    iteration INTEGER NOT NULL,
    value     DOUBLE PRECISION,
    PRIMARY KEY (run, figure_no, fork, iteration),
    FOREIGN KEY (run, figure_no) REFERENCES figure (run, figure_no) ON DELETE CASCADE
);
