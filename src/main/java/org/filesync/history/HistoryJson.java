package org.filesync.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON shape of the history, for the command line and the dashboard: ISO-8601 times, fields in record order. */
public final class HistoryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private HistoryJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
