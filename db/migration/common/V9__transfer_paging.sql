-- The console pages a run's files by keyset (transfer_id after the last one shown), with or without
-- a status filter: an index that ends in transfer_id serves each page in order, without a sort, and
-- as fast at the end of 100,000 files as at the start. The old (run_id, status) index is a prefix of
-- the new one, which serves its queries too.
DROP INDEX fs_transfer_run_status;
CREATE INDEX fs_transfer_run_status_id ON fs_transfer (run_id, status, transfer_id);
CREATE INDEX fs_transfer_run_id ON fs_transfer (run_id, transfer_id);
