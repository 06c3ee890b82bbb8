package org.filesync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import org.filesync.history.Database;
import org.filesync.history.RunDetails;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.schedule.JobStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    private static ResponseEntity<String> noRun(long runId) throws JsonProcessingException {
        return ApiAnswers.json(HttpStatus.NOT_FOUND, Map.of("error", "no run with id " + runId));
    }

    private static ResponseEntity<String> json(Object document) throws JsonProcessingException {
        return ApiAnswers.json(HttpStatus.OK, document);
    }
}
