package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpReplyException;
import org.filesync.ftp.RemotePaths;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.VerifyMode;

/** Local → remote: the source is the local folder, the target is listed over FTP; the remote root is created as needed. */
final class UploadMirror implements MirrorDirection {

    private final JobDefinition job;
    private final SessionPool sessions;
    private final List<String> partials = new ArrayList<>();

    UploadMirror(JobDefinition job, SessionPool sessions) {
        this.job = job;
        this.sessions = sessions;
    }

    @Override
    public Sides scan() throws FtpException, IOException, InterruptedException {
        if (!Files.isDirectory(job.localPath())) {
            throw new IOException("the local folder " + job.localPath() + " does not exist");
        }
        TreeListing source = new LocalTreeScanner(job.pathFilter()).scan(job.localPath());
        // a root that does not exist yet is an empty target; it is made when files go there, so a
        // dry run changes nothing on the server
        TreeListing target = new RemoteTreeScanner(sessions, job.parallel(), job.pathFilter(), RetryPolicy.of(job.retries()))
                .scan(job.remote().path(), true);
        partials.clear();
        partials.addAll(target.partials());
        return new Sides(source, target);
    }

    /** MKD each folder of the remote root, so the first upload to a new place works. */
    @Override
    public void prepareTarget() throws FtpException {
        String root = job.remote().path();
        if (root.isEmpty() || root.equals("/")) {
            return;
        }
        String folder = root.startsWith("/") ? "/" : "";
        for (String segment : root.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            folder = RemotePaths.join(folder, segment);
            String made = folder;
            // a session each: a folder check may end its session (see FtpSession#isDirectory)
            sessions.executeWithoutResult(session -> session.makeDirectory(made));
        }
    }

    @Override
    public void createDirectory(String path) throws FtpException {
        sessions.executeWithoutResult(session -> session.makeDirectory(remote(path)));
    }

    @Override
    public void deleteFile(String path) throws FtpException {
        sessions.executeWithoutResult(session -> session.delete(remote(path)));
    }

    @Override
    public void deleteDirectory(String path) throws FtpException {
        String folder = remote(path);
        sessions.executeWithoutResult(session -> {
            if (session.list(folder).isEmpty()) {
                session.removeDirectory(folder);
            }
            // else it holds excluded or partial files: not ours to remove
        });
    }

    /** Partial files and stamps an earlier run left on the server, for files that are not partial any more. */
    @Override
    public void removeLeftoverPartials() throws FtpException {
        for (String path : partials) {
            for (String leftover : List.of(SafePaths.partialName(path), SafePaths.stampName(path))) {
                try {
                    sessions.executeWithoutResult(session -> session.delete(remote(leftover)));
                } catch (FtpReplyException e) {
                    if (e.isTransient()) {
                        throw e;
                    }
                    // 550: already renamed into place by this run's upload of the file, or never stamped
                }
            }
        }
    }

    @Override
    public FileTransfer fileTransfer(TransferRecorder recorder, VerifyMode verify,
                                     Function<String, Optional<ResumeHint>> hints, StopRequest stop) {
        return new UploadTransfer(job.localPath(), job.remote().path(), recorder, verify, hints,
                Set.copyOf(partials), stop);
    }

    private String remote(String path) {
        return RemotePaths.join(job.remote().path(), path);
    }
}
