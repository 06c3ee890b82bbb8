package org.filesync.testing;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passive data side of one control connection: a listener per PASV/EPSV accepting one data
 * connection, and a data connection left open after a block-mode transfer, which is closed when the
 * port changes or the session ends (RFC 959 §3.2).
 */
final class PassiveDataPort implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(PassiveDataPort.class);
    private static final int TIMEOUT_MILLIS = 20_000;

    private ServerSocket listener;
    private Socket leftOpen;

    /** Closes whatever is open and listens anew; returns the port. */
    int listen() throws IOException {
        close();
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(TIMEOUT_MILLIS);
        return listener.getLocalPort();
    }

    boolean isListening() {
        return listener != null;
    }

    /** The client's data connection; the listener is closed after it, so each PASV/EPSV serves one transfer. */
    Socket accept() throws IOException {
        try {
            Socket socket = listener.accept();
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return socket;
        } finally {
            closeQuietly(listener);
            listener = null;
        }
    }

    void leaveOpen(Socket socket) {
        closeQuietly(leftOpen);
        leftOpen = socket;
    }

    @Override
    public void close() {
        closeQuietly(listener);
        closeQuietly(leftOpen);
        listener = null;
        leftOpen = null;
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            log.debug("close failed", e);
        }
    }
}
