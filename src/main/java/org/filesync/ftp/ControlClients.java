package org.filesync.ftp;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.io.CRLFLineReader;

/**
 * The two Commons Net clients filesync drives its control connection with. They add what the
 * wrapper needs and Commons Net keeps protected: writing a command without waiting for its reply
 * (keep-alive NOOPs during a transfer) and switching the control encoding after login.
 */
final class ControlClients {

    /** What {@link ControlChannel} needs beyond {@link FTPClient}'s public methods. */
    interface Extras {

        /** Writes one command line and returns at once; its reply is read later. */
        void sendLine(String line) throws IOException;

        /**
         * Re-opens the control reader and writer as UTF-8. Commons Net fixes the encoding when it
         * connects, but whether the server speaks UTF-8 (FEAT, RFC 2640) is known only later.
         */
        void switchToUtf8() throws IOException;
    }

    private ControlClients() {
    }

    static FTPClient plain() {
        return new Plain();
    }

    /**
     * TLS 1.2 at most: the JDK uses a TLS 1.3 session ticket once, and a data connection that only
     * sends (STOR) never reads the ticket the server issues on it, so the second data connection
     * would have nothing to resume and vsftpd would refuse it (522). TLS 1.2 sessions can be
     * resumed any number of times.
     */
    static final String[] PROTOCOLS = {"TLSv1.2"};

    static FTPSClient tls(boolean implicit, SSLContext context) {
        FTPSClient client = new Tls(implicit, context);
        client.setEnabledProtocols(PROTOCOLS);
        return client;
    }

    private static final class Plain extends FTPClient implements Extras {
        @Override
        public void sendLine(String line) throws IOException {
            _controlOutput_.write(line + "\r\n");
            _controlOutput_.flush();
        }

        @Override
        public void switchToUtf8() throws IOException {
            // The socket's streams, not _input_/_output_: after AUTH TLS those still are the plain ones.
            setControlEncoding(StandardCharsets.UTF_8.name());
            _controlInput_ = new CRLFLineReader(new InputStreamReader(_socket_.getInputStream(), StandardCharsets.UTF_8));
            _controlOutput_ = new BufferedWriter(new OutputStreamWriter(_socket_.getOutputStream(), StandardCharsets.UTF_8));
        }
    }

    private static final class Tls extends FTPSClient implements Extras {
        Tls(boolean implicit, SSLContext context) {
            super(implicit, context);
        }

        @Override
        public void sendLine(String line) throws IOException {
            _controlOutput_.write(line + "\r\n");
            _controlOutput_.flush();
        }

        @Override
        public void switchToUtf8() throws IOException {
            // The socket's streams, not _input_/_output_: after AUTH TLS those still are the plain ones.
            setControlEncoding(StandardCharsets.UTF_8.name());
            _controlInput_ = new CRLFLineReader(new InputStreamReader(_socket_.getInputStream(), StandardCharsets.UTF_8));
            _controlOutput_ = new BufferedWriter(new OutputStreamWriter(_socket_.getOutputStream(), StandardCharsets.UTF_8));
        }
    }
}
