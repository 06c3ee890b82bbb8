package org.filesync.ftp;

/**
 * Everything needed to open a session to one server.
 *
 * @param throttle shared by all sessions of one job to cap its rate; {@link BandwidthThrottle#UNLIMITED} for none
 */
public record FtpSessionSettings(FtpEndpoint server, String password, BandwidthThrottle throttle) {

    /** Without the password. */
    @Override
    public String toString() {
        return "FtpSessionSettings[" + server + "]";
    }
}
