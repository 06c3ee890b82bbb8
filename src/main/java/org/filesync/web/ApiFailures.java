package org.filesync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A read of the JSON API that fails (the database gone, a query refused) answers 500 with {@code {"error"}}, saying no more than that. */
@RestControllerAdvice(assignableTypes = {DashboardController.class, ProgressAndFilesController.class})
final class ApiFailures {

    private static final Logger log = LoggerFactory.getLogger(ApiFailures.class);

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> historyUnreadable(RuntimeException e) throws JsonProcessingException {
        log.warn("console API: a request failed: {}", e.getMessage());
        log.debug("console API failure", e);
        return ApiAnswers.json(HttpStatus.INTERNAL_SERVER_ERROR, Map.of("error", "the history could not be read; see the log"));
    }
}
