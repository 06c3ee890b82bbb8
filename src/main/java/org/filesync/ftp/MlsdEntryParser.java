package org.filesync.ftp;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of an MLSD listing (RFC 3659 §7): {@code fact=value;...; name}, times in UTC to the
 * second or better. Parsed here rather than by Commons Net so that a name with a bare CR or LF
 * survives to be rejected, and unknown facts are ignored instead of losing the entry.
 */
final class MlsdEntryParser {

    private static final DateTimeFormatter MODIFY = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** The entry for {@code line}, or null for the folder itself, its parent (cdir, pdir, "." and "..") and noise. */
    RemoteEntry parse(String folder, String line) {
        int space = line.indexOf(' ');
        Map<String, String> facts = space < 0 ? Map.of() : facts(line.substring(0, space));
        if (facts.isEmpty()) {
            return ListingEntries.unparseable(folder, line);
        }
        String name = line.substring(space + 1);
        String type = facts.getOrDefault("type", "");
        String lowerType = type.toLowerCase(Locale.ROOT);
        if (lowerType.equals("cdir") || lowerType.equals("pdir") || EntryNames.isSelfOrParent(name)) {
            return null;
        }
        EntryType entryType;
        String linkTarget = null;
        if (lowerType.equals("file")) {
            entryType = EntryType.FILE;
        } else if (lowerType.equals("dir")) {
            entryType = EntryType.DIRECTORY;
        } else if (lowerType.startsWith("os.unix=slink") || lowerType.startsWith("os.unix=symlink")) {
            entryType = EntryType.SYMLINK;
            int colon = type.indexOf(':');
            linkTarget = colon >= 0 && colon + 1 < type.length() ? type.substring(colon + 1) : null;
        } else {
            entryType = EntryType.OTHER;
        }
        String sizeRejection = null;
        long size = -1;
        String sizeFact = facts.containsKey("size") ? facts.get("size") : facts.get("sizd");
        if (sizeFact != null) {
            try {
                size = Long.parseLong(sizeFact);
            } catch (NumberFormatException e) {
                sizeRejection = "unreadable size '" + sizeFact + "'";
            }
        }
        Instant modified = modifyTime(facts.get("modify"));
        return ListingEntries.entry(folder, name, entryType, size, modified,
                modified == null ? TimePrecision.UNKNOWN : TimePrecision.EXACT, linkTarget, sizeRejection);
    }

    private static Map<String, String> facts(String text) {
        Map<String, String> facts = new HashMap<>();
        for (String fact : text.split(";")) {
            int eq = fact.indexOf('=');
            if (eq > 0) {
                facts.put(fact.substring(0, eq).toLowerCase(Locale.ROOT), fact.substring(eq + 1));
            }
        }
        return facts;
    }

    /** YYYYMMDDHHMMSS[.sss] in UTC (RFC 3659 §2.3); null when absent or unreadable. */
    static Instant modifyTime(String value) {
        if (value == null || value.length() < 14) {
            return null;
        }
        try {
            Instant seconds = LocalDateTime.parse(value.substring(0, 14), MODIFY).toInstant(ZoneOffset.UTC);
            if (value.length() > 15 && value.charAt(14) == '.') {
                String fraction = (value.substring(15) + "000000000").substring(0, 9);
                return seconds.plusNanos(Long.parseLong(fraction));
            }
            return seconds;
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
