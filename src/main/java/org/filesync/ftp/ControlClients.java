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
        void switchToUtf8();
    }

    private ControlClients() {
    }

    static FTPClient plain() {
        return new Plain();
    }

    static FTPSClient tls(boolean implicit, SSLContext context) {
        return new Tls(implicit, context);
    }

    private static final class Plain extends FTPClient implements Extras {
        @Override
        public void sendLine(String line) throws IOException {
            _controlOutput_.write(line + "\r\n");
            _controlOutput_.flush();
        }

        @Override
        public void switchToUtf8() {
            setControlEncoding(StandardCharsets.UTF_8.name());
            _controlInput_ = new CRLFLineReader(new InputStreamReader(_input_, StandardCharsets.UTF_8));
            _controlOutput_ = new BufferedWriter(new OutputStreamWriter(_output_, StandardCharsets.UTF_8));
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
        public void switchToUtf8() {
            setControlEncoding(StandardCharsets.UTF_8.name());
            _controlInput_ = new CRLFLineReader(new InputStreamReader(_input_, StandardCharsets.UTF_8));
            _controlOutput_ = new BufferedWriter(new OutputStreamWriter(_output_, StandardCharsets.UTF_8));
        }
    }
}
