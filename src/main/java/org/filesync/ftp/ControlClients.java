package org.filesync.ftp;

import java.io.IOException;
import java.io.Writer;
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

        /** Commons Net's protected control writer and socket (null until connected). */
        Control control();

        /** Writes one command line and returns at once; its reply is read later. */
        default void sendLine(String line) throws IOException {
            Writer output = control().output();
            output.write(line + "\r\n");
            output.flush();
        }

        /** Closes the socket only: safe from another thread, unlike {@link FTPClient#disconnect()}. */
        default void closeSocket() throws IOException {
            Socket socket = control().socket();
            if (socket != null) {
                socket.close();
            }
        }
    }

    record Control(Writer output, Socket socket) {
    }

    private ControlClients() {
    }

    static FTPClient plain() {
        FTPClient client = new Plain();
        client.setControlEncoding(StandardCharsets.UTF_8.name());
        return client;
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
        client.setControlEncoding(StandardCharsets.UTF_8.name());
        client.setEnabledProtocols(PROTOCOLS);
        return client;
    }

    private static final class Plain extends FTPClient implements Extras {
        @Override
        public Control control() {
            return new Control(_controlOutput_, _socket_);
        }
    }

    private static final class Tls extends FTPSClient implements Extras {
        Tls(boolean implicit, SSLContext context) {
            super(implicit, context);
        }

        @Override
        public Control control() {
            return new Control(_controlOutput_, _socket_);
        }
    }
}
