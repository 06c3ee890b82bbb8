package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.function.Function;
import org.filesync.ftp.Checksum;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.RestartPoint;
import org.filesync.ftp.TransferListener;
import org.filesync.ftp.TransferResult;
import org.filesync.jobs.VerifyMode;

/**
 * RETR into {@code .NAME.filesync-part} beside the target, then verify, set the source's modify
 * time and move into place atomically: the final name only ever holds a complete file.
 */
public final class DownloadTransfer extends ResumableTransfer {

    private volatile FileStore fileStore;

    public DownloadTransfer(Path localRoot, String remoteRoot, TransferRecorder recorder, RetryPolicy retry,
                            VerifyMode verify, Function<String, Optional<ResumeHint>> hints, StopRequest stop) {
        super(localRoot, remoteRoot, recorder, retry, verify, hints, stop);
    }

    @Override
    protected void prepare(PlannedFile file) throws IOException, UnsafeLocalPathException {
        Path target = SafePaths.resolveInside(localRoot, file.path());
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(target)) {
            throw new IOException("a folder stands where the file " + file.path() + " belongs");
        }
    }

    @Override
    protected RestartPoint firstRestartPoint(PlannedFile file, Optional<ResumeHint> hint, FtpSession session)
            throws IOException {
        RestartPoint from = resumablePoint(file, hint);
        ensureSpaceFor(file, from);
        return from;
    }

    /**
     * Fails a file that cannot fit before a byte moves, rather than filling the disk with a
     * partial file that then starves the smaller files after it.
     */
    private void ensureSpaceFor(PlannedFile file, RestartPoint from) throws IOException {
        if (file.size() < 0) {
            return;
        }
        long needed = file.size() - from.offset();
        if (fileStore == null) {
            fileStore = Files.getFileStore(localRoot); // reads the mount table: once, not per file
        }
        long free = fileStore.getUsableSpace();
        if (needed > free) {
            throw new IOException("no space left on device: " + file.path() + " needs " + needed
                    + " more bytes, " + free + " are free");
        }
    }

    private RestartPoint resumablePoint(PlannedFile file, Optional<ResumeHint> hint) throws IOException {
        Path partial = partial(file);
        if (!Files.exists(partial)) {
            return RestartPoint.START;
        }
        long have = Files.size(partial);
        boolean sameSource = hint.isPresent() && hint.get().source().matches(file.source());
        if (!sameSource || (file.size() >= 0 && have > file.size())) {
            Files.delete(partial);
            return RestartPoint.START;
        }
        RestartPoint confirmed = hint.get().confirmed();
        return confirmed.marker() != null && confirmed.offset() <= have ? confirmed : RestartPoint.atOffset(have);
    }

    @Override
    protected RestartPoint nextRestartPoint(PlannedFile file, RestartPoint confirmed, FtpSession session)
            throws IOException {
        Path partial = partial(file);
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        if (confirmed.marker() != null && confirmed.offset() <= have) {
            return confirmed;
        }
        return file.size() >= 0 && have > file.size() ? RestartPoint.START : RestartPoint.atOffset(have);
    }

    @Override
    protected TransferResult move(PlannedFile file, FtpSession session, RestartPoint from, TransferListener listener)
            throws IOException, FtpException {
        // the listed size lets the transport tell a cut transfer that the server still answers 226
        return session.retrieve(SafePaths.remotePath(remoteRoot, file.path()), partial(file), from, file.size(), listener);
    }

    @Override
    protected void commit(PlannedFile file, FtpSession session) throws IOException, FtpException, VerificationException {
        Path partial = partial(file);
        long have = Files.size(partial);
        if (verify != VerifyMode.NONE && file.size() >= 0 && have != file.size()) {
            throw new VerificationException("received " + have + " of " + file.size() + " bytes", have > file.size());
        }
        if (verify == VerifyMode.CHECKSUM) {
            Optional<Checksum> remote = session.checksum(SafePaths.remotePath(remoteRoot, file.path()));
            if (remote.isPresent()) {
                Optional<String> local = LocalChecksum.of(partial, remote.get().algorithm());
                if (local.isPresent() && !local.get().equalsIgnoreCase(remote.get().hex())) {
                    throw new VerificationException(remote.get().algorithm() + " checksum differs from the server's", true);
                }
            }
        }
        if (file.source().modified() != null) {
            Files.setLastModifiedTime(partial, FileTime.from(file.source().modified()));
        }
        Path target = localRoot.resolve(file.path());
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    protected void discardPartial(PlannedFile file, FtpSession session) throws IOException {
        Files.deleteIfExists(partial(file));
    }

    private Path partial(PlannedFile file) {
        return localRoot.resolve(SafePaths.partialName(file.path()));
    }
}
