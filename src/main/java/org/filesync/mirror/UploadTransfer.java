package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpReplyException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.LocalFileException;
import org.filesync.ftp.RemotePaths;
import org.filesync.ftp.RestartPoint;
import org.filesync.ftp.TransferListener;
import org.filesync.ftp.TransferResult;
import org.filesync.jobs.VerifyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STOR into {@code .NAME.filesync-part} in the same remote folder, check its size with SIZE (a
 * 226 alone does not prove an upload whole: pyftpdlib sends it after a reset), then RNFR/RNTO to
 * the final name and set the local modify time where the server allows (MFMT).
 */
final class UploadTransfer extends ResumableTransfer {

    private static final Logger log = LoggerFactory.getLogger(UploadTransfer.class);
    /** A stamp is one short line; anything longer under its name is not filesync's. */
    private static final long MAX_STAMP_BYTES = 4096;

    UploadTransfer(Path localRoot, String remoteRoot, TransferRecorder recorder, VerifyMode verify,
               Function<String, Optional<ResumeHint>> hints, Set<String> leftOver, StopRequest stop) {
        super(localRoot, remoteRoot, recorder, verify, hints, leftOver, stop);
    }

    @Override
    protected void prepare(PlannedFile file) throws IOException, UnsafeLocalPathException {
        Path local = SafePaths.resolveInside(localRoot, file.path());
        if (!Files.isRegularFile(local)) {
            throw new IOException("no such file: " + local);
        }
    }

    @Override
    protected RestartPoint nextRestartPoint(PlannedFile file, RestartPoint confirmed, FtpSession session)
            throws FtpException {
        return confirmed.marker() != null ? confirmed : remotePartialSize(file, session);
    }

    private RestartPoint remotePartialSize(PlannedFile file, FtpSession session) throws FtpException {
        OptionalLong have = session.size(partial(file));
        if (have.isEmpty() || have.getAsLong() > file.size()) {
            return RestartPoint.START;
        }
        return RestartPoint.atOffset(have.getAsLong());
    }

    @Override
    protected TransferResult move(PlannedFile file, FtpSession session, RestartPoint from, TransferListener listener)
            throws FtpException, LocalFileException {
        return session.store(localRoot.resolve(file.path()), partial(file), from, listener);
    }

    @Override
    protected Optional<String> commit(PlannedFile file, FtpSession session)
            throws IOException, FtpException, VerificationException {
        String partial = partial(file);
        if (verify != VerifyMode.NONE && session.features().size()) {
            OptionalLong have = session.size(partial);
            if (have.isPresent() && have.getAsLong() != file.size()) {
                throw new VerificationException("server holds " + have.getAsLong() + " of " + file.size() + " bytes",
                        have.getAsLong() > file.size());
            }
        }
        Optional<String> verifyNote = compareChecksums(file, session, partial, localRoot.resolve(file.path()));
        String target = RemotePaths.join(remoteRoot, file.path());
        try {
            session.rename(partial, target);
        } catch (FtpReplyException e) {
            if (e.isTransient() || session.size(target).isEmpty()) {
                throw e;
            }
            // Some servers refuse RNTO onto an existing file: replace it explicitly.
            session.delete(target);
            session.rename(partial, target);
        }
        if (file.source().modified() != null) {
            try {
                session.setModificationTime(target, file.source().modified());
            } catch (FtpReplyException e) {
                // The file is whole under its final name; a refused time must not fail it (the
                // catalog keeps the source's time, so the next run does not upload it again).
                if (e.isTransient()) {
                    throw e;
                }
                log.debug("{}: the server kept its own time for {}: {}", remoteRoot, file.path(), e.getMessage());
            }
        }
        return verifyNote;
    }

    @Override
    protected void discardPartial(PlannedFile file, FtpSession session) throws FtpException {
        deleteIfExists(partial(file), session);
    }

    /** Many servers leave dot files out of listings (Apache FtpServer, vsftpd): a file worth resuming asks. */
    @Override
    protected boolean mayHoldPartial(PlannedFile file) {
        return super.mayHoldPartial(file) || PartialStamp.worthStamping(file);
    }

    @Override
    protected Optional<String> readStamp(PlannedFile file, FtpSession session) throws IOException, FtpException {
        if (!session.features().size() || session.size(stamp(file)).isEmpty()) {
            return Optional.empty(); // one control round trip instead of a data connection
        }
        Path local = Files.createTempFile("filesync-stamp", null);
        try {
            session.retrieve(stamp(file), local, RestartPoint.START, TransferListener.NONE);
            return Files.size(local) > MAX_STAMP_BYTES ? Optional.empty() : Optional.of(Files.readString(local));
        } catch (FtpReplyException e) {
            if (e.isTransient()) {
                throw e;
            }
            return Optional.empty(); // 550: no stamp
        } finally {
            Files.deleteIfExists(local);
        }
    }

    @Override
    protected void writeStamp(PlannedFile file, String text, FtpSession session) throws IOException, FtpException {
        Path local = Files.createTempFile("filesync-stamp", null);
        try {
            Files.writeString(local, text);
            session.store(local, stamp(file), RestartPoint.START, TransferListener.NONE);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    @Override
    protected void removeStamp(PlannedFile file, FtpSession session) {
        try {
            session.delete(stamp(file)); // a stamp that is not there fails quietly here: no SIZE first
        } catch (FtpException e) {
            log.debug("{}: cannot remove the stamp of {}: {}", remoteRoot, file.path(), e.getMessage());
        }
    }

    /** SIZE first: Apache FtpServer answers DELE of a missing file with a transient 450. */
    private static void deleteIfExists(String path, FtpSession session) throws FtpException {
        if (session.features().size() && isMissing(path, session)) {
            return;
        }
        try {
            session.delete(path);
        } catch (FtpReplyException e) {
            if (e.isTransient()) {
                throw e;
            }
        }
    }

    /** False also when SIZE is refused for the file: then DELE has to tell. */
    private static boolean isMissing(String path, FtpSession session) throws FtpException {
        try {
            return session.size(path).isEmpty();
        } catch (FtpReplyException e) {
            if (e.isTransient()) {
                throw e;
            }
            return false;
        }
    }

    private String stamp(PlannedFile file) {
        return RemotePaths.join(remoteRoot, SafePaths.stampName(file.path()));
    }

    private String partial(PlannedFile file) {
        return RemotePaths.join(remoteRoot, SafePaths.partialName(file.path()));
    }
}
