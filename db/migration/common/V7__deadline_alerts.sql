-- A deadline alert belongs to a job and the deadline it is about; it is shown with the job's latest
-- run, and has no run when the job never ran. One per job, deadline and channel: the unique index
-- is what keeps two nodes checking at the same moment from both sending it (the other alerts leave
-- due_at NULL, which a unique index does not compare).
ALTER TABLE fs_notification ALTER COLUMN run_id DROP NOT NULL;
ALTER TABLE fs_notification ADD COLUMN job_name VARCHAR(200);
ALTER TABLE fs_notification ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX fs_notification_deadline ON fs_notification (job_name, due_at, channel);
