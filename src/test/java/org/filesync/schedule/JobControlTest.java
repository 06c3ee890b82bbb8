package org.filesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.history.ActionLog;
import org.filesync.history.ActionRecord;
import org.filesync.history.JobAction;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.notify.RunAlerts;
import org.filesync.settings.ServerSettings;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's actions and read model on a real scheduler node (H2 file, Quartz JDBC store) against a real FTP server. */
class JobControlTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String EVERY_SECOND = "schedule: \"* * * * * ?\"";

    @TempDir
    Path dir;

    private ApacheFtpServer server;
    private MirrorHarness harness;
    private Path jobs;
    private SchedulerNode node;

    @BeforeEach
    void startServer() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/hello.txt"), "hello");
        server = ApacheFtpServer.start(dir.resolve("served"));
        harness = new MirrorHarness(dir);
        jobs = Files.createDirectories(dir.resolve("node-jobs"));
        Files.writeString(jobs.resolve("pw.txt"), ApacheFtpServer.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.stop(Duration.ofSeconds(10));
        }
        harness.close();
        server.close();
    }

    private void job(String name, String... extra) {
        List<String> lines = new ArrayList<>(List.of("remote:",
                "  url: ftp://" + ApacheFtpServer.USER + "@127.0.0.1:" + server.port() + "/pub",
                "  passwordFile: pw.txt", "local:", "  path: ../mirror/" + name));
        lines.addAll(List.of(extra));
        JobFiles.write(jobs, name + ".yaml", lines.toArray(String[]::new));
    }

    private SchedulerNode startNode() throws Exception {
        FilesyncMeters meters = new FilesyncMeters(new SimpleMeterRegistry());
        return SchedulerNode.start(harness.database(), jobs, NodeIdentity.current("control-test"),
                CommonsNetSessionFactory::new, RunAlerts.start(harness.database(), ServerSettings.NONE, meters), meters);
    }

    private List<RunRecord> runs(String job) {
        return new RunHistory(harness.database().jdbc()).recentRuns(job, 1000);
    }

    private JobStatus status(String job) {
        return node.jobStatuses().stream().filter(status -> status.name().equals(job)).findFirst().orElseThrow();
    }

    private List<ActionRecord> actions(String job) {
        return new ActionLog(harness.database().jdbc()).ofJob(job, 10);
    }

    @Test
    void runNowRunsAJobWithoutScheduleAsManualNamingWhoStartedIt() throws Exception {
        job("by-hand");
        node = startNode();

        node.control().runNow("by-hand", "alice");

        await().atMost(PATIENCE).until(() -> runs("by-hand").stream().anyMatch(run -> run.status() == RunStatus.COMPLETED));
        RunRecord run = runs("by-hand").get(0);
        assertThat(run.trigger()).isEqualTo("manual");
        assertThat(run.startedBy()).isEqualTo("alice");
        assertThat(run.fireTime()).isNull();
        assertThat(dir.resolve("mirror/by-hand/hello.txt")).hasContent("hello");
        assertThat(actions("by-hand")).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo(JobAction.RUN_NOW);
            assertThat(action.actor()).isEqualTo("alice");
        });
    }

    @Test
    void runNowOfAJobThatIsRunningIsRecordedSkippedNamingWhoAsked() throws Exception {
        Files.write(dir.resolve("served/pub/big.bin"), new byte[8 << 20]);
        job("slow", "bandwidthLimit: 1MB");
        node = startNode();
        node.control().runNow("slow", "alice");
        await().atMost(PATIENCE).until(() -> status("slow").running());

        node.control().runNow("slow", "bob");

        await().atMost(PATIENCE).until(() -> runs("slow").stream().anyMatch(run -> run.status() == RunStatus.SKIPPED));
        RunRecord skipped = runs("slow").get(0);
        assertThat(skipped.trigger()).isEqualTo("manual");
        assertThat(skipped.startedBy()).isEqualTo("bob");
        assertThat(skipped.error()).contains("already running as run " + runs("slow").get(1).runId());
        assertThat(runs("slow").get(1).status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void pausedJobDoesNotFireAndFiresAgainOnceResumed() throws Exception {
        job("tick", EVERY_SECOND);
        node = startNode();
        await().atMost(PATIENCE).until(() -> !runs("tick").isEmpty());

        node.control().pause("tick", "alice");
        await().atMost(PATIENCE).until(() -> runs("tick").stream().noneMatch(run -> run.status() == RunStatus.RUNNING));
        int beforeWait = runs("tick").size();
        Thread.sleep(3_000);

        assertThat(runs("tick")).hasSize(beforeWait);
        assertThat(status("tick").paused()).isTrue();
        assertThat(status("tick").nextFireTime()).isNull();

        node.control().resume("tick", "bob");

        await().atMost(PATIENCE).until(() -> runs("tick").size() > beforeWait);
        assertThat(status("tick").paused()).isFalse();
        assertThat(actions("tick")).extracting(ActionRecord::action, ActionRecord::actor)
                .containsExactly(tuple(JobAction.RESUME, "bob"),
                        tuple(JobAction.PAUSE, "alice"));
    }

    @Test
    void pauseSurvivesAChangedScheduleAndARestartOfTheNode() throws Exception {
        job("nightly", "schedule: \"0 30 2 * * ?\"");
        node = startNode();
        node.control().pause("nightly", "alice");

        job("nightly", "schedule: \"0 45 3 * * ?\"");
        await().atMost(PATIENCE).until(() -> status("nightly").schedule().equals("0 45 3 * * ?"));
        boolean pausedAfterChange = status("nightly").paused();
        node.stop(Duration.ofSeconds(10));
        node = startNode();

        assertThat(pausedAfterChange).isTrue();
        assertThat(status("nightly").paused()).isTrue();
        node.control().resume("nightly", "alice");
        assertThat(status("nightly").nextFireTime()).isNotNull();
        assertThat(status("nightly").nextFireTime().toString()).endsWith(":45:00Z");
    }

    @Test
    void actionsOnUnknownJobsAndRunsOrOnRunsThatEndedAreRefusedAndChangeNothing() throws Exception {
        job("by-hand");
        node = startNode();
        RunRecord ended = harness.run(harness.job("by-hand", server, "download", "pub", dir.resolve("other")));

        assertThatThrownBy(() -> node.control().pause("nope", "alice")).isInstanceOf(ActionRefusedException.class)
                .hasMessage("no job named nope")
                .satisfies(e -> assertThat(((ActionRefusedException) e).reason()).isEqualTo(ActionRefusedException.Reason.UNKNOWN));
        assertThatThrownBy(() -> node.control().pause("by-hand", "alice")).isInstanceOf(ActionRefusedException.class)
                .hasMessage("cannot pause job by-hand: it has no schedule");
        assertThatThrownBy(() -> node.control().stop(999_999, "alice")).isInstanceOf(ActionRefusedException.class)
                .hasMessage("no run with id 999999");
        assertThatThrownBy(() -> node.control().stop(ended.runId(), "alice")).isInstanceOf(ActionRefusedException.class)
                .hasMessage("run " + ended.runId() + " of job by-hand is not running: it ended COMPLETED")
                .satisfies(e -> assertThat(((ActionRefusedException) e).reason()).isEqualTo(ActionRefusedException.Reason.CONFLICT));
        assertThat(actions("by-hand")).isEmpty();
    }

    @Test
    void readModelShowsTheOlderDefinitionOfABrokenFileWithItsErrors() throws Exception {
        job("nightly", "description: the good one", "schedule: \"0 30 2 * * ?\"");
        node = startNode();

        job("nightly", "description: the broken one", "schedule: \"0 30 2 * * ?\"", "parallel: -1");

        await().atMost(PATIENCE).until(() -> !node.jobFileErrors().isEmpty());
        assertThat(node.jobFileErrors()).singleElement().asString().contains("nightly.yaml", "parallel");
        assertThat(status("nightly").description()).isEqualTo("the good one");
        assertThat(status("nightly").nextFireTime().toString()).endsWith(":30:00Z");
    }
}
