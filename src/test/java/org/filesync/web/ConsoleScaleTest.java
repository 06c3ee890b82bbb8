package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferLog;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.notify.RunAlerts;
import org.filesync.schedule.SchedulerNode;
import org.filesync.settings.ServerSettings;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.PastRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over a history of 1,000 runs and one run of 100,000 files (H2): every page answers
 * with what it should, and how long each took is printed (not asserted: the machine is shared).
 */
class ConsoleScaleTest {

    private static final int JOBS = 5;
    private static final int RUNS_PER_JOB = 200;
    private static final int FILES = 100_000;
    private static final int FAILED_FILES = 1_000;
    private static final int TIMED_REQUESTS = 7;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesAnswerOverAThousandRunsAndAHundredThousandFiles() throws Exception {
        try (MirrorHarness harness = new MirrorHarness(dir)) {
            PastRuns past = new PastRuns(harness.database(), Instant.now());
            Path jobs = Files.createDirectories(dir.resolve("console-jobs"));
            for (int job = 0; job < JOBS; job++) {
                JobFiles.write(jobs, "job" + job + ".yaml", "schedule: \"0 30 2 * * ?\"", "remote:", "  url: ftp://127.0.0.1/",
                        "local:", "  path: ../job" + job);
                for (int day = RUNS_PER_JOB + 1; day > 1; day--) {
                    past.finished("job" + job, day, day % 7 == 0 ? RunStatus.FAILED : RunStatus.COMPLETED, 0);
                }
            }
            long big = past.finished("job0", 1, RunStatus.COMPLETED_WITH_ERRORS, FILES - FAILED_FILES);
            new TransferLog(harness.database().dataSource()).insert(big, "DOWNLOAD", IntStream.range(0, FAILED_FILES)
                    .mapToObj(i -> TransferLog.NewTransfer.failed("late/f" + i, "refused", 550, "550 no")).toList());
            long nearTheEnd = harness.database().jdbc().sql("SELECT MAX(transfer_id) FROM fs_transfer WHERE run_id = :run")
                    .param("run", big).query(Long.class).single() - 50;

            FilesyncMeters meters = new FilesyncMeters(new SimpleMeterRegistry());
            SchedulerNode scheduler = SchedulerNode.start(harness.database(), jobs, NodeIdentity.current("scale-test"),
                    CommonsNetSessionFactory::new, RunAlerts.start(harness.database(), ServerSettings.NONE, meters), meters);
            try (WebApplication web = WebApplication.start(new InetSocketAddress("127.0.0.1", 0), harness.database(), scheduler,
                    List.of())) {
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put("/", "href=\"/jobs/job4\"");
                pages.put("/jobs/job0", "data-chart=\"bytes-duration\"");
                pages.put("/jobs/job0?page=4", "rel=\"prev\"");
                pages.put("/runs/" + big, "pub/f99");
                pages.put("/runs/" + big + "?after=" + nearTheEnd, "late/f999");
                pages.put("/runs/" + big + "?status=FAILED", "late/f0");
                pages.put("/runs/" + big + "?status=FAILED&after=" + nearTheEnd, "late/f999");
                pages.put("/runs/" + big + "?status=DONE&before=" + nearTheEnd, "pub/f98999");
                StringBuilder report = new StringBuilder("console pages over " + JOBS * RUNS_PER_JOB + " runs and a run of "
                        + FILES + " files, median of " + TIMED_REQUESTS + " requests after one warm-up:\n");
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    long[] millis = time(web.port(), page.getKey(), page.getValue());
                    Arrays.sort(millis);
                    report.append(String.format("  %-40s %5d ms (min %d, max %d)%n", page.getKey().replace(String.valueOf(big), "BIG"),
                            millis[millis.length / 2], millis[0], millis[millis.length - 1]));
                }
                System.out.print(report);
            } finally {
                scheduler.stop(Duration.ofSeconds(5));
            }
        }
    }

    private long[] time(int port, String path, String expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
        HttpResponse<String> warmUp = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(warmUp.statusCode()).as(path).isEqualTo(200);
        assertThat(warmUp.body()).as(path).contains(expected);
        long[] millis = new long[TIMED_REQUESTS];
        for (int i = 0; i < TIMED_REQUESTS; i++) {
            long start = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        return millis;
    }
}
