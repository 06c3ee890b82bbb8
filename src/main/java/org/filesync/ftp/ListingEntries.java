package org.filesync.ftp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Building {@link RemoteEntry}s from listing output, with the safety checks every parser shares. */
final class ListingEntries {

    private static final Logger log = LoggerFactory.getLogger(ListingEntries.class);

    /** A Unix mode column ("-rw-r--r--", "drwxr-xr-x+") at the start of the line. */
    private static final Pattern UNIX_MODE = Pattern.compile("^[-bcdlps][-rwxsStTl]{9}[+.@]?(\\s|$)");
    /** MLSD facts ("type=file;size=3;") at the start of the line. */
    private static final Pattern FACTS = Pattern.compile("^[\\w.-]+=[^; ]*;");
    /** A column of digits only: a size, a link count. */
    private static final Pattern NUMBER = Pattern.compile("(^|\\s)\\d+(\\s|$)");
    /** A listed date or time: "Jan 05", "01-15-24", "2024-01-15", "10:30". */
    private static final Pattern DATE = Pattern.compile("(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\b"
            + "|\\b\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}\\b|\\b\\d{1,2}:\\d{2}\\b");

    private ListingEntries() {
    }

    /**
     * The listing's lines. Split on CRLF (RFC 959's line end) when the server uses it, so that a
     * bare CR or LF inside a name stays in that name and gets it rejected; bare LF otherwise.
     */
    static List<String> lines(ByteArrayOutputStream data, Charset charset) {
        String text = data.toString(charset);
        String separator = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(separator, start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (!line.isBlank()) {
                lines.add(line);
            }
            start = end + separator.length();
        }
        return lines;
    }

    static RemoteEntry entry(String folder, String name, EntryType type, long size, Instant modified,
                             TimePrecision precision, String linkTarget, String otherRejection) {
        String rejection = EntryNames.rejectionOf(name);
        if (rejection == null) {
            rejection = otherRejection != null ? otherRejection : EntryNames.rejectionOfSize(size);
        }
        return new RemoteEntry(name, RemotePaths.join(folder, name), type, size, modified, precision, linkTarget,
                rejection);
    }

    /**
     * A line no parser understood. One that might be an entry comes back as an {@link EntryType#UNREADABLE}
     * entry named by the whole line, never dropped, since it may be a file the mirror would miss. Lines
     * that cannot be one are noise and come back null: "total 12", blank lines, and anything with
     * neither a mode column nor MLSD facts nor a number column beside a date ("Welcome to ...").
     */
    static RemoteEntry unparseable(String folder, String line) {
        if (!mightBeEntry(line.strip())) {
            log.debug("listing of {}: not an entry, ignored: {}", folder, line);
            return null;
        }
        return new RemoteEntry(line, RemotePaths.join(folder, line), EntryType.UNREADABLE, -1, null,
                TimePrecision.UNKNOWN, null, "unparseable listing line");
    }

    private static boolean mightBeEntry(String line) {
        return UNIX_MODE.matcher(line).find() || FACTS.matcher(line).find()
                || (NUMBER.matcher(line).find() || line.contains("<DIR>")) && DATE.matcher(line).find();
    }
}
