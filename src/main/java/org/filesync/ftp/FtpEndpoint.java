package org.filesync.ftp;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where an FTP server is and how to talk to it: everything a session needs but the password and the
 * bandwidth throttle. A job's {@code remote:} section holds one, and so do the settings of every
 * session opened for it. Made with {@link #builder(String, int)}.
 *
 * @param username null for anonymous
 * @param certificate a PEM file trusted besides the JVM's trust store, or null
 * @param activeAddress the address to advertise in active mode, or null for the control socket's local one
 * @param activePorts local ports for active-mode data connections, or null for any
 * @param markerInterval block mode: bytes between the restart markers sent on STOR; 0 for the default
 * @param connectTimeout null for the default
 * @param idleTimeout null for the default
 */
public record FtpEndpoint(
        String host,
        int port,
        String username,
        TlsMode tls,
        Path certificate,
        boolean verifyCertificate,
        boolean passive,
        String activeAddress,
        PortRange activePorts,
        TransferMode transferMode,
        long markerInterval,
        Duration connectTimeout,
        Duration idleTimeout) {

    /** Plain FTP, passive, stream mode, verified certificates and default timeouts until told otherwise. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    public Builder toBuilder() {
        return builder(host, port).username(username).tls(tls).certificate(certificate)
                .verifyCertificate(verifyCertificate).passive(passive).activeAddress(activeAddress)
                .activePorts(activePorts).transferMode(transferMode).markerInterval(markerInterval)
                .connectTimeout(connectTimeout).idleTimeout(idleTimeout);
    }

    public static final class Builder {
        private final String host;
        private final int port;
        private String username;
        private TlsMode tls = TlsMode.NONE;
        private Path certificate;
        private boolean verifyCertificate = true;
        private boolean passive = true;
        private String activeAddress;
        private PortRange activePorts;
        private TransferMode transferMode = TransferMode.STREAM;
        private long markerInterval;
        private Duration connectTimeout;
        private Duration idleTimeout;

        private Builder(String host, int port) {
            this.host = host;
            this.port = port;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder tls(TlsMode tls) {
            this.tls = tls;
            return this;
        }

        public Builder certificate(Path certificate) {
            this.certificate = certificate;
            return this;
        }

        public Builder verifyCertificate(boolean verifyCertificate) {
            this.verifyCertificate = verifyCertificate;
            return this;
        }

        public Builder passive(boolean passive) {
            this.passive = passive;
            return this;
        }

        public Builder activeAddress(String activeAddress) {
            this.activeAddress = activeAddress;
            return this;
        }

        public Builder activePorts(PortRange activePorts) {
            this.activePorts = activePorts;
            return this;
        }

        public Builder transferMode(TransferMode transferMode) {
            this.transferMode = transferMode;
            return this;
        }

        public Builder markerInterval(long markerInterval) {
            this.markerInterval = markerInterval;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public FtpEndpoint build() {
            return new FtpEndpoint(host, port, username, tls, certificate, verifyCertificate, passive, activeAddress,
                    activePorts, transferMode, markerInterval, connectTimeout, idleTimeout);
        }
    }
}
