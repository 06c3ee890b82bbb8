package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.filesync.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries alerts are decided by, on H2 and on a real PostgreSQL: the same failure since the
 * last COMPLETED run, the previous outcome, the failed files an e-mail lists.
 */
class NotificationQueriesTest {

    private static final NodeIdentity NODE = NodeIdentity.current("n");
    private static final RunCounters NONE = new RunCounters(0, 0, 0, 0, 0);

    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        try (Database database = Database.open(DatabaseSettings.resolve(
                "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", Map.of()), 2)) {
            alertQueries(database);
        }
    }

    @Test
    void onPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
             Database database = TestDatabases.postgres(postgres, 2)) {
            alertQueries(database);
        }
    }

    private static void alertQueries(Database database) throws Exception {
        RunRegistry runs = new RunRegistry(database.dataSource());
        RunHistory history = new RunHistory(database.jdbc());
        NotificationLog notifications = new NotificationLog(database.dataSource());

        RunRecord first = finished(database, runs, RunStatus.FAILED, "connection refused");
        new TransferLog(database.dataSource()).insert(first.runId(), "DOWNLOAD", List.of(
                TransferLog.NewTransfer.failed("b.bin", "refused", 550, "550 no"),
                TransferLog.NewTransfer.failed("a.bin", "refused", 553, "553 no"),
                TransferLog.NewTransfer.failed("c.bin", "refused", 550, "550 no")));
        Instant sentAt = Instant.parse("2026-12-01T02:30:00Z");
        notifications.sent(notifications.pending(first.runId(), "webhook", "failure"), 1, sentAt);
        RunRecord same = finished(database, runs, RunStatus.FAILED, "connection refused");
        RunRecord other = finished(database, runs, RunStatus.FAILED, "login refused");

        assertThat(notifications.lastSentForSameFailure(same)).contains(sentAt);
        assertThat(notifications.lastSentForSameFailure(other)).isEmpty();
        assertThat(history.previousOutcome(same)).contains(RunStatus.FAILED);
        assertThat(history.failedTransfers(first.runId(), 2)).extracting(TransferRecord::path, TransferRecord::replyCode)
                .containsExactly(tuple("a.bin", 553),
                        tuple("b.bin", 550));
        assertThat(history.notifications(first.runId())).singleElement()
                .satisfies(notification -> assertThat(notification.sentAt()).isEqualTo(sentAt));

        RunRecord unanswered = finished(database, runs, RunStatus.FAILED, "login refused");
        notifications.pending(unanswered.runId(), "webhook", "failure");
        RunRecord next = finished(database, runs, RunStatus.FAILED, "login refused");
        assertThat(notifications.lastSentForSameFailure(next)).as("an alert still being delivered")
                .contains(unanswered.finishedAt());

        RunRecord completed = finished(database, runs, RunStatus.COMPLETED, null);
        RunRecord again = finished(database, runs, RunStatus.FAILED, "connection refused");
        assertThat(history.previousOutcome(completed)).contains(RunStatus.FAILED);
        assertThat(notifications.lastSentForSameFailure(again)).as("a COMPLETED run ends the series").isEmpty();
    }

    private static RunRecord finished(Database database, RunRegistry runs, RunStatus status, String error)
            throws Exception {
        long runId = runs.begin("job", RunTrigger.manual("tester"), NODE).runId();
        runs.finish(runId, status, NONE, error);
        Thread.sleep(5); // runs end in order, at distinct milliseconds
        return new RunHistory(database.jdbc()).run(runId).orElseThrow();
    }
}
