package org.filesync.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RETR and STOR of one session, with resume (REST → 350, then the transfer command, RFC 959
 * §4.1.3): the commands, the checks of what arrived, and the recovery after a broken data
 * connection. What REST sends, and the bytes themselves, are the session's {@link DataTransfer}'s:
 * byte offsets in stream mode (RFC 3659 §5), the server's restart markers in block mode.
 */
final class RetrieveAndStore {

    private static final Logger log = LoggerFactory.getLogger(RetrieveAndStore.class);

    private final ControlChannel control;
    private final DataConnections connections;
    private final SessionMode mode;
    private final BandwidthThrottle throttle;
    private final SessionTimings timings;

    RetrieveAndStore(ControlChannel control, DataConnections connections, SessionMode mode,
                  BandwidthThrottle throttle, SessionTimings timings) {
        this.control = control;
        this.connections = connections;
        this.mode = mode;
        this.throttle = throttle;
        this.timings = timings;
    }

    /**
     * @param expectedSize the file's size when known, else -1: fewer bytes than that is a broken transfer
     * @throws LocalFileException the local file could not be written; the transfer was abandoned, and
     *         what arrived before stays in the file
     */
    TransferResult retrieve(String remotePath, Path localFile, RestartPoint from, long expectedSize,
                            TransferListener listener) throws FtpException, LocalFileException {
        // After a fall-back, what arrived was stream data decoded as blocks: none of it can be trusted.
        return mode.withFallback(() -> retrieveOnce(remotePath, localFile, from, expectedSize, listener),
                () -> retrieveOnce(remotePath, localFile, RestartPoint.START, expectedSize, listener));
    }

    private TransferResult retrieveOnce(String remotePath, Path localFile, RestartPoint from, long expectedSize,
                                        TransferListener listener)
            throws FtpException, LocalFileException, SessionMode.FellBack {
        DataTransfer transfer = mode.current();
        try (FileChannel target = LocalFileChannel.of(localFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            DataConnections.Opened opened = connections.open("RETR", remotePath, transfer.restartArgument(from), "RETR");
            RestartPoint start = opened.restarted() ? transfer.restartedAt(from) : RestartPoint.START;
            long offset = start.offset();
            TransferProgress progress = progress(offset, listener);
            try (Socket data = opened.socket()) {
                // Cut only now that the server has the file: bytes past the restart point may be stale.
                target.truncate(offset);
                target.position(offset);
                transfer.receive(data, target, start, progress);
            } catch (LocalFileException e) {
                connections.abandoned("RETR", remotePath);
                progress.finish();
                throw e;
            } catch (IOException e) {
                FtpException failure = connections.broken(e, "RETR", remotePath, control.endpoint());
                progress.finish();
                mode.fallBackIfNotBlockMode(e);
                throw failure;
            }
            progress.finish();
            long received = offset + progress.bytes();
            if (expectedSize >= 0 && received < expectedSize) {
                throw shortTransfer(remotePath, received, expectedSize);
            }
            Reply reply = finalReply("RETR", remotePath, control.idleTimeout());
            return new TransferResult(progress.bytes(), start, !from.isStart() && !opened.restarted(), reply.code(),
                    reply.text());
        } catch (IOException e) {
            // Only the local file's channel gets here; its close() is declared with the wider type.
            throw e instanceof LocalFileException local ? local : new LocalFileException(localFile, e);
        }
    }

    /**
     * REST {@code offset} + RETR in stream mode, writing the bytes at their own offsets of
     * {@code localFile} (nothing else in it is touched), until {@code length} bytes arrived; then
     * the data connection is closed, as lftp and rclone end a range, and the server's reply to that
     * early close is read whatever it says.
     *
     * @return the result; {@link TransferResult#restartRefused()} with nothing moved when the server
     *         refused the REST (no RETR was sent)
     */
    TransferResult retrieveRange(String remotePath, Path localFile, long offset, long length, TransferListener listener)
            throws FtpException, LocalFileException {
        try (FileChannel target = LocalFileChannel.of(localFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Optional<Socket> opened = connections.openRestarted("RETR", remotePath,
                    offset > 0 ? Long.toString(offset) : null);
            if (opened.isEmpty()) {
                return new TransferResult(0, RestartPoint.atOffset(offset), true, 0, "REST refused");
            }
            TransferProgress progress = progress(offset, listener);
            long received;
            try (Socket data = opened.get()) {
                received = receiveRange(data, target, offset, length, progress);
            } catch (LocalFileException e) {
                connections.abandoned("RETR", remotePath);
                progress.finish();
                throw e;
            } catch (IOException e) {
                progress.finish();
                throw connections.broken(e, "RETR", remotePath, control.endpoint());
            }
            progress.finish();
            if (received < length) {
                throw shortTransfer(remotePath, offset + received, offset + length);
            }
            connections.closedEarly("RETR", remotePath);
            return new TransferResult(received, RestartPoint.atOffset(offset), false, 226, "range complete");
        } catch (IOException e) {
            // Only the local file's channel gets here; its close() is declared with the wider type.
            throw e instanceof LocalFileException local ? local : new LocalFileException(localFile, e);
        }
    }

    private static long receiveRange(Socket data, FileChannel target, long offset, long length,
                                     TransferProgress progress) throws IOException {
        InputStream in = data.getInputStream();
        byte[] buffer = new byte[StreamModeTransfer.CHUNK];
        long received = 0;
        int n;
        while (received < length && (n = in.read(buffer, 0, (int) Math.min(buffer.length, length - received))) >= 0) {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
                target.write(chunk, offset + received + chunk.position());
            }
            received += n;
            progress.moved(n);
        }
        return received;
    }

    /** @throws LocalFileException the local file could not be read; the transfer was abandoned */
    TransferResult store(Path localFile, String remotePath, RestartPoint from, TransferListener listener)
            throws FtpException, LocalFileException {
        DataTransfer transfer = mode.current();
        try (FileChannel source = LocalFileChannel.of(localFile, StandardOpenOption.READ)) {
            DataConnections.Opened opened = openForStore(transfer, remotePath, from);
            boolean fromStart = "STOR".equals(opened.command()) && !opened.restarted();
            RestartPoint start = fromStart ? RestartPoint.START : transfer.restartedAt(from);
            long offset = start.offset();
            if ("APPE".equals(opened.command())) {
                log.info("{}: REST refused for STOR {}; appended from {} with APPE", control.endpoint(), remotePath, offset);
            }
            TransferProgress progress = progress(offset, listener);
            try (Socket data = opened.socket()) {
                source.position(offset);
                transfer.send(source, data, start, progress);
            } catch (LocalFileException e) {
                connections.abandoned(opened.command(), remotePath);
                progress.finish();
                throw e;
            } catch (IOException e) {
                // The final reply comes first: in block mode the 110 replies read with it confirm more.
                FtpException failure = connections.broken(e, opened.command(), remotePath, control.endpoint());
                progress.finish();
                throw failure;
            }
            Reply reply;
            try {
                reply = finalReply(opened.command(), remotePath, control.idleTimeout());
            } finally {
                progress.finish();
            }
            return new TransferResult(progress.bytes(), start, !from.isStart() && offset == 0, reply.code(), reply.text());
        } catch (IOException e) {
            // Only the local file's channel gets here; its close() is declared with the wider type.
            throw e instanceof LocalFileException local ? local : new LocalFileException(localFile, e);
        }
    }

    /**
     * REST+STOR; where REST is refused, what the mode says: APPE in stream mode, since STOR would
     * replace the file (RFC 959 §4.1.3). Where the resuming command is refused, STOR from the
     * start: APPE may not be implemented, and ProFTPD (AllowStoreRestart off, its default) takes
     * REST and then answers both STOR and APPE with "451 Append/Restart not permitted, try again",
     * which no retry changes.
     */
    private DataConnections.Opened openForStore(DataTransfer transfer, String remotePath, RestartPoint from)
            throws FtpException {
        String restart = transfer.restartArgument(from);
        try {
            return connections.open("STOR", remotePath, restart, transfer.storeCommandIfRestartRefused());
        } catch (FtpReplyException e) {
            if (restart == null || e.connectionLost()) {
                throw e;
            }
            log.info("{}: the server would not resume {} ({}); sending it whole", control.endpoint(), remotePath,
                    e.getMessage());
            return connections.open("STOR", remotePath, null, "STOR");
        }
    }

    /**
     * A RETR that ended short of the listed size is a broken transfer, whatever the server says
     * next: it may have handed the whole file to its socket buffers before the cut and say 226, say
     * nothing at all, or (pure-ftpd) send another 150 line where the final reply belongs.
     */
    private FtpConnectionException shortTransfer(String remotePath, long received, long expectedSize) {
        String said;
        try {
            said = "server said " + finalReply("RETR", remotePath, timings.abortedReplyTimeout()).code();
        } catch (FtpException e) {
            said = e.getMessage();
        }
        return new FtpConnectionException("data connection for RETR " + remotePath + " from " + control.endpoint()
                + " ended after " + received + " of " + expectedSize + " bytes (" + said + ")", null, false,
                control.isDead());
    }

    private Reply finalReply(String command, String path, Duration timeout) throws FtpException {
        Reply reply = control.readFinalReply(timeout, command + " " + path);
        if (reply.code() < 200) {
            // A preliminary reply where the final one belongs (pure-ftpd after a cut RETR): the
            // conversation is out of step, so the control connection cannot be trusted any more.
            control.kill();
            throw new FtpConnectionException(command + " " + path + ": " + control.endpoint() + " answered "
                    + reply.code() + " " + reply.text() + " where the transfer's final reply belongs", null, false, true);
        }
        if (!reply.isCompletion()) {
            throw control.rejected(command, path, reply);
        }
        return reply;
    }

    private TransferProgress progress(long offset, TransferListener listener) {
        return new TransferProgress(offset, listener == null ? TransferListener.NONE : listener, throttle,
                this::keepAlive, timings.keepAliveInterval());
    }

    private void keepAlive() throws IOException {
        try {
            control.sendKeepAlive();
        } catch (FtpException e) {
            throw new IOException("keep-alive on the control connection failed: " + e.getMessage(), e);
        }
    }
}
