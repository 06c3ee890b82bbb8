package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListEntryParserTest {

    private static final ZonedDateTime NOW = ZonedDateTime.now(ZoneOffset.UTC);

    @Test
    void readsUnixListingWithYearAsDayPrecision() {
        RemoteEntry entry = new ListEntryParser("UNIX Type: L8")
                .parse("/pub", "-rw-r--r--    1 0        0            1234 Mar 05  2019 old.tar.gz", NOW);

        assertThat(entry.size()).isEqualTo(1234);
        assertThat(entry.precision()).isEqualTo(TimePrecision.DAY);
        assertThat(entry.modified()).isEqualTo(Instant.parse("2019-03-05T00:00:00Z"));
        assertThat(entry.path()).isEqualTo("/pub/old.tar.gz");
    }

    @Test
    void readsRecentUnixEntryToTheMinute() {
        RemoteEntry entry = new ListEntryParser("UNIX Type: L8")
                .parse("/", "drwxr-xr-x    2 0        0            4096 Jan 02 10:30 recent", NOW);

        assertThat(entry.type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(entry.precision()).isEqualTo(TimePrecision.MINUTE);
    }

    @Test
    void readsWindowsIisListingDetectedFromFirstLine() {
        ListEntryParser parser = new ListEntryParser("Windows_NT");
        RemoteEntry file = parser.parse("/", "01-15-24  09:05PM              2048 report.csv", NOW);
        RemoteEntry folder = parser.parse("/", "01-15-24  09:05PM       <DIR>          data", NOW);

        assertThat(file.type()).isEqualTo(EntryType.FILE);
        assertThat(file.size()).isEqualTo(2048);
        assertThat(file.modified()).isEqualTo(Instant.parse("2024-01-15T21:05:00Z"));
        assertThat(file.precision()).isEqualTo(TimePrecision.MINUTE);
        assertThat(folder.type()).isEqualTo(EntryType.DIRECTORY);
    }

    @Test
    void readsWindowsListingEvenWhenSystSaysUnix() {
        ListEntryParser parser = new ListEntryParser("UNIX emulated by a Windows server");
        RemoteEntry file = parser.parse("/", "01-15-24  09:05PM              2048 report.csv", NOW);

        assertThat(file.name()).isEqualTo("report.csv");
        assertThat(file.size()).isEqualTo(2048);
    }

    @Test
    void reportsSymlinkWithTargetWithoutFollowingIt() {
        RemoteEntry link = new ListEntryParser("UNIX")
                .parse("/", "lrwxrwxrwx    1 0        0               6 Jan 02  2020 latest -> v1.2.3", NOW);

        assertThat(link.type()).isEqualTo(EntryType.SYMLINK);
        assertThat(link.name()).isEqualTo("latest");
        assertThat(link.linkTarget()).isEqualTo("v1.2.3");
    }

    @Test
    void reportsUnparseableLineThatMayBeAFileInsteadOfDroppingIt() {
        ListEntryParser parser = new ListEntryParser("UNIX");

        assertThat(parser.parse("/", "-rw-r--r--   1 ftp ftp  5 sometime mystery.txt", NOW))
                .satisfies(entry -> {
                    assertThat(entry.type()).isEqualTo(EntryType.UNREADABLE);
                    assertThat(entry.isRejected()).isTrue();
                    assertThat(entry.name()).contains("mystery.txt");
                });
        assertThat(parser.parse("/", "12 files updated 2024-01-05", NOW).type()).isEqualTo(EntryType.UNREADABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"total 8", "TOTAL 120", "Welcome to the ACME archive", "   ",
            "Last updated 2024-01-05 10:30 by the mirror team", "You are user 3 of 50"})
    void dropsLinesThatCannotBeEntries(String line) {
        assertThat(new ListEntryParser("UNIX").parse("/", line, NOW)).isNull();
    }

    @Test
    void mlsdLineWithoutFactsIsNoiseAndFactsWithoutANameMayBeAFile() {
        MlsdEntryParser parser = new MlsdEntryParser();

        assertThat(parser.parse("/", "Welcome to the ACME archive")).isNull();
        assertThat(parser.parse("/", "type=file;size=3;modify=20240101000000;").type()).isEqualTo(EntryType.UNREADABLE);
    }
}
