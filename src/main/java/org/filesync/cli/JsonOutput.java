package org.filesync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import org.filesync.history.HistoryJson;

/** Writes the one JSON document a {@code --json} command prints on stdout. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = HistoryJson.mapper();

    private JsonOutput() {
    }

    static void print(PrintWriter out, Object document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
