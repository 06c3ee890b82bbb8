package org.filesync.ftp.block;

import org.filesync.ftp.RestartPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The furthest point of a block-mode STOR the server has confirmed with a {@code 110 MARK ssss =
 * mmmm} reply, as a {@link RestartPoint}: the offset the client's marker ssss stands for, with the
 * server's marker mmmm that {@code REST} must send to continue there (RFC 959 §3.5).
 * <p>
 * Thread-safe: the thread sending the data records the markers it sends while another thread (or
 * the same one, after the data) feeds in the replies read from the control connection.
 */
public final class MarkReplyTracker {

    private static final Logger log = LoggerFactory.getLogger(MarkReplyTracker.class);

    private RestartPoint confirmed;
    private long furthestMarkerSent;

    /** @param start where this attempt starts: confirmed until a reply confirms more */
    public MarkReplyTracker(RestartPoint start) {
        this.confirmed = start;
        this.furthestMarkerSent = start.offset();
    }

    /** Called by the sender for each marker once it is on the wire. */
    public synchronized void markerSent(long offset) {
        furthestMarkerSent = Math.max(furthestMarkerSent, offset);
    }

    /**
     * Takes one reply from the control connection.
     *
     * @return true when it was a MARK reply (confirming or not), false for any other reply
     */
    public synchronized boolean accept(String reply) {
        var parsed = MarkReply.parse(reply);
        if (parsed.isEmpty()) {
            return false;
        }
        MarkReply mark = parsed.get();
        long offset = offsetOf(mark.clientMarker());
        if (offset < 0 || offset > furthestMarkerSent) {
            log.debug("110 for a marker this client did not send ignored: {}", mark);
        } else if (offset > confirmed.offset()) {
            confirmed = new RestartPoint(offset, mark.serverMarker());
            log.debug("server confirmed byte {} as marker {}", offset, mark.serverMarker());
        }
        return true;
    }

    /** The furthest confirmed point; the start point until a MARK reply confirms more. */
    public synchronized RestartPoint confirmed() {
        return confirmed;
    }

    // This client's markers are decimal offsets (BlockModeEncoder.clientMarker), so the reply alone
    // says which position the server confirmed; a marker past what was sent is the server's mistake.
    private static long offsetOf(String clientMarker) {
        if (clientMarker.isEmpty() || clientMarker.length() > 18 || !clientMarker.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(clientMarker);
    }
}
