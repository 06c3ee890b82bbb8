package org.filesync.ftp.block;

import static org.assertj.core.api.Assertions.assertThat;

import org.filesync.ftp.RestartPoint;
import org.junit.jupiter.api.Test;

class MarkReplyTrackerTest {

    @Test
    void confirmsTheStartPointUntilAMarkReplyArrives() {
        RestartPoint start = new RestartPoint(1000, "W3e8");

        assertThat(new MarkReplyTracker(start).confirmed()).isEqualTo(start);
    }

    @Test
    void mapsTheClientMarkerToItsOffsetAndKeepsTheServerMarker() {
        MarkReplyTracker tracker = new MarkReplyTracker(RestartPoint.START);
        tracker.markerSent(1000);
        tracker.markerSent(2000);

        assertThat(tracker.accept("110 MARK 1000 = W3e8")).isTrue();
        assertThat(tracker.accept("110 MARK 2000 = W7d0")).isTrue();

        assertThat(tracker.confirmed()).isEqualTo(new RestartPoint(2000, "W7d0"));
    }

    @Test
    void keepsTheFurthestConfirmationWhenRepliesArriveOutOfOrder() {
        MarkReplyTracker tracker = new MarkReplyTracker(RestartPoint.START);
        tracker.markerSent(2000);

        tracker.accept("110 MARK 2000 = b");
        tracker.accept("110 MARK 1000 = a");

        assertThat(tracker.confirmed()).isEqualTo(new RestartPoint(2000, "b"));
    }

    @Test
    void ignoresConfirmationsOfMarkersNeverSent() {
        MarkReplyTracker tracker = new MarkReplyTracker(RestartPoint.START);
        tracker.markerSent(1000);

        assertThat(tracker.accept("110 MARK 5000 = far")).isTrue();
        assertThat(tracker.accept("110 MARK S1000 = alien")).isTrue();

        assertThat(tracker.confirmed()).isEqualTo(RestartPoint.START);
    }

    @Test
    void saysWhichRepliesAreNotMarkReplies() {
        MarkReplyTracker tracker = new MarkReplyTracker(RestartPoint.START);

        assertThat(tracker.accept("226 Transfer complete")).isFalse();
    }
}
