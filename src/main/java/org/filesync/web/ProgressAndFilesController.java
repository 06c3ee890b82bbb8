package org.filesync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.filesync.history.Database;
import org.filesync.history.FileSearch;
import org.filesync.history.FileSearch.PathPattern;
import org.filesync.schedule.SchedulerNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON reads for the console: the live progress of a run this node is running
 * ({@code /api/runs/ID/progress}) and the file search ({@code /api/files}, the same document as
 * {@code filesync file --json}).
 */
@RestController
final class ProgressAndFilesController {

    private final Database database;
    private final SchedulerNode scheduler;

    ProgressAndFilesController(Database database, SchedulerNode scheduler) {
        this.database = database;
        this.scheduler = scheduler;
    }

    /** 404 for a run not running here: its figures are in {@code /api/runs/ID}. */
    @GetMapping("/api/runs/{runId:\\d+}/progress")
    ResponseEntity<String> progress(@PathVariable long runId) throws JsonProcessingException {
        var snapshot = scheduler.progress(runId);
        if (snapshot.isEmpty()) {
            return ApiAnswers.json(HttpStatus.NOT_FOUND, Map.of("runId", runId, "running", false,
                    "error", "run " + runId + " is not running on this node; see /api/runs/" + runId));
        }
        return ApiAnswers.json(HttpStatus.OK, snapshot.get());
    }

    @GetMapping("/api/files")
    ResponseEntity<String> files(@RequestParam(required = false) String path, @RequestParam(required = false) String job)
            throws JsonProcessingException {
        PathPattern pattern;
        try {
            pattern = PathPattern.of(path == null ? "" : path);
        } catch (IllegalArgumentException e) {
            return ApiAnswers.json(HttpStatus.BAD_REQUEST, Map.of("error", "path: " + e.getMessage()));
        }
        String onlyJob = job == null || job.isEmpty() ? null : job;
        return ApiAnswers.json(HttpStatus.OK, new FileSearch(database.dataSource()).find(pattern, onlyJob, FileSearch.DEFAULT_LIMIT));
    }
}
