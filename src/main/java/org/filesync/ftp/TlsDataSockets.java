package org.filesync.ftp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Proxy;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for one session's data connections (PROT P, RFC 4217), resuming the control connection's
 * TLS session on each of them.
 *
 * <p>Why resumption: vsftpd (require_ssl_reuse=YES, its default) and others refuse a data
 * connection whose TLS session is not the control connection's ("522 SSL connection failed:
 * session reuse required"), so that nobody who merely guessed the data port can take the data.
 *
 * <p>How, on JDK 17 without reflection: the JDK's client session cache is keyed by peer host and
 * port, and a layered {@link SSLSocket} takes its peer host from {@code createSocket(s, host, ...)}
 * but its peer port from the underlying socket's {@link Socket#getPort()}. So each session gets its
 * own {@link SSLContext} (its own cache: parallel sessions never resume each other's TLS sessions),
 * and its data sockets are {@link ControlPortSocket}s that report the control connection's port:
 * the JDK then finds the control session in the cache and offers it. The well-known alternative
 * (Commons Net NET-408, Cyberduck) writes the control session into the JDK's private
 * {@code sessionHostPortCache} by reflection under the data socket's key; on JDK 17 that needs
 * {@code --add-opens java.base/sun.security.ssl=ALL-UNNAMED} and breaks when the JDK's internals
 * change. The trade-off here: a data socket's {@code getPort()} lies, so nothing may use it (we log
 * the endpoint we connected to instead), and the trick relies on the documented layering contract
 * rather than on private fields.
 *
 * <p>Two limits of the JDK's client shape the rest (both seen against vsftpd 3.0.3/OpenSSL 3):
 * TLS 1.3 tickets are used once, and a STOR data connection never reads the fresh ticket the
 * server sends on it, so the next data connection has nothing to resume: sessions stay at TLS 1.2
 * ({@link ControlClients#PROTOCOLS}). And with TLS 1.2 session tickets on, the server answers with
 * a ticket instead of a session id and the JDK drops tickets valid longer than 7 days (vsftpd's
 * are), leaving nothing to resume either: the JVM must run with
 * {@code -Djdk.tls.client.enableSessionTicketExtension=false} (a JVM-wide switch read once, so it is
 * a launch flag: scripts/filesync and the surefire argLine set it). {@link #ticketsDisabled()} tells.
 */
final class TlsDataSockets {

    private final SSLContext context;
    private final String peerHost;
    private final int controlPort;
    private final boolean verifyHostName;

    private TlsDataSockets(SSLContext context, String peerHost, int controlPort, boolean verifyHostName) {
        this.context = context;
        this.peerHost = peerHost;
        this.controlPort = controlPort;
        this.verifyHostName = verifyHostName;
    }

    /** Whether the JVM runs without TLS 1.2 session tickets, as session-id resumption needs. */
    static boolean ticketsDisabled() {
        return "false".equalsIgnoreCase(System.getProperty("jdk.tls.client.enableSessionTicketExtension"));
    }

    /** A fresh context (so a fresh session cache) for one session's control and data connections. */
    static SSLContext newContext(X509ExtendedTrustManager trust) throws FtpConnectionException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509ExtendedTrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new FtpConnectionException("cannot set up TLS: " + e.getMessage(), e, true);
        }
    }

    /** For the data connections of the control connection to {@code peerHost}:{@code controlPort}. */
    static TlsDataSockets of(SSLContext context, String peerHost, int controlPort, boolean verifyHostName) {
        return new TlsDataSockets(context, peerHost, controlPort, verifyHostName);
    }

    /** An unconnected socket for a passive data connection, to be connected and then {@link #secure}d. */
    Socket newPlainSocket() {
        return new ControlPortSocket(controlPort);
    }

    /** A listener for active mode whose accepted sockets can be {@link #secure}d the same way. */
    ServerSocket newServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket accepted = new ControlPortSocket(controlPort);
                implAccept(accepted);
                return accepted;
            }
        };
    }

    /** Runs the client handshake over a connected data socket, resuming the control session. */
    SSLSocket secure(Socket plain) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, peerHost, controlPort, true);
        socket.setUseClientMode(true);
        socket.setEnabledProtocols(ControlClients.PROTOCOLS);
        if (verifyHostName) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
        }
        socket.setSoTimeout(plain.getSoTimeout());
        socket.startHandshake();
        return socket;
    }

    /** A socket that reports the control connection's port: see the class comment. */
    private static final class ControlPortSocket extends Socket {
        private final int reportedPort;

        ControlPortSocket(int reportedPort) {
            super(Proxy.NO_PROXY);
            this.reportedPort = reportedPort;
        }

        @Override
        public int getPort() {
            return isConnected() ? reportedPort : super.getPort();
        }
    }
}
