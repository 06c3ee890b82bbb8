package org.filesync.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small FTP server on 127.0.0.1 that speaks RFC 959 block mode (MODE B) with restart markers, for
 * tests: common servers do not, so this is the block-mode peer filesync's tests talk to. It serves
 * one folder over real sockets, a thread per control connection, passive data connections only
 * (EPSV and PASV).
 * <p>
 * Its block-mode habits are deliberately not the client's: odd block sizes that do not line up with
 * the markers, markers named {@code "S" + hex offset} (RETR) and {@code "W" + hex offset} (the
 * {@code mmmm} of its {@code 110 MARK ssss = mmmm} replies to STOR), and a choice of where the EOF
 * bit goes. Options cover what real servers differ in: refusing MODE B (504), keeping the data
 * connection open after the EOF block (250 instead of 226), refusing byte-offset REST in block mode.
 * A one-shot fault cuts the next RETR or STOR data connection after N file bytes, and every data
 * transfer is recorded ({@link #transfers()}) so tests can check that a resumed transfer moved only
 * the remainder.
 * <pre>{@code
 * try (var server = BlockModeFtpServer.serving(dir).markerInterval(64 * 1024).start()) {
 *     server.cutNextTransferAfter(100_000);
 *     ... connect to server.host():server.port() as server.username()/server.password() ...
 * }
 * }</pre>
 */
public final class BlockModeFtpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlockModeFtpServer.class);

    /** Where the server puts the EOF bit at the end of a file it sends in block mode (RFC 959 §3.4.2 allows each). */
    public enum EndOfFile {
        /** An empty block of its own after the last data block. */
        SEPARATE_BLOCK,
        /** On the last data block (an empty EOF block for an empty file). */
        ON_LAST_DATA_BLOCK,
        /** On a final restart marker block naming the end of the file. */
        ON_MARKER_BLOCK
    }

    /** How the server behaves; see the builder methods for each. */
    record Options(Path root, String username, String password, long markerInterval, int blockSize, EndOfFile endOfFile,
                   boolean refuseBlockMode, boolean keepDataConnectionOpen, boolean refuseByteOffsetRestInBlockMode) {
    }

    private final Options options;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final List<DataTransfer> transfers = new CopyOnWriteArrayList<>();
    private final List<String> verbs = new CopyOnWriteArrayList<>();
    private final AtomicLong cutAfter = new AtomicLong(-1);

    private BlockModeFtpServer(Options options) throws IOException {
        this.options = options;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptConnections, "block-ftp-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Builder serving(Path root) {
        return new Builder(root);
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String username() {
        return options.username();
    }

    public String password() {
        return options.password();
    }

    public Path root() {
        return options.root();
    }

    /** Bytes between the server's restart markers on RETR in block mode (0: none). */
    public long markerInterval() {
        return options.markerInterval();
    }

    /**
     * Cuts the data connection of the next RETR or STOR (either mode) that gets {@code fileBytes} of
     * its file across, mid-block if it falls there, and answers 426. One-shot.
     */
    public void cutNextTransferAfter(long fileBytes) {
        cutAfter.set(fileBytes);
    }

    /** Every data transfer so far, oldest first. */
    public List<DataTransfer> transfers() {
        return List.copyOf(transfers);
    }

    /** The verb of every command received so far (all connections), oldest first: "MODE", "NOOP", ... */
    public List<String> verbs() {
        return List.copyOf(verbs);
    }

    /** The most recent data transfer. */
    public DataTransfer lastTransfer() {
        if (transfers.isEmpty()) {
            throw new IllegalStateException("no data transfer yet");
        }
        return transfers.get(transfers.size() - 1);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing listener", e);
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                log.debug("closing connection", e);
            }
        }
    }

    Options options() {
        return options;
    }

    /** The cut armed for the next transfer that moves that many bytes, or -1. */
    long pendingCut() {
        return cutAfter.get();
    }

    /** A transfer was cut: shorter ones before it (a stamp, a listing) leave the cut armed, as in FaultProxy. */
    void cutDone(long cut) {
        cutAfter.compareAndSet(cut, -1);
    }

    void received(String verb) {
        verbs.add(verb);
    }

    void record(DataTransfer transfer) {
        log.debug("transfer {}", transfer);
        transfers.add(transfer);
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.add(socket);
                Thread worker = new Thread(() -> {
                    try {
                        new ControlConnection(this, socket).run();
                    } finally {
                        connections.remove(socket);
                    }
                }, "block-ftp-" + socket.getPort());
                worker.setDaemon(true);
                worker.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                log.debug("accept failed", e);
            }
        }
    }

    /** Options of a server to start; defaults: user "test"/"secret", markers every 64 KiB, 10,007-byte blocks, EOF on the last data block. */
    public static final class Builder {
        private final Path root;
        private String username = "test";
        private String password = "secret";
        private long markerInterval = 64 * 1024;
        private int blockSize = 10_007;
        private EndOfFile endOfFile = EndOfFile.ON_LAST_DATA_BLOCK;
        private boolean refuseBlockMode;
        private boolean keepDataConnectionOpen;
        private boolean refuseByteOffsetRestInBlockMode;

        private Builder(Path root) {
            this.root = root;
        }

        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** RETR in block mode: a restart marker at every multiple of this many bytes of the file; 0 for none. */
        public Builder markerInterval(long bytes) {
            this.markerInterval = bytes;
            return this;
        }

        /** The largest data block the server sends, 1-65,535. */
        public Builder blockSize(int bytes) {
            if (bytes < 1 || bytes > 0xFFFF) {
                throw new IllegalArgumentException("block size must be 1-65535");
            }
            this.blockSize = bytes;
            return this;
        }

        public Builder endOfFile(EndOfFile style) {
            this.endOfFile = style;
            return this;
        }

        /** Answer {@code MODE B} with 504, as servers without block mode do. */
        public Builder refuseBlockMode() {
            this.refuseBlockMode = true;
            return this;
        }

        /**
         * In block mode, leave the data connection open after the EOF block and answer 250, closing it
         * only at the next PASV/EPSV or at the end of the session (RFC 959 §3.2 makes the close the
         * server's option).
         */
        public Builder keepDataConnectionOpen() {
            this.keepDataConnectionOpen = true;
            return this;
        }

        /** In block mode, answer {@code REST <digits>} with 504: only the server's own markers are accepted. */
        public Builder refuseByteOffsetRestInBlockMode() {
            this.refuseByteOffsetRestInBlockMode = true;
            return this;
        }

        public BlockModeFtpServer start() throws IOException {
            Path realRoot = root.toRealPath();
            if (!Files.isDirectory(realRoot)) {
                throw new IOException("not a folder: " + root);
            }
            return new BlockModeFtpServer(new Options(realRoot, username, password, markerInterval, blockSize, endOfFile,
                    refuseBlockMode, keepDataConnectionOpen, refuseByteOffsetRestInBlockMode));
        }
    }
}
