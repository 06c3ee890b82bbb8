package org.filesync.ftp;

import java.io.IOException;
import java.util.function.Consumer;
import org.filesync.ftp.block.MalformedBlockStreamException;

/**
 * The transmission mode of one session (RFC 959 §3.4): the one negotiated at login, until a server
 * that accepted {@code MODE B} shows that it does not speak it, by sending bytes that cannot be
 * blocks (a descriptor with bits RFC 959 does not assign, a marker that is not text). From then on
 * the session is in stream mode, and its factory opens the run's later sessions in stream mode too.
 */
final class SessionMode {

    /** A transfer that fell back to stream mode and is to be repeated, whole, in it. */
    static final class FellBack extends Exception {
        FellBack() {
            super(null, null, false, false);
        }
    }

    /** One go at a data transfer, which may find that the server does not speak block mode. */
    /** @param <E> what else the attempt may throw (a local file's failure), beside the FTP ones */
    interface Attempt<T, E extends Exception> {
        T run() throws FtpException, E, FellBack;
    }

    private final ControlChannel control;
    private final Consumer<String> onFallback;
    private volatile DataTransfer current;

    /** @param onFallback told why, once per session that falls back */
    SessionMode(ControlChannel control, DataTransfer negotiated, Consumer<String> onFallback) {
        this.control = control;
        this.current = negotiated;
        this.onFallback = onFallback;
    }

    DataTransfer current() {
        return current;
    }

    /** Runs {@code first}; when it fell back to stream mode, runs {@code again}, which then cannot fall back. */
    <T, E extends Exception> T withFallback(Attempt<T, E> first, Attempt<T, E> again) throws FtpException, E {
        try {
            return first.run();
        } catch (FellBack e) {
            try {
                return again.run();
            } catch (FellBack impossible) {
                throw new IllegalStateException("a transfer in stream mode fell back to stream mode", impossible);
            }
        }
    }

    /**
     * After a transfer broke with {@code failure} and its final reply was read: when the failure
     * shows stream data in block mode, switches to stream mode ({@code MODE S}) and throws
     * {@link FellBack} for the transfer to be repeated; otherwise returns.
     */
    void fallBackIfNotBlockMode(IOException failure) throws FtpException, FellBack {
        if (!(failure instanceof MalformedBlockStreamException)) {
            return;
        }
        onFallback.accept(failure.getMessage());
        if (control.isDead()) {
            return; // the failure stands; the next session starts in stream mode
        }
        control.complete("MODE", "S");
        current = new StreamModeTransfer();
        throw new FellBack();
    }
}
