package org.filesync.ftp;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything needed to open a session to one server.
 *
 * @param certificate a PEM file trusted besides the JVM's trust store, or null
 * @param activeAddress the address to advertise in active mode, or null for the control socket's local one
 * @param activePorts local ports for active-mode data connections, or null for any
 * @param markerInterval block mode: bytes between the restart markers sent on STOR
 * @param throttle shared by all sessions of one job to cap its rate; {@link BandwidthThrottle#UNLIMITED} for none
 */
public record FtpSessionSettings(
        String host,
        int port,
        String username,
        String password,
        TlsMode tls,
        Path certificate,
        boolean verifyCertificate,
        boolean passive,
        String activeAddress,
        PortRange activePorts,
        TransferMode transferMode,
        long markerInterval,
        Duration connectTimeout,
        Duration idleTimeout,
        BandwidthThrottle throttle) {

    @Override
    public String toString() {
        return "FtpSessionSettings[" + username + "@" + host + ":" + port + ", tls=" + tls + ", passive=" + passive
                + ", mode=" + transferMode + "]";
    }
}
