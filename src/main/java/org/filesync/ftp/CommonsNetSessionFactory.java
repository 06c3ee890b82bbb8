package org.filesync.ftp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens logged-in {@link FtpSession}s to one server over Apache Commons Net. */
public final class CommonsNetSessionFactory implements FtpSessionFactory {

    private static final Logger log = LoggerFactory.getLogger(CommonsNetSessionFactory.class);
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** The job file's default (DESIGN.md), for settings made without one. */
    private static final long DEFAULT_MARKER_INTERVAL = 4L << 20;

    private final FtpSessionSettings settings;
    private final FtpEndpoint server;
    private final SessionTimings timings;
    private final AtomicBoolean blockModeRefusalLogged = new AtomicBoolean();
    /** A server that accepted MODE B sent stream data: the run's sessions stay in stream mode. */
    private final AtomicBoolean blockModeAbandoned = new AtomicBoolean();
    private final AtomicBoolean ticketWarningLogged = new AtomicBoolean();

    public CommonsNetSessionFactory(FtpSessionSettings settings) {
        this(settings, SessionTimings.DEFAULT);
    }

    public CommonsNetSessionFactory(FtpSessionSettings settings, SessionTimings timings) {
        this.settings = settings;
        this.server = settings.server();
        this.timings = timings;
    }

    @Override
    public FtpSession open() throws FtpException {
        Duration connectTimeout = orDefault(server.connectTimeout(), DEFAULT_CONNECT_TIMEOUT);
        Duration idleTimeout = orDefault(server.idleTimeout(), DEFAULT_IDLE_TIMEOUT);
        String endpoint = AddressText.hostAndPort(server.host(), server.port());
        TlsMode tls = server.tls() == null ? TlsMode.NONE : server.tls();
        SSLContext sslContext = null;
        FTPClient client;
        if (tls == TlsMode.NONE) {
            client = ControlClients.plain();
        } else {
            if (!TlsDataSockets.ticketsDisabled() && ticketWarningLogged.compareAndSet(false, true)) {
                log.warn("{}: the JVM runs without -Djdk.tls.client.enableSessionTicketExtension=false; servers that "
                        + "require TLS session reuse on data connections (vsftpd) will refuse them", endpoint);
            }
            sslContext = TlsDataSockets.newContext(CertificateTrust.forEndpoint(server));
            FTPSClient tlsClient = ControlClients.tls(tls == TlsMode.IMPLICIT, sslContext);
            tlsClient.setEndpointCheckingEnabled(server.verifyCertificate());
            client = tlsClient;
        }
        client.setConnectTimeout((int) connectTimeout.toMillis());
        // The greeting is part of connecting; from then on, reads wait up to the idle timeout.
        client.setDefaultTimeout((int) connectTimeout.toMillis());
        ControlChannel control = new ControlChannel(client, endpoint, idleTimeout);
        try {
            connect(client, control, endpoint, connectTimeout);
            ServerFeatures features = SessionLogin.run(control, settings);
            TlsDataSockets dataTls = sslContext == null ? null
                    : TlsDataSockets.of(sslContext, server.host(), control.remotePort(), server.verifyCertificate());
            DataConnections connections = new DataConnections(control, server, connectTimeout,
                    timings.abortedReplyTimeout(), dataTls);
            BandwidthThrottle throttle = settings.throttle() == null ? BandwidthThrottle.UNLIMITED : settings.throttle();
            SessionMode mode = new SessionMode(control, negotiateMode(control), this::abandonBlockMode);
            RetrieveAndStore transfers = new RetrieveAndStore(control, connections, mode, throttle, timings);
            log.debug("{}: logged in as {}; features {}; system {}", endpoint, server.username(), features.lines(),
                    features.system());
            return new CommonsNetSession(control, features, connections, mode, transfers);
        } catch (FtpException | RuntimeException e) {
            control.quit();
            throw e;
        }
    }

    private void connect(FTPClient client, ControlChannel control, String endpoint, Duration connectTimeout)
            throws FtpException {
        try {
            client.connect(server.host(), server.port());
        } catch (IOException e) {
            if (client.getReplyCode() == 421) {
                throw new FtpReplyException("server refused the connection", "connect", 421,
                        control.lastReply().text(), e);
            }
            throw ConnectionFailures.of(e, ConnectionFailures.Stage.CONNECT, endpoint, connectTimeout);
        }
        try {
            client.setSoTimeout((int) control.idleTimeout().toMillis());
        } catch (IOException e) {
            throw ConnectionFailures.of(e, ConnectionFailures.Stage.CONNECT, endpoint, connectTimeout);
        }
        Reply greeting = control.lastReply();
        if (!greeting.isCompletion()) {
            throw new FtpReplyException("server refused the connection", "connect", greeting.code(), greeting.text(), null);
        }
    }

    /**
     * Block mode (MODE B) when the job asks for it, whatever FEAT says (RFC 2389 defines no feature
     * for it): once accepted, it holds for every later data transfer of the session (RFC 959 §4.1.2).
     * A server that refuses MODE B (most do: 502/504) means stream mode with REST byte offsets, said
     * once per factory (= once per run).
     */
    private DataTransfer negotiateMode(ControlChannel control) throws FtpException {
        if (server.transferMode() != TransferMode.BLOCK || blockModeAbandoned.get()) {
            return new StreamModeTransfer();
        }
        Reply reply = control.send("MODE", "B");
        if (reply.isCompletion()) {
            long interval = server.markerInterval() > 0 ? server.markerInterval() : DEFAULT_MARKER_INTERVAL;
            log.debug("{}: block mode, a restart marker every {} bytes sent", control.endpoint(), interval);
            return new BlockModeTransfer(control, interval);
        }
        if (!reply.isPermanentNegative()) {
            throw control.rejected("MODE", "B", reply);
        }
        if (blockModeRefusalLogged.compareAndSet(false, true)) {
            log.warn("{}: server refuses block mode ({} {}); using stream mode with REST byte offsets",
                    control.endpoint(), reply.code(), reply.text());
        }
        return new StreamModeTransfer();
    }

    private void abandonBlockMode(String evidence) {
        if (blockModeAbandoned.compareAndSet(false, true)) {
            log.warn("{}:{}: server accepted MODE B but sends stream data ({}); using stream mode with REST byte offsets "
                    + "for the rest of the run", server.host(), server.port(), evidence);
        }
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
