package org.filesync.history;

import java.util.Map;
import org.springframework.jdbc.support.KeyHolder;

/** Reads an identity column back from an insert: H2 names it in upper case, PostgreSQL returns the whole row. */
final class GeneratedKeys {

    private GeneratedKeys() {
    }

    static long id(KeyHolder keys, String column) {
        for (Map.Entry<String, Object> entry : keys.getKeys().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return ((Number) entry.getValue()).longValue();
            }
        }
        throw new IllegalStateException("the insert returned no " + column);
    }
}
