package org.filesync.mirror;

import org.filesync.ftp.BandwidthThrottle;
import org.filesync.ftp.FtpSessionSettings;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.RemoteEndpoint;

/** The FTP session settings a job's {@code remote:} section stands for. */
public final class JobSessionSettings {

    private JobSessionSettings() {
    }

    /** @param throttle shared by all sessions of the run, so that {@code bandwidthLimit} caps the whole job */
    public static FtpSessionSettings of(JobDefinition job, BandwidthThrottle throttle) {
        RemoteEndpoint remote = job.remote();
        return new FtpSessionSettings(remote.server(), remote.password().reveal(), throttle);
    }
}
