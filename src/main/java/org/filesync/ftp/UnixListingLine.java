package org.filesync.ftp;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The common form of a Unix LIST line ({@code -rw-r--r--  1 ftp ftp  4096 Jan 02 10:30 name}),
 * read by hand: Commons Net's parser, a regular expression and a new SimpleDateFormat per line,
 * was four fifths of the CPU a listing cost. It reads only lines whose every field has its plain
 * form (file, folder or link; nine permission letters; numbers; an English month; a time of day
 * or a year), and reads them as Commons Net does, in UTC: a date without a year is in the last
 * twelve months, give or take a day. Anything else (a device, a group with a space, a date in
 * another form, a tab) is left to Commons Net.
 */
final class UnixListingLine {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final int FIELDS = 8;

    private UnixListingLine() {
    }

    /** The entry of {@code line}, or null when it is not in the common form. */
    static RemoteEntry parse(String folder, String line, ZonedDateTime now) {
        int[] starts = new int[FIELDS];
        int[] ends = new int[FIELDS];
        int at = 0;
        for (int field = 0; field < FIELDS; field++) {
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
            starts[field] = at;
            while (at < line.length() && line.charAt(at) != ' ') {
                if (Character.isWhitespace(line.charAt(at)) || Character.isISOControl(line.charAt(at))) {
                    return null;
                }
                at++;
            }
            ends[field] = at;
            if (starts[field] == ends[field]) {
                return null;
            }
        }
        if (at + 1 >= line.length()) {
            return null; // no name: one space, then the name as it is, leading spaces and all
        }
        EntryType type = type(line, starts[0], ends[0]);
        long size = number(line, starts[4], ends[4]);
        int month = month(line, starts[5], ends[5]);
        int day = ends[6] - starts[6] > 2 ? -1 : (int) number(line, starts[6], ends[6]);
        if (type == null || number(line, starts[1], ends[1]) < 0 || size < 0 || month < 0 || day < 1) {
            return null;
        }
        String time = line.substring(starts[7], ends[7]);
        String name = line.substring(at + 1);
        String link = null;
        if (type == EntryType.SYMLINK) {
            int arrow = name.indexOf(" -> ");
            if (arrow >= 0) {
                link = name.substring(arrow + 4);
                name = name.substring(0, arrow);
            }
        }
        LocalDateTime modified;
        TimePrecision precision;
        if (time.length() == 4) {
            int year = (int) number(time, 0, 4);
            if (year < 1000 || day > Month.of(month).length(Year.isLeap(year))) {
                return null;
            }
            modified = LocalDateTime.of(year, month, day, 0, 0);
            precision = TimePrecision.DAY;
        } else {
            modified = recent(time, month, day, now);
            if (modified == null) {
                return null;
            }
            precision = TimePrecision.MINUTE;
        }
        return ListingEntries.entry(folder, name, type, size, modified.toInstant(ZoneOffset.UTC), precision, link, null);
    }

    /** "HH:mm" of a date listed without its year: this year's, unless that is more than a day ahead. */
    private static LocalDateTime recent(String time, int month, int day, ZonedDateTime now) {
        int colon = time.indexOf(':');
        if (colon < 1 || colon > 2 || time.length() != colon + 3 || month == 2 && day == 29) {
            return null; // Feb 29 of a year before a leap year: Commons Net's own reading of it
        }
        int hour = (int) number(time, 0, colon);
        int minute = (int) number(time, colon + 1, time.length());
        ZonedDateTime lenientNow = now.withZoneSameInstant(ZoneOffset.UTC).plusDays(1);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || day > Month.of(month).length(false)) {
            return null;
        }
        LocalDateTime thisYear = LocalDateTime.of(lenientNow.getYear(), month, day, hour, minute);
        return thisYear.isAfter(lenientNow.toLocalDateTime()) ? thisYear.minusYears(1) : thisYear;
    }

    private static EntryType type(String line, int start, int end) {
        int length = end - start;
        if (length != 10 && !(length == 11 && line.charAt(end - 1) == '+')) {
            return null;
        }
        for (int triple = 0; triple < 3; triple++) {
            int at = start + 1 + triple * 3;
            char read = line.charAt(at);
            char write = line.charAt(at + 1);
            char execute = line.charAt(at + 2);
            if (read != 'r' && read != '-' || write != 'w' && write != '-' || "xsStTL-".indexOf(execute) < 0) {
                return null;
            }
        }
        return switch (line.charAt(start)) {
            case '-' -> EntryType.FILE;
            case 'd' -> EntryType.DIRECTORY;
            case 'l' -> EntryType.SYMLINK;
            default -> null;
        };
    }

    /** The month of an English abbreviation ("Jan" = 1), or -1. */
    private static int month(String line, int start, int end) {
        if (end - start != 3) {
            return -1;
        }
        int index = MONTHS.indexOf(line.substring(start, end));
        return index % 3 == 0 ? index / 3 + 1 : -1;
    }

    /** The decimal number of up to 18 digits, or -1. */
    private static long number(String text, int start, int end) {
        if (end - start < 1 || end - start > 18) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
