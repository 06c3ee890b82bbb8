package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.NamedThreadFactory;
import org.filesync.ftp.TransferMode;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.Segmenting;
import org.filesync.jobs.VerifyMode;

/** Remote → local: the source is listed over FTP, the target is the local folder. */
final class DownloadMirror implements MirrorDirection {

    private final JobDefinition job;
    private final SessionPool sessions;
    private final Path localRoot;
    private final List<String> partials = new ArrayList<>();

    DownloadMirror(JobDefinition job, SessionPool sessions) {
        this.job = job;
        this.sessions = sessions;
        this.localRoot = job.localPath();
    }

    @Override
    public Sides scan() throws FtpException, IOException, InterruptedException {
        // The local walk runs while the server lists: neither waits for the other.
        ExecutorService walker = Executors.newSingleThreadExecutor(new NamedThreadFactory("filesync-local-scan", false));
        Future<TreeListing> local = walker.submit(() -> new LocalTreeScanner(job.pathFilter()).scan(localRoot));
        walker.shutdown();
        TreeListing source;
        try {
            source = new RemoteTreeScanner(sessions, job.parallel(), job.pathFilter(), RetryPolicy.of(job.retries()))
                    .scan(job.remote().path(), false);
        } finally {
            walker.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
        TreeListing target = localListing(local);
        partials.clear();
        partials.addAll(target.partials());
        return new Sides(source, target);
    }

    private static TreeListing localListing(Future<TreeListing> local) throws IOException, InterruptedException {
        try {
            return local.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void prepareTarget() throws IOException {
        Files.createDirectories(localRoot);
    }

    @Override
    public void createDirectory(String path) throws IOException, UnsafeLocalPathException {
        Files.createDirectories(SafePaths.resolveInside(localRoot, path));
    }

    @Override
    public void deleteFile(String path) throws IOException, UnsafeLocalPathException {
        Files.deleteIfExists(SafePaths.resolveInside(localRoot, path));
    }

    @Override
    public void deleteDirectory(String path) throws IOException, UnsafeLocalPathException {
        Path folder = SafePaths.resolveInside(localRoot, path);
        try (var entries = Files.list(folder)) {
            if (entries.findAny().isPresent()) {
                return; // holds excluded or partial files: not ours to remove
            }
        }
        Files.deleteIfExists(folder);
    }

    @Override
    public void removeLeftoverPartials() throws IOException {
        for (String path : partials) {
            Files.deleteIfExists(localRoot.resolve(SafePaths.partialName(path)));
            Files.deleteIfExists(localRoot.resolve(SafePaths.stampName(path)));
        }
    }

    @Override
    public FileTransfer fileTransfer(TransferRecorder recorder, VerifyMode verify,
                                     Function<String, Optional<ResumeHint>> hints, StopRequest stop) {
        // MODE B cannot start a RETR at a byte offset the server never marked: one stream
        Segmenting segmenting = job.remote().server().transferMode() == TransferMode.BLOCK
                ? Segmenting.NONE : job.segmenting();
        return new DownloadTransfer(localRoot, job.remote().path(), recorder, verify, hints, Set.copyOf(partials),
                stop, segmenting, new SegmentedDownload(sessions));
    }
}
