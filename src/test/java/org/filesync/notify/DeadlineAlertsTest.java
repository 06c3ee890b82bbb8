package org.filesync.notify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.filesync.metrics.FilesyncMeters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.filesync.history.HistoryFormats;
import org.filesync.history.HistoryJson;
import org.filesync.history.NotificationLog;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.NotifyEvent;
import org.filesync.settings.ServerSettings;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadline check at a given moment, against a real database and a real HTTP receiver: what a
 * deadline alert of a job that never ran says and records, and that it is sent once.
 */
class DeadlineAlertsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Instant SCHEDULED_SINCE = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;

    private ApacheFtpServer server;
    private MirrorHarness harness;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        server = ApacheFtpServer.start(dir.resolve("served"));
        harness = new MirrorHarness(dir);
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        harness.close();
        server.close();
    }

    /** The scheduler's view of one job, scheduled since {@link #SCHEDULED_SINCE}. */
    private record OneJob(JobDefinition job) implements FiredJobs {
        @Override
        public Collection<JobDefinition> jobs() {
            return List.of(job);
        }

        @Override
        public Optional<Instant> scheduledSince(String name) {
            return Optional.of(SCHEDULED_SINCE);
        }
    }

    @Test
    void jobThatNeverRanIsAlertedOnceWithoutARun() throws Exception {
        JobDefinition job = harness.job("nightly", server, "download", "pub", dir.resolve("mirror"),
                "schedule: \"0 30 2 * * ?\"", "timezone: UTC",
                "notify: {webhook: '" + receiver.url() + "', deadline: '06:00'}");
        RunAlerts alerts = new RunAlerts(harness.database(), ServerSettings.NONE, List.of(new WebhookChannel()),
                Clock.systemUTC(), new FilesyncMeters(new SimpleMeterRegistry()));
        DeadlineWatcher watcher = new DeadlineWatcher(alerts, new OneJob(job), "node-x");

        watcher.check(Instant.parse("2026-12-01T05:59:59Z"));
        watcher.check(Instant.parse("2026-12-01T06:00:01Z"));
        JsonNode alert = HistoryJson.mapper().readTree(receiver.next(PATIENCE).body());
        watcher.check(Instant.parse("2026-12-01T06:01:01Z"));
        alerts.awaitDelivery(PATIENCE);

        assertThat(alert.get("event").asText()).isEqualTo("deadline");
        assertThat(alert.get("job").asText()).isEqualTo("nightly");
        assertThat(alert.get("run").isNull()).isTrue();
        assertThat(alert.get("node").asText()).isEqualTo("node-x");
        assertThat(receiver.waiting()).as("alerts besides the one").isZero();
        assertThat(harness.database().jdbc().sql("SELECT run_id, status FROM fs_notification WHERE job_name = 'nightly'")
                .query().listOfRows()).singleElement().satisfies(row -> {
                    assertThat(row.get("RUN_ID")).isNull();
                    assertThat(row.get("STATUS")).isEqualTo("SENT");
                });
    }

    @Test
    void deadlineMailNamesTheFireAndTheDeadlineMissed() {
        Alert alert = new Alert(NotifyEvent.DEADLINE, "nightly", null, "node-x",
                new DueFire(Instant.parse("2026-12-01T02:30:00Z"), Instant.parse("2026-12-01T06:00:00Z")));

        assertThat(AlertMail.subject(alert)).isEqualTo("[filesync] nightly: deadline (no run)");
        assertThat(AlertMail.body(alert, List.of())).contains("no COMPLETED run answering its fire of "
                + HistoryFormats.time(alert.missed().fire()) + " by its deadline, " + HistoryFormats.time(alert.missed().due()))
                .contains("It has no run yet.");
    }

    @Test
    void aSecondNodeRecordingTheSameDeadlineHasNothingToSend() {
        NotificationLog log = new NotificationLog(harness.database().dataSource());
        Instant due = Instant.parse("2026-12-01T06:00:00Z");

        assertThat(log.pendingDeadline(null, "nightly", due, "webhook")).isPresent();
        assertThat(log.pendingDeadline(null, "nightly", due, "webhook")).isEmpty();
        assertThat(log.pendingDeadline(null, "nightly", due.plus(Duration.ofDays(1)), "webhook")).isPresent();
        assertThat(log.deadlineAlerted("nightly", due)).isTrue();
    }
}
