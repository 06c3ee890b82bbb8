-- PostgreSQL does not index a foreign key's referencing columns by itself (H2 does): without these,
-- deleting a run or a Spring Batch job execution scans the referencing table once per deleted row.
-- fs_transfer.run_id and fs_notification.run_id have theirs since V3 and V6.
CREATE INDEX fs_run_resumes ON fs_run (resumes_run_id);
CREATE INDEX batch_job_execution_instance ON BATCH_JOB_EXECUTION (JOB_INSTANCE_ID);
CREATE INDEX batch_job_execution_params_execution ON BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID);
CREATE INDEX batch_step_execution_execution ON BATCH_STEP_EXECUTION (JOB_EXECUTION_ID);
