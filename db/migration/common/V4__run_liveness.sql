-- Liveness of a RUNNING run, so the next run (or serve at start-up) can tell a live run from
-- one whose process died: on the same host by its pid, elsewhere by a stale heartbeat.
ALTER TABLE fs_run ADD COLUMN host_name VARCHAR(255);
ALTER TABLE fs_run ADD COLUMN pid BIGINT;
ALTER TABLE fs_run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;

-- One row per job, locked (SELECT ... FOR UPDATE) while a run checks for a running one and
-- registers itself, so two starts of one job can never both succeed, on one node or many.
CREATE TABLE fs_job_lock (
    job_name            VARCHAR(200) NOT NULL PRIMARY KEY
);

-- The source listing a transfer was planned from, so a later run resumes a partial file only
-- when the source still lists the same size and time.
ALTER TABLE fs_transfer ADD COLUMN reason VARCHAR(200);

-- The Spring Batch job instance a run belongs to: a resumed run restarts its predecessor's instance.
ALTER TABLE fs_run ADD COLUMN instance_key BIGINT;
