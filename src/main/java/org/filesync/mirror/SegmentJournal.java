package org.filesync.mirror;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The progress of a segmented download, kept in the partial file's stamp after its first line
 * (one {@code segment START END POSITION} line per range), so that a cut or a kill -9 resumes
 * each range where it stopped, whatever the database knows. Below the first hole only, the
 * partial is one contiguous prefix: that is where a single stream may resume.
 */
final class SegmentJournal {

    private static final String WORD = "segment";

    private SegmentJournal() {
    }

    /** {@code count} ranges of about equal size covering {@code [from, size)}. */
    static List<Segment> split(long from, long size, int count) {
        long length = size - from;
        int n = (int) Math.max(1, Math.min(count, length));
        List<Segment> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = from + length * i / n;
            long end = from + length * (i + 1) / n;
            segments.add(new Segment(start, end, start));
        }
        return segments;
    }

    static String text(PartialStamp stamp, List<Segment> segments) {
        StringBuilder text = new StringBuilder(stamp.text());
        for (Segment segment : segments) {
            text.append(WORD).append(' ').append(segment.start()).append(' ').append(segment.end()).append(' ')
                    .append(segment.position()).append('\n');
        }
        return text.toString();
    }

    /**
     * The ranges a stamp records: an empty list for a stamp without any, empty when a line cannot
     * be read (a stamp cut by a crash while it was written): then nothing in the partial is known.
     */
    static Optional<List<Segment>> parse(String stampText) {
        List<Segment> segments = new ArrayList<>();
        for (String line : stampText.lines().skip(1).filter(line -> !line.isBlank()).toList()) {
            String[] words = line.strip().split(" ");
            if (words.length != 4 || !words[0].equals(WORD)) {
                return Optional.empty();
            }
            try {
                segments.add(new Segment(Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        segments.sort(Comparator.comparingLong(Segment::start));
        return Optional.of(segments);
    }

    /** Whether the partial holds nothing past its contiguous prefix, so that one stream may go on from there. */
    static boolean holdsOnlyPrefix(List<Segment> segments) {
        long end = contiguousEnd(segments);
        return segments.stream().filter(segment -> segment.start() >= end)
                .allMatch(segment -> segment.position() == segment.start());
    }

    /** The end of the partial's contiguous prefix: the first byte no segment holds yet. */
    static long contiguousEnd(List<Segment> segments) {
        long end = segments.get(0).start();
        for (Segment segment : segments) {
            if (segment.start() > end) {
                break;
            }
            end = Math.max(end, segment.position());
        }
        return end;
    }
}
