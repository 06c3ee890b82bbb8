package org.filesync.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.filesync.history.HistoryFormats;

/** How the pages write times, sizes and rates: the command line's formats, and how long ago a moment was. */
final class PageFormats {

    private final Clock clock;

    PageFormats(Clock clock) {
        this.clock = clock;
    }

    public String time(Instant instant) {
        return HistoryFormats.time(instant);
    }

    public String duration(Instant start, Instant end) {
        return HistoryFormats.duration(start, end);
    }

    public String bytes(Long bytes) {
        return bytes == null ? "" : HistoryFormats.bytes(bytes);
    }

    public String rate(long bytes, Instant start, Instant end) {
        return HistoryFormats.rate(bytes, start, end);
    }

    /** "3h ago", "2d ago": to the largest whole unit. */
    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration since = Duration.between(instant, clock.instant());
        if (since.isNegative() || since.toMinutes() < 1) {
            return "just now";
        }
        if (since.toHours() < 1) {
            return since.toMinutes() + "m ago";
        }
        return since.toDays() < 1 ? since.toHours() + "h ago" : since.toDays() + "d ago";
    }
}
