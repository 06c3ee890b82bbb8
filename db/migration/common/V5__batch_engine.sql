-- A run resumes its predecessor by restarting that run's Spring Batch job instance, found through
-- batch_execution_id: the job repository knows the instance, so filesync no longer keeps a key of its own.
ALTER TABLE fs_run DROP COLUMN instance_key;

-- Files the plan found unchanged are counted here, not written as one SKIPPED row each: a nightly
-- re-check of a large unchanged tree adds a constant number of rows.
ALTER TABLE fs_run ADD COLUMN files_unchanged INT DEFAULT 0 NOT NULL;
