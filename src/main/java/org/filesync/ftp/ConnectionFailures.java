package org.filesync.ftp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.commons.net.ftp.FTPConnectionClosedException;

/**
 * Turns socket failures into {@link FtpConnectionException}s whose message names the endpoint
 * and says what happened in words an operator can act on.
 */
final class ConnectionFailures {

    /** Which socket failed, and when: the words differ (a timeout while connecting is not an idle read). */
    enum Stage {
        CONNECT("connecting to"), CONTROL("control connection to"), DATA("data connection to");

        private final String words;

        Stage(String words) {
            this.words = words;
        }
    }

    private ConnectionFailures() {
    }

    static FtpConnectionException of(IOException e, Stage stage, String endpoint, Duration timeout) {
        boolean controlLost = stage != Stage.DATA;
        String where = stage.words + " " + endpoint;
        if (e instanceof UnknownHostException) {
            return new FtpConnectionException("unknown host: " + endpoint, e, true, controlLost);
        }
        if (e instanceof ConnectException && !(e instanceof NoRouteToHostException)) {
            return new FtpConnectionException("connection refused by " + endpoint, e, false, controlLost);
        }
        if (e instanceof NoRouteToHostException) {
            return new FtpConnectionException("no route to " + endpoint, e, false, controlLost);
        }
        if (e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException) {
            String message = stage == Stage.CONNECT
                    ? "connect timeout: no answer from " + endpoint + " within " + seconds(timeout)
                    : "read timeout: " + where + " silent for " + seconds(timeout);
            return new FtpConnectionException(message, e, false, controlLost);
        }
        if (e instanceof InterruptedIOException) {
            return new FtpConnectionException("interrupted while using " + where, e, false, controlLost);
        }
        CertificateException certificate = certificateCause(e);
        if (certificate != null) {
            return new FtpConnectionException("TLS certificate of " + endpoint + " not trusted: "
                    + FailureMessages.ofRootCause(certificate), e, true, controlLost);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLException && stage == Stage.CONNECT) {
            return new FtpConnectionException("TLS handshake failure with " + endpoint + ": " + e.getMessage(), e,
                    false, controlLost);
        }
        if (e instanceof FTPConnectionClosedException || e instanceof EOFException) {
            return new FtpConnectionException("connection closed by server: " + where, e, false, controlLost);
        }
        return new FtpConnectionException(where + " lost: " + FailureMessages.of(e), e, false, controlLost);
    }

    private static CertificateException certificateCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException c) {
                return c;
            }
        }
        return null;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
