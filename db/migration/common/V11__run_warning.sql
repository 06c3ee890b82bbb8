-- What a run that otherwise went well wants its operator to know (a server that limited
-- connections): kept apart from error, which says why a run failed.
ALTER TABLE fs_run ADD COLUMN warning VARCHAR(4000);
