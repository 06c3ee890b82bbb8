package org.filesync.history;

import java.time.Instant;

/**
 * What started a run: the RUN's {@code trigger}, {@code fireTime} and {@code startedBy}.
 *
 * @param type {@code schedule} or {@code manual}
 * @param fireTime the scheduled fire time a scheduled run answers; null for a manual run
 * @param startedBy who started a manual run (a console user, or {@code cli:} and the operating
 *        system user); null for a scheduled one
 */
public record RunTrigger(String type, Instant fireTime, String startedBy) {

    public static RunTrigger scheduled(Instant fireTime) {
        return new RunTrigger("schedule", fireTime, null);
    }

    public static RunTrigger manual(String startedBy) {
        return new RunTrigger("manual", null, startedBy);
    }
}
