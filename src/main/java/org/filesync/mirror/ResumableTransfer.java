package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.RestartPoint;
import org.filesync.ftp.TransferListener;
import org.filesync.ftp.TransferResult;
import org.filesync.jobs.VerifyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempt loop shared by downloads and uploads: move the bytes into a partial file, verify
 * it, give it its final name. A transient failure (4yz, lost connection, short file) is retried
 * with backoff from the furthest point the target really holds; a permanent one fails the file.
 * Finding that point may fail too (SIZE of a remote partial refused or unanswered): transiently,
 * the attempt counts as broken and the next one looks again; permanently, the file is sent whole
 * and its history message says why.
 * A stop request ends the attempt at its next progress report, or at once when it cuts the data
 * connection (see {@link SessionPool#abort()}): either way the file ends stopped
 * ({@link TransferStoppedException}), not failed.
 */
abstract class ResumableTransfer implements FileTransfer {

    private static final Logger log = LoggerFactory.getLogger(ResumableTransfer.class);

    protected final Path localRoot;
    protected final String remoteRoot;
    private final TransferRecorder recorder;
    private final RetryPolicy retry;
    protected final VerifyMode verify;
    private final Function<String, Optional<ResumeHint>> hints;
    private final StopRequest stop;

    ResumableTransfer(Path localRoot, String remoteRoot, TransferRecorder recorder, RetryPolicy retry,
                      VerifyMode verify, Function<String, Optional<ResumeHint>> hints, StopRequest stop) {
        this.localRoot = localRoot;
        this.remoteRoot = remoteRoot;
        this.recorder = recorder;
        this.retry = retry;
        this.verify = verify;
        this.hints = hints;
        this.stop = stop;
    }

    /** Checks the paths and prepares the target side; an exception here fails the file without an attempt. */
    protected abstract void prepare(PlannedFile file) throws IOException, UnsafeLocalPathException, FtpException;

    /** Where the first attempt starts, given what an earlier run may have left. */
    protected abstract RestartPoint firstRestartPoint(PlannedFile file, Optional<ResumeHint> hint, FtpSession session)
            throws IOException, FtpException;

    /** Where the next attempt starts after a broken one. */
    protected abstract RestartPoint nextRestartPoint(PlannedFile file, RestartPoint confirmed, FtpSession session)
            throws IOException, FtpException;

    protected abstract TransferResult move(PlannedFile file, FtpSession session, RestartPoint from,
                                           TransferListener listener) throws IOException, FtpException;

    /** Verifies the partial file and gives it its final name. */
    protected abstract void commit(PlannedFile file, FtpSession session)
            throws IOException, FtpException, VerificationException;

    /** Throws away the partial file, so that the next attempt starts from zero. */
    protected abstract void discardPartial(PlannedFile file, FtpSession session) throws IOException, FtpException;

    /**
     * @throws TransferStoppedException when a stop was requested during the transfer: the row stays
     *         IN_PROGRESS with its progress recorded, the partial file stays, the session is dropped
     */
    @Override
    public TransferOutcome transfer(PlannedFile file, WorkerSession worker) throws InterruptedException {
        long bytes = 0;
        long resumedFrom = 0;
        RestartPoint confirmed = RestartPoint.START;
        RestartPoint from = null; // looked up at the start of each attempt after a broken one
        String restartNote = null;
        String lastError = null;
        Integer lastReply = null;
        int attempt = 0;
        try {
            prepare(file);
        } catch (UnsafeLocalPathException e) {
            return fail(file, new TransferOutcome(false, 0, 0, 0, null, e.getMessage()));
        } catch (IOException e) {
            return fail(file, new TransferOutcome(false, 0, 0, 0, null, "local: " + describe(e)));
        } catch (FtpException e) {
            return fail(file, new TransferOutcome(false, 0, 0, 0, e.replyCode(), e.getMessage()));
        }
        boolean first = true;
        while (true) {
            attempt++;
            boolean startOver = false;
            boolean lookupFailed = false;
            Attempt progress = new Attempt(file, bytes, from != null ? from : confirmed);
            try {
                FtpSession session = worker.get();
                if (from == null) {
                    restartNote = null;
                    try {
                        from = first ? firstRestartPoint(file, hints.apply(file.path()), session)
                                : nextRestartPoint(file, confirmed, session);
                    } catch (FtpException e) {
                        if (e.isTransient()) {
                            lookupFailed = true;
                            throw e; // a broken attempt like any other: the next one looks again
                        }
                        from = RestartPoint.START;
                        restartNote = "cannot find where to resume (" + e.getMessage() + "); sent whole";
                        log.info("{}: {}", file.path(), restartNote);
                    }
                    first = false;
                    progress = new Attempt(file, bytes, from);
                }
                resumedFrom = from.offset();
                recorder.started(file, attempt, resumedFrom);
                TransferResult result = move(file, session, from, progress);
                bytes += result.bytesTransferred();
                resumedFrom = result.resumedFrom().offset();
                progress.finished();
                commit(file, session);
                String message = result.restartRefused()
                        ? "server refused to resume at " + from.offset() + "; sent whole" : restartNote;
                TransferOutcome outcome = new TransferOutcome(true, bytes, resumedFrom, attempt,
                        result.replyCode(), message);
                recorder.done(file, outcome);
                return outcome;
            } catch (TransferStoppedException e) {
                throw stopped(file, worker, bytes + progress.unreported(), progress.confirmed());
            } catch (FtpException e) {
                bytes += progress.unreported();
                if (stop.isRequested()) {
                    // most likely the stop itself, which closed the connections to end a stalled transfer
                    throw stopped(file, worker, bytes, progress.confirmed());
                }
                lastError = e.getMessage();
                lastReply = e.replyCode();
                if (lookupFailed) {
                    lastError = "cannot find where to resume: " + lastError;
                    log.info("{}: {}", file.path(), lastError);
                }
                if (e.connectionLost()) {
                    worker.lost();
                }
                if (!e.isTransient()) {
                    return fail(file, new TransferOutcome(false, bytes, resumedFrom, attempt, lastReply, lastError));
                }
            } catch (VerificationException e) {
                lastError = e.getMessage();
                lastReply = null;
                if (e.startOver()) {
                    startOver = true;
                    from = RestartPoint.START;
                    try {
                        discardPartial(file, worker.get());
                    } catch (IOException | FtpException discardFailure) {
                        log.debug("could not discard the partial file of {}: {}", file.path(), discardFailure.getMessage());
                    }
                }
            } catch (IOException e) {
                bytes += progress.unreported();
                return fail(file, new TransferOutcome(false, bytes, resumedFrom, attempt, null, "local: " + describe(e)));
            } catch (RuntimeException e) {
                // Nothing foresaw this (a bug, a reply no rule covers): the file fails visibly and
                // the session, in an unknown state, goes; the run goes on with the other files.
                bytes += progress.unreported();
                worker.lost();
                log.warn("{}: unexpected failure", file.path(), e);
                return fail(file, new TransferOutcome(false, bytes, resumedFrom, attempt, null,
                        "unexpected failure: " + e));
            }
            if (attempt > retry.retries()) {
                return fail(file, new TransferOutcome(false, bytes, resumedFrom, attempt, lastReply,
                        "gave up after " + attempt + " attempts: " + lastError));
            }
            log.debug("{}: attempt {} failed ({}), retrying", file.path(), attempt, lastError);
            if (stop.await(retry.delayBefore(attempt + 1))) {
                throw stopped(file, worker, bytes, progress.confirmed());
            }
            if (!startOver) {
                confirmed = progress.confirmed();
                from = null;
            }
        }
    }

    /**
     * The server may still be sending (or waiting for) data with its reply unread: the session is
     * out of step, so it goes rather than back to the pool. The row stays IN_PROGRESS with its
     * progress, and the partial file stays for the next run.
     */
    private TransferStoppedException stopped(PlannedFile file, WorkerSession worker, long bytes, RestartPoint confirmed) {
        worker.lost();
        recorder.stopped(file, bytes, confirmed);
        return new TransferStoppedException(file.path());
    }

    private TransferOutcome fail(PlannedFile file, TransferOutcome outcome) {
        recorder.failed(file, outcome);
        return outcome;
    }

    static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + message;
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + message;
        }
        return message;
    }

    /** One attempt's progress: passed to the transport, forwarded to the recorder. */
    private final class Attempt implements TransferListener {
        private final PlannedFile file;
        private final long bytesBefore;
        private volatile long bytesThisAttempt;
        private volatile RestartPoint confirmed;
        private boolean finished;

        Attempt(PlannedFile file, long bytesBefore, RestartPoint from) {
            this.file = file;
            this.bytesBefore = bytesBefore;
            this.confirmed = from;
        }

        @Override
        public void progress(long bytes, RestartPoint point) {
            bytesThisAttempt = bytes;
            confirmed = point;
            recorder.progress(file, bytesBefore + bytes, point);
            if (!finished && stop.isRequested()) {
                throw new TransferStoppedException(file.path());
            }
        }

        RestartPoint confirmed() {
            return confirmed;
        }

        void finished() {
            finished = true;
        }

        long unreported() {
            return finished ? 0 : bytesThisAttempt;
        }
    }
}
