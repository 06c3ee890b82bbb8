package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may start a run of a job: one live run at a time, and a dead one never blocks the job. */
class RunRegistryTest {

    @TempDir
    Path dir;

    private Database database;
    private RunRegistry runs;
    private final NodeIdentity self = NodeIdentity.current(null);

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.resolve("jdbc:h2:file:" + dir.resolve("db"), Map.of()), 2);
        runs = new RunRegistry(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void runningRowOf(long pid, String heartbeat) {
        database.jdbc().sql("INSERT INTO fs_run (job_name, status, trigger_type, started_at, node, host_name, pid, "
                        + "heartbeat_at) VALUES ('j', 'RUNNING', 'manual', CURRENT_TIMESTAMP, 'old-node', :host, :pid, "
                        + "CAST(:heartbeat AS TIMESTAMP WITH TIME ZONE))")
                .param("host", self.host()).param("pid", pid).param("heartbeat", heartbeat).update();
    }

    @Test
    void staleRunWhosePidNowBelongsToAnotherLiveProcessDoesNotBlockTheJob() throws Exception {
        long unrelatedLivePid = ProcessHandle.current().parent().orElseThrow().pid();
        runningRowOf(unrelatedLivePid, "2020-01-01 00:00:00+00");

        RunStart start = runs.begin("j", RunTrigger.manual("tester"), self);

        assertThat(start.resumes()).isNull();
        assertThat(new RunHistory(database.jdbc()).recentRuns("j", 5)).extracting(RunRecord::status)
                .containsExactly(RunStatus.RUNNING, RunStatus.FAILED);
    }

    @Test
    void liveRunWithAFreshHeartbeatRefusesASecondOne() throws Exception {
        RunStart first = runs.begin("j", RunTrigger.manual("tester"), self);
        NodeIdentity otherHost = new NodeIdentity("elsewhere", "another-host", 4242);

        assertThatThrownBy(() -> runs.begin("j", RunTrigger.manual("tester"), otherHost))
                .isInstanceOf(JobAlreadyRunningException.class)
                .hasMessageContaining("already running as run " + first.runId());
    }

    @Test
    void aRunClosedByAnotherProcessNoLongerHeartbeatsNorFinishes() throws Exception {
        RunStart start = runs.begin("j", RunTrigger.manual("tester"), self);
        database.jdbc().sql("UPDATE fs_run SET status = 'FAILED', error = 'interrupted' WHERE run_id = :id")
                .param("id", start.runId()).update();

        assertThat(runs.heartbeat(start.runId())).isFalse();
        runs.finish(start.runId(), RunStatus.COMPLETED, new RunCounters(1, 0, 0, 0, 1), null);

        assertThat(new RunHistory(database.jdbc()).run(start.runId()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }
}
