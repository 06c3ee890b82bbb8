package org.filesync.ftp;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * The two Commons Net clients filesync drives its control connection with. They add what the
 * wrapper needs and Commons Net keeps protected: writing a command without waiting for its reply
 * (keep-alive NOOPs during a transfer). Both speak UTF-8 from the first byte: RFC 2640 makes it
 * the encoding of path names, and servers that do not announce UTF8 (vsftpd) still pass the bytes
 * of UTF-8 file names through, so Commons Net's default (ISO-8859-1) garbles every non-ASCII name.
 */
final class ControlClients {

    /** What {@link ControlChannel} needs beyond {@link FTPClient}'s public methods. */
    interface Extras {

        /** Writes one command line and returns at once; its reply is read later. */
        void sendLine(String line) throws IOException;

        /** Closes the socket only: safe from another thread, unlike {@link FTPClient#disconnect()}. */
        void closeSocket() throws IOException;
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
        Plain() {
            setControlEncoding(StandardCharsets.UTF_8.name());
        }

        @Override
        public void sendLine(String line) throws IOException {
            _controlOutput_.write(line + "\r\n");
            _controlOutput_.flush();
        }

        @Override
        public void closeSocket() throws IOException {
            Socket socket = _socket_;
            if (socket != null) {
                socket.close();
            }
        }
    }

    private static final class Tls extends FTPSClient implements Extras {
        Tls(boolean implicit, SSLContext context) {
            super(implicit, context);
            setControlEncoding(StandardCharsets.UTF_8.name());
        }

        @Override
        public void sendLine(String line) throws IOException {
            _controlOutput_.write(line + "\r\n");
            _controlOutput_.flush();
        }

        @Override
        public void closeSocket() throws IOException {
            Socket socket = _socket_;
            if (socket != null) {
                socket.close();
            }
        }
    }
}
