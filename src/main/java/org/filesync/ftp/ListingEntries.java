package org.filesync.ftp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Building {@link RemoteEntry}s from listing output, with the safety checks every parser shares. */
final class ListingEntries {

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

    /** A line no parser understood: reported, never dropped, since it may be a file the mirror would miss. */
    static RemoteEntry unparseable(String folder, String line) {
        String rejection = EntryNames.rejectionOf(line);
        String reason = "unparseable listing line" + (rejection == null ? "" : " (" + rejection + ")");
        return new RemoteEntry(line, RemotePaths.join(folder, line), EntryType.OTHER, -1, null,
                TimePrecision.UNKNOWN, null, reason);
    }
}
