package org.filesync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.filesync.history.Database;
import org.filesync.history.RunDetails;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.schedule.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's JSON API: the jobs, the runs and each run's files, as the same JSON the command
 * line prints ({@code /api/jobs}, {@code /api/runs}, {@code /api/runs/ID}). It never changes
 * anything, and shows no password. The pages for people are {@link ConsolePages}.
 */
@RestController
final class DashboardController {

    private static final Logger log = LoggerFactory.getLogger(DashboardController.class);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final Database database;
    private final ConsoleJobs jobs;

    DashboardController(Database database, ConsoleJobs jobs) {
        this.database = database;
        this.jobs = jobs;
    }

    @GetMapping("/api/jobs")
    ResponseEntity<String> jobsAsJson() throws JsonProcessingException {
        return json(jobs());
    }

    @GetMapping("/api/runs")
    ResponseEntity<String> runsAsJson(@RequestParam(required = false) String job,
                                      @RequestParam(required = false) String limit) throws JsonProcessingException {
        return json(runs(job, limit(limit)));
    }

    @GetMapping("/api/runs/{runId:\\d+}")
    ResponseEntity<String> runAsJson(@PathVariable long runId) throws JsonProcessingException {
        RunDetails details = new RunHistory(database.jdbc()).details(runId).orElse(null);
        return details == null ? noRun(runId) : json(details);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> historyUnreadable(RuntimeException e) {
        log.warn("dashboard: a request failed: {}", e.getMessage());
        log.debug("dashboard failure", e);
        return send(HttpStatus.INTERNAL_SERVER_ERROR, TEXT, "the history could not be read; see the log");
    }

    private List<JobStatus> jobs() {
        return jobs.statuses();
    }

    private List<RunRecord> runs(String job, int limit) {
        return new RunHistory(database.jdbc()).recentRuns(job, limit);
    }

    private static int limit(String text) {
        try {
            return text == null ? 20 : Math.max(1, Math.min(1000, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 20;
        }
    }

    private static ResponseEntity<String> noRun(long runId) {
        return send(HttpStatus.NOT_FOUND, TEXT, "no run with id " + runId);
    }

    private static ResponseEntity<String> json(Object document) throws JsonProcessingException {
        return ApiAnswers.json(HttpStatus.OK, document);
    }

    private static ResponseEntity<String> send(HttpStatus status, MediaType type, String body) {
        return ResponseEntity.status(status).contentType(type).cacheControl(CacheControl.noStore()).body(body);
    }
}
