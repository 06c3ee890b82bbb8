package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.filesync.ftp.TimePrecision;
import org.junit.jupiter.api.Test;

class SegmentJournalTest {

    private static final PlannedFile FILE = new PlannedFile(
            TreeEntry.file("big.bin", 100, Instant.parse("2026-11-30T02:30:00Z"), TimePrecision.EXACT),
            TransferReason.NEW);

    @Test
    void rangesCoverWhatIsLeftOfTheFileWithoutGapsOrOverlaps() {
        List<Segment> segments = SegmentJournal.split(10, 100, 4);

        assertThat(segments).extracting(Segment::start).containsExactly(10L, 32L, 55L, 77L);
        assertThat(segments).extracting(Segment::end).containsExactly(32L, 55L, 77L, 100L);
    }

    @Test
    void journalInTheStampReadsBackWithEachRangesProgressAndLeavesTheStampReadable() {
        String text = SegmentJournal.text(PartialStamp.of(FILE),
                List.of(new Segment(0, 50, 20), new Segment(50, 100, 70)));

        assertThat(PartialStamp.parse(text)).hasValueSatisfying(stamp -> assertThat(stamp.matches(FILE)).isTrue());
        assertThat(SegmentJournal.parse(text).orElseThrow()).extracting(Segment::position).containsExactly(20L, 70L);
    }

    @Test
    void journalCutShortWhileBeingWrittenIsUnreadableNotEmpty() {
        String text = SegmentJournal.text(PartialStamp.of(FILE), List.of(new Segment(0, 50, 20)));

        assertThat(SegmentJournal.parse(text.substring(0, text.length() - 4))).isEmpty();
        assertThat(SegmentJournal.parse(PartialStamp.of(FILE).text())).hasValue(List.of());
    }

    @Test
    void onlyTheBytesBeforeTheFirstHoleCountAsOneStreamsPrefix() {
        List<Segment> segments = List.of(new Segment(0, 50, 50), new Segment(50, 80, 60), new Segment(80, 100, 100));

        assertThat(SegmentJournal.contiguousEnd(segments)).isEqualTo(60);
        assertThat(SegmentJournal.holdsOnlyPrefix(segments)).isFalse();
        assertThat(SegmentJournal.holdsOnlyPrefix(List.of(new Segment(0, 50, 30), new Segment(50, 100, 50)))).isTrue();
    }
}
