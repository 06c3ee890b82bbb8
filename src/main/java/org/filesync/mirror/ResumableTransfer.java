package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.filesync.ftp.Checksum;
import org.filesync.ftp.ChecksumAnswer;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.LocalFileException;
import org.filesync.ftp.RestartPoint;
import org.filesync.ftp.TransferListener;
import org.filesync.ftp.TransferResult;
import org.filesync.jobs.VerifyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a file, shared by downloads and uploads: move the bytes into a partial file,
 * verify it, give it its final name. A transient failure (4yz, lost connection, short file) leaves
 * {@link TransferAttempts} ready for the next attempt to resume from the furthest point the target
 * really holds; a permanent one (5yz, a mismatch, a failure of the local side such as
 * {@link LocalFileException}: disk full, permission denied) ends the file. Who retries, how often
 * and after what pause is the caller's affair (the transfer step's retry policy).
 * Finding that point may fail too (SIZE of a remote partial refused or unanswered): transiently,
 * the attempt counts as broken and the next one looks again; permanently, the file is sent whole
 * and its history message says why.
 * A partial file left by an earlier run is resumed only when it provably holds bytes of the
 * version of the source listed now: its {@link PartialStamp}, else the history's record of it.
 * A source that changed while it was read ({@link SourceChangedException}) loses its partial file
 * and gets one more attempt, expecting the source as it is then; a second change fails the file.
 * A stop request ends the attempt at its next progress report, or at once when it cuts the data
 * connection (see {@link SessionPool#abort()}): either way the file ends stopped
 * ({@link TransferStoppedException}), not failed.
 */
abstract class ResumableTransfer implements FileTransfer {

    private static final Logger log = LoggerFactory.getLogger(ResumableTransfer.class);

    protected final Path localRoot;
    protected final String remoteRoot;
    private final TransferRecorder recorder;
    protected final VerifyMode verify;
    private final Function<String, Optional<ResumeHint>> hints;
    private final Set<String> leftOver;
    private final StopRequest stop;

    /**
     * @param leftOver the files whose target held a partial file or a stamp when the run listed it
     */
    ResumableTransfer(Path localRoot, String remoteRoot, TransferRecorder recorder, VerifyMode verify, Function<String, Optional<ResumeHint>> hints, Set<String> leftOver,
                      StopRequest stop) {
        this.localRoot = localRoot;
        this.remoteRoot = remoteRoot;
        this.recorder = recorder;
        this.verify = verify;
        this.hints = hints;
        this.leftOver = Set.copyOf(leftOver);
        this.stop = stop;
    }

    /** Checks the paths and prepares the target side; an exception here fails the file without an attempt. */
    protected abstract void prepare(PlannedFile file) throws IOException, UnsafeLocalPathException, FtpException;

    /** Whether the target may hold a partial file or a stamp of {@code file} from an earlier run. */
    protected boolean mayHoldPartial(PlannedFile file) {
        return leftOver.contains(file.path());
    }

    /** Fails the file before its first attempt when the target side cannot take it from {@code from}. */
    protected void checkRoom(PlannedFile file, RestartPoint from) throws IOException {
    }

    /**
     * Where the next attempt starts, from what the partial file really holds: {@code confirmed}
     * when it is a restart marker the partial still covers.
     */
    protected abstract RestartPoint nextRestartPoint(PlannedFile file, RestartPoint confirmed, FtpSession session)
            throws IOException, FtpException;

    protected abstract TransferResult move(PlannedFile file, FtpSession session, RestartPoint from,
                                           TransferListener listener) throws IOException, FtpException;

    /**
     * Verifies the partial file and gives it its final name.
     *
     * @return a note for the file's history when the checksum could not be compared
     */
    protected abstract Optional<String> commit(PlannedFile file, FtpSession session)
            throws IOException, FtpException, VerificationException, SourceChangedException;

    /** Throws away the partial file, if there is one, so that the next attempt starts from zero. */
    protected abstract void discardPartial(PlannedFile file, FtpSession session) throws IOException, FtpException;

    /** The text of the file's stamp; empty when it has none. */
    protected abstract Optional<String> readStamp(PlannedFile file, FtpSession session) throws IOException, FtpException;

    protected abstract void writeStamp(PlannedFile file, String text, FtpSession session) throws IOException, FtpException;

    /** Removes the file's stamp, if any, quietly: a stamp left behind is cleaned up by the next run. */
    protected abstract void removeStamp(PlannedFile file, FtpSession session);

    @Override
    public TransferOutcome attempt(PlannedFile planned, WorkerSession worker, TransferAttempts state)
            throws FileTransferFailure, InterruptedException {
        PlannedFile file = state.current(planned);
        if (state.count == 0) {
            try {
                prepare(file);
            } catch (UnsafeLocalPathException e) {
                throw state.failed(false, null, e.getMessage());
            } catch (IOException e) {
                throw state.failed(false, null, FailureReason.of(e).message());
            } catch (FtpException e) {
                throw state.failed(false, e.replyCode(), e.getMessage());
            }
        }
        int attempt = ++state.count;
        boolean lookupFailed = false;
        Attempt progress = new Attempt(file, state.bytes, state.from != null ? state.from : state.confirmed);
        try {
            FtpSession session = worker.get();
            if (state.from == null) {
                state.restartNote = null;
                try {
                    if (!state.leftoverChecked) {
                        Leftover leftover = leftover(file, session);
                        state.from = leftover.from();
                        state.partialMayExist = leftover.partialMayExist();
                    } else {
                        state.from = nextRestartPoint(file, state.confirmed, session);
                    }
                } catch (FtpException e) {
                    if (e.isTransient()) {
                        lookupFailed = true;
                        throw e; // a broken attempt like any other: the next one looks again
                    }
                    state.from = RestartPoint.START;
                    state.partialMayExist = true; // unknown: whatever is there must not stay under a new stamp
                    state.restartNote = "cannot find where to resume (" + e.getMessage() + "); sent whole";
                    log.info("{}: {}", file.path(), state.restartNote);
                }
                if (!state.leftoverChecked) {
                    checkRoom(file, state.from);
                }
                state.leftoverChecked = true;
                progress = new Attempt(file, state.bytes, state.from);
            }
            if (state.from.isStart()) {
                stampAfresh(file, session, attempt > 1 || state.partialMayExist);
            }
            state.resumedFrom = state.from.offset();
            recorder.started(file, attempt, state.resumedFrom);
            TransferResult result = move(file, session, state.from, progress);
            state.bytes += result.bytesTransferred();
            state.resumedFrom = result.resumedFrom().offset();
            progress.finished();
            Optional<String> verifyNote = commit(file, session);
            if (PartialStamp.worthStamping(file) || mayHoldPartial(file)) {
                removeStamp(file, session);
            }
            String message = result.restartRefused()
                    ? "server refused to resume at " + state.from.offset() + "; sent whole" : state.restartNote;
            if (verifyNote.isPresent()) {
                message = message == null ? verifyNote.get() : message + "; " + verifyNote.get();
            }
            return new TransferOutcome(true, state.bytes, state.resumedFrom, attempt, result.replyCode(), message);
        } catch (TransferStoppedException e) {
            throw stopped(file, worker, state.bytes + progress.unreported(), progress.confirmed());
        } catch (FtpException e) {
            state.bytes += progress.unreported();
            if (stop.isRequested()) {
                // most likely the stop itself, which closed the connections to end a stalled transfer
                throw stopped(file, worker, state.bytes, progress.confirmed());
            }
            String error = e.getMessage();
            if (lookupFailed) {
                error = "cannot find where to resume: " + error;
                log.info("{}: {}", file.path(), error);
            }
            if (e.connectionLost()) {
                worker.lost();
            }
            resumeNextFrom(state, progress);
            throw state.failed(e.isTransient(), e.replyCode(), error);
        } catch (VerificationException e) {
            if (!e.startOver()) {
                resumeNextFrom(state, progress); // short: the next attempt fetches the rest
                throw state.failed(true, null, e.getMessage());
            }
            // Too long, or a checksum that differs: the bytes are wrong, and fetching them again
            // from where they are would not change that. The partial goes; the next run starts afresh.
            discardQuietly(file, worker);
            throw state.failed(false, null, e.getMessage());
        } catch (SourceChangedException e) {
            discardQuietly(file, worker);
            if (state.changedSource == null) {
                // A file rewritten once is fetched again as it is now; one still being written
                // changes again, and then waits for a later run.
                state.changedSource = e.current();
                state.from = RestartPoint.START;
                log.info("{}: {}; fetching it again", file.path(), e.getMessage());
                throw state.failed(true, null, e.getMessage());
            }
            throw state.failed(false, null, e.getMessage());
        } catch (IOException e) {
            // A local failure (disk full, permission denied) is not the network's: retrying cannot
            // help, and the partial file stays for the next run.
            state.bytes += progress.unreported();
            worker.dropIfDead();
            throw state.failed(false, null, FailureReason.of(e).message());
        } catch (RuntimeException e) {
            // Nothing foresaw this (a bug, a reply no rule covers): the file fails visibly and
            // the session, in an unknown state, goes; the run goes on with the other files.
            state.bytes += progress.unreported();
            worker.lost();
            log.warn("{}: unexpected failure", file.path(), e);
            throw state.failed(false, null, "unexpected failure: " + e);
        }
    }

    private void discardQuietly(PlannedFile file, WorkerSession worker) throws InterruptedException {
        try {
            discardPartial(file, worker.get());
        } catch (IOException | FtpException discardFailure) {
            log.debug("could not discard the partial file of {}: {}", file.path(), discardFailure.getMessage());
        }
    }

    /** After a broken attempt: the next one looks up what the target holds, starting from what this one confirmed. */
    private static void resumeNextFrom(TransferAttempts state, Attempt broken) {
        state.confirmed = broken.confirmed();
        state.from = null;
    }

    /** What an earlier run left of a file: where to resume, and whether a partial file of it may be there. */
    private record Leftover(RestartPoint from, boolean partialMayExist) {
        static final Leftover NONE = new Leftover(RestartPoint.START, false);
    }

    private Leftover leftover(PlannedFile file, FtpSession session) throws IOException, FtpException {
        if (!mayHoldPartial(file)) {
            return Leftover.NONE;
        }
        Optional<String> stamp = readStamp(file, session);
        Optional<ResumeHint> hint = hints.apply(file.path());
        // every partial this version of filesync begins has a stamp (or a row) before its first byte
        boolean partialMayExist = leftOver.contains(file.path()) || stamp.isPresent() || hint.isPresent();
        Optional<SyncState> owner = stamp.flatMap(PartialStamp::parse).map(PartialStamp::source)
                .or(() -> hint.map(ResumeHint::source));
        if (owner.isEmpty() || !owner.get().matches(file.source())) {
            log.debug("{}: the partial file holds another version of the source, or one not known: sent whole",
                    file.path());
            return new Leftover(RestartPoint.START, partialMayExist);
        }
        RestartPoint confirmed = hint.filter(h -> h.source().matches(file.source())).map(ResumeHint::confirmed)
                .orElse(RestartPoint.START);
        return new Leftover(nextRestartPoint(file, confirmed, session), true);
    }

    /**
     * Before the partial file is begun anew: its stamp names the version it will hold, or goes. An
     * old partial goes first, since a refused RETR or STOR would leave its bytes under the new stamp.
     */
    private void stampAfresh(PlannedFile file, FtpSession session, boolean partialMayExist)
            throws IOException, FtpException {
        if (partialMayExist) {
            discardPartial(file, session);
        }
        if (PartialStamp.worthStamping(file)) {
            writeStamp(file, PartialStamp.of(file).text(), session);
        } else if (mayHoldPartial(file)) {
            removeStamp(file, session);
        }
    }

    /**
     * With {@code verify: checksum}, compares the server's checksum of {@code remotePath} with
     * {@code localCopy}'s. When the server has none to compare, the file counts as verified by the
     * size check alone, which its history says (the returned note) and the run says once.
     *
     * @throws VerificationException when the two differ
     * @throws FtpException a permanent one when the server's answer cannot be compared
     */
    protected Optional<String> compareChecksums(PlannedFile file, FtpSession session, String remotePath, Path localCopy)
            throws IOException, FtpException, VerificationException {
        if (verify != VerifyMode.CHECKSUM) {
            return Optional.empty();
        }
        ChecksumAnswer answer = session.checksum(remotePath);
        if (answer instanceof ChecksumAnswer.Unavailable unavailable) {
            recorder.verifiedBySizeOnly(file, unavailable.reason());
            return Optional.of("checksum not compared, size only: " + unavailable.reason());
        }
        Checksum remote = ((ChecksumAnswer.Computed) answer).checksum();
        if (!LocalChecksum.of(localCopy, remote.algorithm()).equals(remote.hex())) {
            throw new VerificationException(remote.algorithm().hashName() + " checksum differs from the server's", true);
        }
        return Optional.empty();
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
