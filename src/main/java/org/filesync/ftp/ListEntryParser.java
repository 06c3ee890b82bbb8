package org.filesync.ftp;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPFileEntryParser;
import org.apache.commons.net.ftp.parser.DefaultFTPFileEntryParserFactory;
import org.apache.commons.net.ftp.parser.NTFTPEntryParser;
import org.apache.commons.net.ftp.parser.ParserInitializationException;
import org.apache.commons.net.ftp.parser.UnixFTPEntryParser;

/**
 * LIST output: the common Unix form read by {@link UnixListingLine}, anything else by Commons Net's
 * parsers. The format is guessed once per session: the
 * parser SYST suggests comes first, then Unix and Windows/IIS; the first to understand a line of
 * the first listing is kept. Times are read as UTC (vsftpd's default; a listing compared only with
 * earlier listings of the same server needs no more), to the minute for recent entries and to the
 * day for those listed with a year.
 */
final class ListEntryParser {

    // Commons Net's patterns stop at line ends; these stand in for CR, LF and NUL while parsing.
    private static final char[] UNSAFE = {'\r', '\n', '\0'};
    private static final char[] STAND_INS = {'\uE00D', '\uE00A', '\uE000'};

    private static final Pattern TIME_OF_DAY = Pattern.compile("\\b\\d{1,2}:\\d{2}");

    private final List<FTPFileEntryParser> candidates;
    private FTPFileEntryParser chosen;

    ListEntryParser(String system) {
        this.candidates = candidatesFor(system);
    }

    private static List<FTPFileEntryParser> candidatesFor(String system) {
        List<FTPFileEntryParser> parsers = new ArrayList<>();
        String key = system == null || system.isBlank() ? "" : system.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
        boolean windows = key.startsWith("WINDOWS");
        if (!key.isEmpty() && !key.equals("UNIX") && !windows) {
            try {
                parsers.add(new DefaultFTPFileEntryParserFactory().createFileEntryParser(config(key)));
            } catch (ParserInitializationException e) {
                // an unknown system type: Unix and Windows below are the likely formats anyway
            }
        }
        FTPFileEntryParser unix = new UnixFTPEntryParser(config(FTPClientConfig.SYST_UNIX));
        FTPFileEntryParser nt = new NTFTPEntryParser(config(FTPClientConfig.SYST_NT));
        parsers.addAll(windows ? List.of(nt, unix) : List.of(unix, nt));
        return parsers;
    }

    private static FTPClientConfig config(String key) {
        FTPClientConfig config = new FTPClientConfig(key);
        config.setServerTimeZoneId("UTC");
        return config;
    }

    /**
     * The entry for {@code line}; null for lines that are not entries ("total 42", banners, ".", "..").
     *
     * @param now when the listing was read (UTC), the year of dates listed without one: read once per listing
     */
    RemoteEntry parse(String folder, String line, ZonedDateTime now) {
        if ((chosen != null ? chosen : candidates.get(0)) instanceof UnixFTPEntryParser unix) {
            RemoteEntry common = UnixListingLine.parse(folder, line, now);
            if (common != null) {
                chosen = unix;
                return EntryNames.isSelfOrParent(common.name()) ? null : common;
            }
        }
        String masked = mask(line);
        FTPFile file = parseWithChosen(masked);
        if (file == null) {
            return ListingEntries.unparseable(folder, line);
        }
        String name = unmask(file.getName());
        if (EntryNames.isSelfOrParent(name)) {
            return null;
        }
        EntryType type = file.isSymbolicLink() ? EntryType.SYMLINK
                : file.isDirectory() ? EntryType.DIRECTORY
                : file.isFile() ? EntryType.FILE : EntryType.OTHER;
        Calendar timestamp = file.getTimestamp();
        Instant modified = timestamp == null ? null : timestamp.toInstant();
        TimePrecision precision = timestamp == null ? TimePrecision.UNKNOWN : precisionOf(masked, file.getName());
        String link = file.getLink() == null ? null : unmask(file.getLink());
        return ListingEntries.entry(folder, name, type, file.getSize(), modified, precision, link, null);
    }

    /**
     * MINUTE when the listed date carries a time of day ("Jan 02 10:30", "01-15-24 09:05PM"), DAY
     * when it carries a year instead ("Mar 05 2019"). Read from the text before the name, since
     * Commons Net fills every calendar field either way.
     */
    private static TimePrecision precisionOf(String line, String name) {
        int at = line.lastIndexOf(" " + name);
        String head = at >= 0 ? line.substring(0, at) : line;
        return TIME_OF_DAY.matcher(head).find() ? TimePrecision.MINUTE : TimePrecision.DAY;
    }

    private FTPFile parseWithChosen(String line) {
        if (chosen != null) {
            return chosen.parseFTPEntry(line);
        }
        for (FTPFileEntryParser candidate : candidates) {
            FTPFile file = candidate.parseFTPEntry(line);
            if (file != null) {
                chosen = candidate;
                return file;
            }
        }
        return null;
    }

    private static String mask(String text) {
        for (int i = 0; i < UNSAFE.length; i++) {
            text = text.replace(UNSAFE[i], STAND_INS[i]);
        }
        return text;
    }

    private static String unmask(String text) {
        for (int i = 0; i < UNSAFE.length; i++) {
            text = text.replace(STAND_INS[i], UNSAFE[i]);
        }
        return text;
    }
}
