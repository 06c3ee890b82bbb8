package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.parser.UnixFTPEntryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-made reading of the common Unix LIST form reads every line as Commons Net does, or leaves it to Commons Net. */
class UnixListingLineTest {

    private static final String[] NAMES = {"f.dat", "with space", "  leading spaces", "trailing ", "ünïcødé ✓",
        "a -> b", "12 Feb 03 11:00", "-rw-r--r--", "日本語.txt", "x"};
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.ENGLISH);

    private final UnixFTPEntryParser commonsNet = commonsNetParser();

    private static UnixFTPEntryParser commonsNetParser() {
        FTPClientConfig config = new FTPClientConfig(FTPClientConfig.SYST_UNIX);
        config.setServerTimeZoneId("UTC");
        return new UnixFTPEntryParser(config);
    }

    @Test
    void readsThousandsOfGeneratedLinesExactlyAsCommonsNetDoes() {
        Random random = new Random(42);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < 5_000; i++) {
            char type = "-dl".charAt(random.nextInt(3));
            String perms = type + (random.nextBoolean() ? "rw-r--r--" : "rwxr-sr-t") + (random.nextInt(5) == 0 ? "+" : "");
            String name = NAMES[random.nextInt(NAMES.length)] + (type == 'l' ? " -> ../target" : "");
            // any time within two years back and two days ahead: both date forms, and the year boundary
            LocalDateTime when = now.toLocalDateTime().minusMinutes(random.nextInt(2 * 366 * 24 * 60))
                    .plusMinutes(random.nextInt(2 * 24 * 60));
            String date = random.nextBoolean() ? RECENT.format(when) : OLD.format(when);
            if (random.nextBoolean()) {
                date = date.replaceFirst(" 0(\\d) ", "  $1 ");
            }
            String line = String.format("%s %4d %-8s %-8s %12d %s %s", perms, 1 + random.nextInt(3),
                    random.nextBoolean() ? "ftp" : "1000", "group", random.nextLong(0, 1L << 40), date, name);

            assertReadAsCommonsNetDoes(line, now, date.contains(":") ? TimePrecision.MINUTE : TimePrecision.DAY);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "crw-rw----   1 root tty       4,   0 Jan 02 10:30 tty0",
        "-rw-r--r--   1 owner        4096 Jan 02 10:30 no-group",
        "-rw-r--r--   1 John Smith staff 4096 Jan 02 10:30 spaced-owner",
        "-rw-r--r--\t1 ftp ftp 4096 Jan 02 10:30 tab",
        "-rw-r--r--   1 ftp ftp 4096 JAN 02 10:30 upper-month",
        "-rw-r--r--   1 ftp ftp 4096 2024-01-02 10:30 numeric-date",
        "-rw-r--r--   1 ftp ftp 4096 Feb 30 10:30 no-such-day",
        "-rw-r--r--   1 ftp ftp 4096 Feb 29 10:30 leap-day",
        "-rw-r--r--   1 ftp ftp 4096 Jan 02 25:30 no-such-hour",
        "-rw-r--r--.  1 ftp ftp 4096 Jan 02 10:30 selinux-dot",
        "-rw-r--r--   1 ftp ftp 4096 Jan 02 10:30",
        "total 42",
    })
    void leavesEveryOtherFormToCommonsNet(String line) {
        assertThat(UnixListingLine.parse("/", line, ZonedDateTime.now(ZoneOffset.UTC))).isNull();
    }

    private void assertReadAsCommonsNetDoes(String line, ZonedDateTime now, TimePrecision precision) {
        FTPFile expected = commonsNet.parseFTPEntry(line);
        RemoteEntry actual = UnixListingLine.parse("/pub", line, now);
        assertThat(expected).as(line).isNotNull();
        assertThat(actual).as(line).isNotNull();
        assertThat(actual.name()).as(line).isEqualTo(expected.getName());
        assertThat(actual.size()).as(line).isEqualTo(expected.getSize());
        assertThat(actual.modified()).as(line).isEqualTo(expected.getTimestamp().toInstant());
        assertThat(actual.type()).as(line).isEqualTo(expected.isSymbolicLink() ? EntryType.SYMLINK
                : expected.isDirectory() ? EntryType.DIRECTORY : EntryType.FILE);
        assertThat(actual.linkTarget()).as(line).isEqualTo(expected.getLink());
        assertThat(actual.precision()).as(line).isEqualTo(precision);
    }
}
