package org.filesync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.filesync.history.HistoryJson;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The JSON API's answers: never cached, and written by the command line's mapper rather than Spring's, so that both stay the same. */
final class ApiAnswers {

    private static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    private ApiAnswers() {
    }

    static ResponseEntity<String> json(HttpStatus status, Object document) throws JsonProcessingException {
        return ResponseEntity.status(status).contentType(JSON).cacheControl(CacheControl.noStore())
                .body(HistoryJson.mapper().writeValueAsString(document));
    }
}
