package org.filesync.mirror;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.filesync.ftp.FtpException;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.VerifyMode;

/** The side-specific half of a mirror: which side is listed how, and how files and folders are made and removed. */
public interface MirrorDirection {

    /** Both sides' listings; the source side's root failing to list is an exception, a subfolder a listing problem. */
    record Sides(TreeListing source, TreeListing target) {
    }

    Sides scan() throws FtpException, IOException, InterruptedException;

    /** Makes the target's root where it does not exist yet (only when files are to go there). */
    void prepareTarget() throws FtpException, IOException;

    void createDirectory(String path) throws FtpException, IOException, UnsafeLocalPathException;

    void deleteFile(String path) throws FtpException, IOException, UnsafeLocalPathException;

    void deleteDirectory(String path) throws FtpException, IOException, UnsafeLocalPathException;

    /** Removes partial files left by earlier runs once nothing needs them: a run that ends with exit 0 leaves none. */
    void removeLeftoverPartials() throws IOException, FtpException;

    FileTransfer fileTransfer(TransferRecorder recorder, VerifyMode verify,
                              Function<String, Optional<ResumeHint>> hints, StopRequest stop);

    static MirrorDirection of(JobDefinition job, SessionPool sessions) {
        return switch (job.direction()) {
            case DOWNLOAD -> new DownloadMirror(job, sessions);
            case UPLOAD -> new UploadMirror(job, sessions);
        };
    }

}
