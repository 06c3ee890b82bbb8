package org.filesync.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.filesync.jobs.ByteSize;

/** How times, durations, sizes and rates of the history look to people: in the command line's tables and the dashboard. */
public final class HistoryFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private HistoryFormats() {
    }

    public static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    public static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "-";
        }
        Duration duration = Duration.between(start, end);
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    public static String bytes(long bytes) {
        return ByteSize.format(bytes);
    }

    public static String rate(long bytes, Instant start, Instant end) {
        if (start == null || end == null || bytes == 0) {
            return "-";
        }
        long millis = Math.max(1, Duration.between(start, end).toMillis());
        return ByteSize.format(bytes * 1000 / millis) + "/s";
    }
}
