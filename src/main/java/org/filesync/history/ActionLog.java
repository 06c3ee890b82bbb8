package org.filesync.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The log of every console and command-line action: appended as each is done, read by job or by run. */
public final class ActionLog {

    private static final String COLUMNS = "acted_at, actor, action, job_name, run_id, detail";

    private final JdbcClient jdbc;

    public ActionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ActionRecord append(String actor, JobAction action, String job, Long runId, String detail) {
        OffsetDateTime at = RunRegistry.now();
        jdbc.sql("INSERT INTO fs_action (" + COLUMNS + ") VALUES (:at, :actor, :action, :job, :run, :detail)")
                .param("at", at).param("actor", actor).param("action", action.label())
                .param("job", job).param("run", runId, Types.BIGINT).param("detail", detail)
                .update();
        return new ActionRecord(at.toInstant(), actor, action, job, runId, detail);
    }

    /** The job's actions, newest first. */
    public List<ActionRecord> ofJob(String job, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fs_action WHERE job_name = :job ORDER BY action_id DESC "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("job", job).param("limit", limit).query(ActionLog::action).list();
    }

    /** The actions on one run, oldest first. */
    public List<ActionRecord> ofRun(long runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fs_action WHERE run_id = :run ORDER BY action_id")
                .param("run", runId).query(ActionLog::action).list();
    }

    private static ActionRecord action(ResultSet rs, int row) throws SQLException {
        return new ActionRecord(RunHistory.instant(rs, 1), rs.getString(2), JobAction.ofLabel(rs.getString(3)),
                rs.getString(4), rs.getObject(5, Long.class), rs.getString(6));
    }
}
