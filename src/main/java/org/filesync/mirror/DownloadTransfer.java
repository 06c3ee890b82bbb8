package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.filesync.ftp.FailureMessages;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpReplyException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.RemotePaths;
import org.filesync.ftp.RestartPoint;
import org.filesync.ftp.TimePrecision;
import org.filesync.ftp.TransferListener;
import org.filesync.ftp.TransferResult;
import org.filesync.jobs.Segmenting;
import org.filesync.jobs.VerifyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RETR into {@code .NAME.filesync-part} beside the target, then verify, set the source's modify
 * time and move into place atomically: the final name only ever holds a complete file.
 */
final class DownloadTransfer extends ResumableTransfer {

    private static final Logger log = LoggerFactory.getLogger(DownloadTransfer.class);

    private final Segmenting segmenting;
    private final SegmentedDownload segmented;
    private final CheckedFolders folders;
    private volatile FileStore fileStore;

    /** @param segmenting {@link Segmenting#NONE} where ranges cannot be fetched (block mode) */
    DownloadTransfer(Path localRoot, String remoteRoot, TransferRecorder recorder, VerifyMode verify,
                 Function<String, Optional<ResumeHint>> hints, Set<String> leftOver, StopRequest stop,
                 Segmenting segmenting, SegmentedDownload segmented) {
        super(localRoot, remoteRoot, recorder, verify, hints, leftOver, stop);
        this.segmenting = segmenting;
        this.segmented = segmented;
        this.folders = new CheckedFolders(localRoot);
    }

    @Override
    protected void prepare(PlannedFile file) throws IOException, UnsafeLocalPathException {
        Path target = folders.fileInside(file.path());
        if (Files.isDirectory(target)) {
            throw new IOException("a folder stands where the file " + file.path() + " belongs");
        }
    }

    /**
     * Fails a file that cannot fit before a byte moves, rather than filling the disk with a
     * partial file that then starves the smaller files after it.
     */
    @Override
    protected void checkRoom(PlannedFile file, RestartPoint from) throws IOException {
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

    @Override
    protected RestartPoint nextRestartPoint(PlannedFile file, RestartPoint confirmed, FtpSession session)
            throws IOException {
        Optional<List<Segment>> segments = journal(file);
        if (segments.isEmpty()) {
            return RestartPoint.START; // a journal cut short: which ranges arrived is unknown
        }
        if (!segments.get().isEmpty()) {
            // a segmented partial has holes: only its contiguous prefix is known to be there
            return RestartPoint.atOffset(SegmentJournal.contiguousEnd(segments.get()));
        }
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
        String remotePath = RemotePaths.join(remoteRoot, file.path());
        List<Segment> recorded = journal(file).orElse(List.of());
        if (segmenting.splits(file.size())) {
            List<Segment> segments = recorded.isEmpty()
                    ? SegmentJournal.split(from.offset(), file.size(), segmenting.segments()) : recorded;
            return segmented.fetch(session, remotePath, partial(file), file.size(), segments,
                    ranges -> writeStamp(file, SegmentJournal.text(PartialStamp.of(file), ranges), session), listener);
        }
        if (!recorded.isEmpty()) {
            // segments no more (the job changed): one stream from the prefix, which a cut resumes from its length
            writeStamp(file, PartialStamp.of(file).text(), session);
        }
        // the listed size lets the transport tell a cut transfer that the server still answers 226
        return session.retrieve(remotePath, partial(file), from, file.size(), listener);
    }

    /** The ranges a segmented download recorded in the file's stamp; empty when the stamp is unreadable. */
    private Optional<List<Segment>> journal(PlannedFile file) throws IOException {
        if (file.size() < Segmenting.MIN_SIZE_FLOOR) {
            return Optional.of(List.of()); // never split: no stamp to read for each small file
        }
        Optional<String> stamp = readStamp(file, null);
        if (stamp.isEmpty()) {
            return Optional.of(List.of());
        }
        return SegmentJournal.parse(stamp.get());
    }

    @Override
    protected Optional<String> commit(PlannedFile file, FtpSession session)
            throws IOException, FtpException, VerificationException, SourceChangedException {
        Path partial = partial(file);
        long have = Files.size(partial);
        checkSourceUnchanged(file, have, session);
        if (verify != VerifyMode.NONE && file.size() >= 0 && have != file.size()) {
            throw new VerificationException("received " + have + " of " + file.size() + " bytes", have > file.size());
        }
        Optional<String> verifyNote = compareChecksums(file, session, RemotePaths.join(remoteRoot, file.path()),
                partial);
        if (file.source().modified() != null) {
            Files.setLastModifiedTime(partial, FileTime.from(file.source().modified()));
        }
        Path target = localRoot.resolve(file.path());
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return verifyNote;
    }

    /**
     * More bytes than listed, or a modify time that moved, mean the file was written while it was
     * read. The time is compared only where the listing gave it exactly (MLSD, or LIST confirmed by
     * MDTM): a LIST time may be in the server's zone, MDTM's is UTC.
     */
    private void checkSourceUnchanged(PlannedFile file, long have, FtpSession session)
            throws FtpException, SourceChangedException {
        String remotePath = RemotePaths.join(remoteRoot, file.path());
        boolean timed = file.source().precision() == TimePrecision.EXACT && file.source().modified() != null
                && session.features().mdtm();
        Optional<Instant> modified = timed ? session.modificationTime(remotePath) : Optional.empty();
        boolean grew = file.size() >= 0 && have > file.size();
        boolean moved = modified.isPresent()
                && !file.source().state().matches(TreeEntry.file(file.path(), file.size(), modified.get(), TimePrecision.EXACT));
        if (grew || moved) {
            long size = sizeNow(session, remotePath, have);
            TreeEntry now = modified.map(time -> TreeEntry.file(file.path(), size, time, TimePrecision.EXACT))
                    .orElse(TreeEntry.file(file.path(), size, file.source().modified(), file.source().precision()));
            throw new SourceChangedException(new PlannedFile(now, file.reason()));
        }
    }

    /** SIZE where the server answers it; else what the stream delivered, which ran to the file's end as it was then. */
    private static long sizeNow(FtpSession session, String remotePath, long have) throws FtpException {
        try {
            return session.size(remotePath).orElse(have);
        } catch (FtpReplyException e) {
            if (e.isTransient()) {
                throw e;
            }
            return have;
        }
    }

    @Override
    protected void discardPartial(PlannedFile file, FtpSession session) throws IOException {
        Files.deleteIfExists(partial(file));
    }

    @Override
    protected Optional<String> readStamp(PlannedFile file, FtpSession session) throws IOException {
        try {
            return Optional.of(Files.readString(stamp(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void writeStamp(PlannedFile file, String text, FtpSession session) throws IOException {
        Files.writeString(stamp(file), text);
    }

    @Override
    protected void removeStamp(PlannedFile file, FtpSession session) {
        try {
            Files.deleteIfExists(stamp(file));
        } catch (IOException e) {
            log.debug("{}: cannot remove the stamp {}: {}", file.path(), stamp(file), FailureMessages.of(e));
        }
    }

    private Path stamp(PlannedFile file) {
        return localRoot.resolve(SafePaths.stampName(file.path()));
    }

    private Path partial(PlannedFile file) {
        return localRoot.resolve(SafePaths.partialName(file.path()));
    }
}
