package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.filesync.ftp.TimePrecision;
import org.junit.jupiter.api.Test;

class PartialStampTest {

    private static final Instant TIME = Instant.parse("2026-11-30T02:30:00Z");

    @Test
    void stampReadsBackAsTheSourceVersionItWasWrittenFor() {
        PlannedFile file = file(5_000_000, TIME);
        PartialStamp stamp = PartialStamp.parse(PartialStamp.of(file).text()).orElseThrow();
        assertThat(stamp.matches(file)).isTrue();
        assertThat(stamp.matches(file(5_000_001, TIME))).isFalse();
        assertThat(stamp.matches(file(5_000_000, TIME.plusSeconds(60)))).isFalse();
    }

    @Test
    void sourceWithoutATimeStampsAndMatchesOnlyWithoutATime() {
        PartialStamp stamp = PartialStamp.parse(PartialStamp.of(file(10, null)).text()).orElseThrow();
        assertThat(stamp.matches(file(10, null))).isTrue();
        assertThat(stamp.matches(file(10, TIME))).isFalse();
    }

    @Test
    void textThatIsNotAStampIsNoStamp() {
        assertThat(PartialStamp.parse("")).isEmpty();
        assertThat(PartialStamp.parse("hello world")).isEmpty();
        assertThat(PartialStamp.parse("filesync partial of size=x modified=2026-11-30T02:30:00Z")).isEmpty();
        assertThat(PartialStamp.parse("filesync partial of size=1 modified=yesterday")).isEmpty();
    }

    private static PlannedFile file(long size, Instant modified) {
        return new PlannedFile(TreeEntry.file("a/big.bin", size, modified, TimePrecision.EXACT), TransferReason.NEW);
    }
}
