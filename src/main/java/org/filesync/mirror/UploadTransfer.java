package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.filesync.ftp.Checksum;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpReplyException;
import org.filesync.ftp.FtpSession;
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
public final class UploadTransfer extends ResumableTransfer {

    private static final Logger log = LoggerFactory.getLogger(UploadTransfer.class);

    public UploadTransfer(Path localRoot, String remoteRoot, TransferRecorder recorder, RetryPolicy retry,
                          VerifyMode verify, Function<String, Optional<ResumeHint>> hints, StopRequest stop) {
        super(localRoot, remoteRoot, recorder, retry, verify, hints, stop);
    }

    @Override
    protected void prepare(PlannedFile file) throws IOException, UnsafeLocalPathException {
        Path local = SafePaths.resolveInside(localRoot, file.path());
        if (!Files.isRegularFile(local)) {
            throw new IOException("no such file: " + local);
        }
    }

    @Override
    protected RestartPoint firstRestartPoint(PlannedFile file, Optional<ResumeHint> hint, FtpSession session)
            throws FtpException {
        if (hint.isEmpty() || !hint.get().source().matches(file.source())) {
            return RestartPoint.START;
        }
        RestartPoint confirmed = hint.get().confirmed();
        if (confirmed.marker() != null) {
            return confirmed;
        }
        return remotePartialSize(file, session);
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
            throws FtpException {
        return session.store(localRoot.resolve(file.path()), partial(file), from, listener);
    }

    @Override
    protected void commit(PlannedFile file, FtpSession session) throws IOException, FtpException, VerificationException {
        String partial = partial(file);
        if (verify != VerifyMode.NONE && session.features().size()) {
            OptionalLong have = session.size(partial);
            if (have.isPresent() && have.getAsLong() != file.size()) {
                throw new VerificationException("server holds " + have.getAsLong() + " of " + file.size() + " bytes",
                        have.getAsLong() > file.size());
            }
        }
        if (verify == VerifyMode.CHECKSUM) {
            Optional<Checksum> remote = session.checksum(partial);
            if (remote.isPresent()) {
                Optional<String> local = LocalChecksum.of(localRoot.resolve(file.path()), remote.get().algorithm());
                if (local.isPresent() && !local.get().equalsIgnoreCase(remote.get().hex())) {
                    throw new VerificationException(remote.get().algorithm() + " checksum differs from the server's", true);
                }
            }
        }
        String target = SafePaths.remotePath(remoteRoot, file.path());
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
    }

    @Override
    protected void discardPartial(PlannedFile file, FtpSession session) throws FtpException {
        session.delete(partial(file));
    }

    private String partial(PlannedFile file) {
        return SafePaths.remotePath(remoteRoot, SafePaths.partialName(file.path()));
    }
}
