package org.filesync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.filesync.ftp.RestartPoint;
import org.filesync.ftp.block.BlockModeInputStream;
import org.filesync.ftp.block.BlockModeRetrieval;
import org.filesync.ftp.block.BlockModeStorage;
import org.filesync.ftp.block.MarkReplyTracker;

/**
 * A minimal client for tests: Commons Net's {@link FTPClient} on the control connection and
 * filesync's block-mode classes on the data connection, driven exactly as the
 * {@code org.filesync.ftp.block} package documentation tells a session to. It is the worked example
 * of that protocol, not a session: no retries, no error mapping.
 */
public final class BlockModeTestClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /**
     * How one RETR or STOR attempt went.
     *
     * @param complete the data reached its EOF block and the final reply was 2yz
     * @param replyCode the final reply, or the refusal of REST/RETR/STOR
     * @param bytesTransferred file bytes this attempt moved
     * @param confirmed where a next attempt resumes
     * @param markReplies the 110 replies read during a STOR, as received
     * @param failure what broke on the data connection, or null
     */
    public record Attempt(boolean complete, int replyCode, long bytesTransferred, RestartPoint confirmed,
                          List<String> markReplies, IOException failure) {
    }

    private final BlockModeFtpClient ftp = new BlockModeFtpClient();
    private boolean blockMode;

    private BlockModeTestClient() {
    }

    /** Connects, logs in with the server's credentials, TYPE I, passive mode. */
    public static BlockModeTestClient connect(BlockModeFtpServer server) throws IOException {
        BlockModeTestClient client = new BlockModeTestClient();
        FTPClient ftp = client.ftp;
        ftp.setDefaultTimeout((int) TIMEOUT.toMillis());
        ftp.setDataTimeout(TIMEOUT);
        ftp.connect(server.host(), server.port());
        if (!ftp.login(server.username(), server.password()) || !ftp.setFileType(FTP.BINARY_FILE_TYPE)) {
            String reply = ftp.getReplyString();
            client.close();
            throw new IOException("login failed: " + reply);
        }
        ftp.enterLocalPassiveMode();
        return client;
    }

    /** The control connection, for commands this class does not wrap. */
    public FTPClient ftp() {
        return ftp;
    }

    /** Sends {@code MODE B}; returns the reply code (200, or 502/504 from a server without block mode). */
    public int enterBlockMode() throws IOException {
        int code = ftp.sendCommand("MODE", "B");
        blockMode = code == 200;
        return code;
    }

    public Attempt retrieve(String remote, Path local, RestartPoint from) throws IOException {
        // Block-mode servers may refuse byte offsets: without a server marker, start over.
        RestartPoint start = from.marker() != null ? from : RestartPoint.START;
        ftp.restartAt(start);
        try (FileChannel channel = FileChannel.open(local, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(start.offset());
            channel.position(start.offset());
            InputStream data = ftp.retrieveFileStream(remote);
            if (data == null) {
                return refused(start);
            }
            var retrieval = new BlockModeRetrieval(org.filesync.ftp.block.BlockStreamListener.NONE);
            IOException failure = null;
            try {
                retrieval.retrieve(data, channel, start);
            } catch (IOException e) {
                failure = e;
            } finally {
                data.close(); // returns at the EOF block; the server may be keeping the connection open
            }
            int code = ftp.getReply();
            return new Attempt(failure == null && FTPReply.isPositiveCompletion(code), code, retrieval.bytesReceived(),
                    retrieval.confirmed(), List.of(), failure);
        }
    }

    public Attempt store(Path local, String remote, RestartPoint from, long markerInterval) throws IOException {
        RestartPoint start = from.marker() != null ? from : RestartPoint.START;
        ftp.restartAt(start);
        MarkReplyTracker tracker = new MarkReplyTracker(start);
        List<String> markReplies = new CopyOnWriteArrayList<>();
        try (FileChannel channel = FileChannel.open(local, StandardOpenOption.READ)) {
            channel.position(start.offset());
            OutputStream data = ftp.storeFileStream(remote);
            if (data == null) {
                return refused(start);
            }
            CompletableFuture<Integer> finalReply = CompletableFuture.supplyAsync(() -> readUntilFinalReply(tracker, markReplies),
                    runnable -> new Thread(runnable, "control-reader").start());
            var storage = new BlockModeStorage(markerInterval, org.filesync.ftp.block.BlockStreamListener.NONE);
            IOException failure = null;
            try {
                storage.store(channel, start, data, tracker);
            } catch (IOException e) {
                failure = e;
            } finally {
                try {
                    data.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
            int code = await(finalReply);
            return new Attempt(failure == null && FTPReply.isPositiveCompletion(code), code, storage.bytesSent(),
                    tracker.confirmed(), List.copyOf(markReplies), failure);
        }
    }

    /** LIST, NLST or MLSD output as text, decoded from blocks when in block mode. */
    public String listing(String command, String path) throws IOException {
        Socket data = ftp.openDataConnection(command, path);
        if (data == null) {
            throw new IOException(command + " refused: " + ftp.getReplyString());
        }
        byte[] bytes;
        try (data) {
            InputStream in = data.getInputStream();
            bytes = blockMode ? new BlockModeInputStream(in).readAllBytes() : in.readAllBytes();
        }
        int code = ftp.getReply();
        if (!FTPReply.isPositiveCompletion(code)) {
            throw new IOException(command + " failed: " + ftp.getReplyString());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (ftp.isConnected()) {
            try {
                ftp.logout();
            } finally {
                ftp.disconnect();
            }
        }
    }

    // 110 replies are preliminary: keep reading until the 2yz/4yz/5yz that ends the STOR.
    private int readUntilFinalReply(MarkReplyTracker tracker, List<String> markReplies) {
        try {
            int code;
            do {
                code = ftp.getReply();
                if (code == FTPReply.RESTART_MARKER) {
                    markReplies.add(ftp.getReplyString().strip());
                    tracker.accept(ftp.getReplyString());
                }
            } while (code < 200);
            return code;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int await(CompletableFuture<Integer> reply) throws IOException {
        try {
            return reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the final reply", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no final reply to the transfer", e);
        }
    }

    private Attempt refused(RestartPoint start) {
        return new Attempt(false, ftp.getReplyCode(), 0, start, List.of(), null);
    }

    /**
     * Commons Net's client with the two hooks block mode needs: REST with a marker sent where RFC
     * 959 §4.1.3 wants it (after PASV/EPSV, immediately before RETR/STOR), and the raw data
     * connection for listings.
     */
    private static final class BlockModeFtpClient extends FTPClient {
        private String restartMarker;

        /** The next RETR/STOR sends {@code REST <point's marker>}; a refusal makes it return null with the REST reply. */
        void restartAt(RestartPoint point) {
            restartMarker = point.marker();
            // Any positive offset makes _openDataConnection_ call restart(long) at the right moment.
            setRestartOffset(point.marker() == null ? 0 : Math.max(1, point.offset()));
        }

        @Override
        protected boolean restart(long offset) throws IOException {
            String marker = restartMarker;
            restartMarker = null;
            setRestartOffset(0);
            return FTPReply.isPositiveIntermediate(rest(marker != null ? marker : Long.toString(offset)));
        }

        Socket openDataConnection(String command, String argument) throws IOException {
            return _openDataConnection_(command, argument);
        }
    }
}
