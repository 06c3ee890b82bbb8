package org.filesync.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.filesync.history.ActionLog;
import org.filesync.history.Database;
import org.filesync.history.FileSearch;
import org.filesync.history.FileSearch.PathPattern;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.TransferPages;
import org.filesync.history.TransferStatus;
import org.filesync.schedule.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's pages for people: the overview, a page per job, a page per run and the file
 * search, rendered by Thymeleaf templates.
 */
@Controller
final class ConsolePages {

    private static final Logger log = LoggerFactory.getLogger(ConsolePages.class);
    static final int RECENT_RUNS = 50;
    static final int SPARKLINE_RUNS = 30;
    static final int CHART_RUNS = 500;
    static final int RUNS_PER_PAGE = 50;
    static final int FILES_PER_PAGE = 100;

    private final Database database;
    private final ConsoleJobs jobs;
    private final PageFormats formats = new PageFormats(Clock.systemUTC());

    ConsolePages(Database database, ConsoleJobs jobs) {
        this.database = database;
        this.jobs = jobs;
    }

    record OverviewRow(JobStatus job, Instant lastSuccess, String series) {
    }

    @ModelAttribute("fmt")
    PageFormats formats() {
        return formats;
    }

    /** The action buttons show only to whoever may press them; security refuses everyone else anyway. */
    @ModelAttribute("mayAct")
    boolean mayAct(Authentication user) {
        return ConsoleSecurity.mayAct(user);
    }

    @GetMapping("/")
    ModelAndView overview() {
        RunHistory history = history();
        Map<String, Instant> lastSuccess = history.lastSuccessOfEachJob();
        List<OverviewRow> rows = jobs.statuses().stream().map(job -> new OverviewRow(job, lastSuccess.get(job.name()),
                RunSeries.of(history.recentRuns(job.name(), SPARKLINE_RUNS)).json())).toList();
        return new ModelAndView("overview", Map.of("jobs", rows, "runs", history.recentRuns(null, RECENT_RUNS)));
    }

    @GetMapping("/jobs/{name}")
    ModelAndView job(@PathVariable String name, @RequestParam(defaultValue = "1") int page) {
        Optional<ConsoleJobs.ConsoleJob> job = jobs.job(name);
        if (job.isEmpty() || page < 1) {
            return notFound(job.isEmpty() ? "There is no job named " + name + "." : "There is no such page.");
        }
        RunHistory history = history();
        List<RunRecord> runs = history.recentRuns(name, (page - 1) * RUNS_PER_PAGE, RUNS_PER_PAGE + 1);
        return new ModelAndView("job", Map.of(
                "job", job.get(),
                "settings", JobSettings.of(job.get().definition()),
                "series", RunSeries.of(history.recentRuns(name, CHART_RUNS)).json(),
                "runs", runs.subList(0, Math.min(RUNS_PER_PAGE, runs.size())),
                "page", page,
                "hasNext", runs.size() > RUNS_PER_PAGE));
    }

    @GetMapping("/runs/{runId:\\d+}")
    ModelAndView run(@PathVariable long runId, @RequestParam(required = false) TransferStatus status,
                     @RequestParam(required = false) Long after, @RequestParam(required = false) Long before) {
        RunHistory history = history();
        return history.run(runId).map(run -> new ModelAndView("run", Map.of(
                        "run", run,
                        "runs", List.of(run),
                        "files", new TransferPages(database.jdbc()).page(runId, status, after, before, FILES_PER_PAGE),
                        "status", status == null ? "" : status.name(),
                        "statuses", TransferStatus.values(),
                        "notifications", history.notifications(runId),
                        "chain", history.resumeChain(run),
                        "actions", new ActionLog(database.jdbc()).ofRun(runId))))
                .orElseGet(() -> notFound("There is no run " + runId + "."));
    }

    /** The form alone without a path; a broken glob answers 400 with the form and its error. */
    @GetMapping("/files")
    ModelAndView files(@RequestParam(defaultValue = "") String path, @RequestParam(defaultValue = "") String job) {
        Map<String, Object> model = new HashMap<>(Map.of("path", path, "job", job, "jobs", jobs.names()));
        if (path.isEmpty()) {
            return new ModelAndView("files", model);
        }
        PathPattern pattern;
        try {
            pattern = PathPattern.of(path);
        } catch (IllegalArgumentException e) {
            model.put("error", e.getMessage());
            return new ModelAndView("files", model, HttpStatus.BAD_REQUEST);
        }
        model.put("result", new FileSearch(database.dataSource()).find(pattern, job.isEmpty() ? null : job,
                FileSearch.DEFAULT_LIMIT));
        return new ModelAndView("files", model);
    }

    @ExceptionHandler(DataAccessException.class)
    ModelAndView historyUnreadable(DataAccessException e) {
        log.warn("console: a page failed: {}", e.getMessage());
        log.debug("console failure", e);
        return new ModelAndView("error/503", Map.of(), HttpStatus.SERVICE_UNAVAILABLE);
    }

    private RunHistory history() {
        return new RunHistory(database.jdbc());
    }

    private static ModelAndView notFound(String message) {
        return new ModelAndView("error/404", Map.of("message", message), HttpStatus.NOT_FOUND);
    }
}
