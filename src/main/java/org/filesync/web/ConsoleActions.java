package org.filesync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.function.Supplier;
import org.filesync.history.ActionRecord;
import org.filesync.schedule.ActionRefusedException;
import org.filesync.schedule.JobControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The console's actions, as buttons on its pages and as the JSON API: run a job now, pause and
 * resume its schedule, stop a running run. Security lets only a logged-in operator with the
 * session's CSRF token this far; the operator's name is recorded with each action.
 */
@Controller
final class ConsoleActions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleActions.class);

    private final JobControl control;

    ConsoleActions(JobControl control) {
        this.control = control;
    }

    @PostMapping("/api/jobs/{name}/run")
    ResponseEntity<String> runNow(@PathVariable String name, Principal user) throws JsonProcessingException {
        return answer(() -> control.runNow(name, user.getName()));
    }

    @PostMapping("/api/jobs/{name}/pause")
    ResponseEntity<String> pause(@PathVariable String name, Principal user) throws JsonProcessingException {
        return answer(() -> control.pause(name, user.getName()));
    }

    @PostMapping("/api/jobs/{name}/resume")
    ResponseEntity<String> resume(@PathVariable String name, Principal user) throws JsonProcessingException {
        return answer(() -> control.resume(name, user.getName()));
    }

    @PostMapping("/api/runs/{runId:\\d+}/stop")
    ResponseEntity<String> stop(@PathVariable long runId, Principal user) throws JsonProcessingException {
        return answer(() -> control.stop(runId, user.getName()));
    }

    @PostMapping("/jobs/{name}/run")
    String runNowFromPage(@PathVariable String name, Principal user, RedirectAttributes page) {
        return act(() -> control.runNow(name, user.getName()), "Run started by " + user.getName()
                + ": it shows below within a few seconds.", page, jobPage(name));
    }

    @PostMapping("/jobs/{name}/pause")
    String pauseFromPage(@PathVariable String name, Principal user, RedirectAttributes page) {
        return act(() -> control.pause(name, user.getName()), "Schedule paused.", page, jobPage(name));
    }

    @PostMapping("/jobs/{name}/resume")
    String resumeFromPage(@PathVariable String name, Principal user, RedirectAttributes page) {
        return act(() -> control.resume(name, user.getName()), "Schedule resumed.", page, jobPage(name));
    }

    @PostMapping("/runs/{runId:\\d+}/stop")
    String stopFromPage(@PathVariable long runId, Principal user, RedirectAttributes page) {
        page.addAttribute("runId", runId);
        return act(() -> control.stop(runId, user.getName()),
                "Stop requested: the run ends at its next safe point, within a few seconds.", page, "redirect:/runs/{runId}");
    }

    /** A scheduler that cannot be reached: one line in the log, and the API's JSON error. */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<String> notDone(IllegalStateException e) throws JsonProcessingException {
        log.warn("console action failed: {}", e.getMessage());
        log.debug("console action failure", e);
        return ApiAnswers.json(HttpStatus.SERVICE_UNAVAILABLE, Map.of("error", e.getMessage()));
    }

    private static String jobPage(String name) {
        return "redirect:/jobs/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }

    private static String act(Supplier<ActionRecord> action, String done, RedirectAttributes page, String back) {
        try {
            action.get();
            page.addFlashAttribute("notice", done);
        } catch (ActionRefusedException e) {
            page.addFlashAttribute("refusal", e.getMessage());
        }
        return back;
    }

    private static ResponseEntity<String> answer(Supplier<ActionRecord> action) throws JsonProcessingException {
        try {
            return ApiAnswers.json(HttpStatus.OK, action.get());
        } catch (ActionRefusedException e) {
            HttpStatus status = e.reason() == ActionRefusedException.Reason.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
            return ApiAnswers.json(status, Map.of("error", e.getMessage()));
        }
    }
}
