package org.filesync.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.filesync.testing.BlockModeFtpServer.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of a {@link BlockModeFtpServer} connection that move data: listings, RETR, STOR and
 * APPE, in stream or block mode, with the injected cut and the record of each transfer.
 */
final class TransferCommands {

    private static final Logger log = LoggerFactory.getLogger(TransferCommands.class);

    /** Sends one reply on the control connection. */
    @FunctionalInterface
    interface Replies {
        void reply(String text) throws IOException;
    }

    private final BlockModeFtpServer server;
    private final Options options;
    private final ServedFolder folder;
    private final PassiveDataPort dataPort;
    private final Replies replies;

    TransferCommands(BlockModeFtpServer server, ServedFolder folder, PassiveDataPort dataPort, Replies replies) {
        this.server = server;
        this.options = server.options();
        this.folder = folder;
        this.dataPort = dataPort;
        this.replies = replies;
    }

    void listing(String verb, String virtual, Path path, boolean blockMode) throws IOException {
        if (path == null || !Files.exists(path) || verb.equals("MLSD") && !Files.isDirectory(path)) {
            reply("550 No such directory");
            return;
        }
        byte[] listing = folder.listing(verb, path);
        Socket data = openData(blockMode);
        if (data == null) {
            return;
        }
        OutputStream stream = new BufferedOutputStream(data.getOutputStream(), 64 * 1024);
        if (blockMode) {
            new ServerBlockWriter(stream, options.blockSize(), options.endOfFile()).sendListing(listing);
        } else {
            stream.write(listing);
            stream.flush();
        }
        server.record(new DataTransfer(verb, virtual, blockMode, 0, listing.length, true));
        finish(data, blockMode, "Listing sent");
    }

    void retrieve(String virtual, Path path, String pendingRestart, boolean blockMode) throws IOException {
        if (path == null || !Files.isRegularFile(path)) {
            reply("550 No such file");
            return;
        }
        long size = Files.size(path);
        long offset = RestartOffset.forRetrieve(pendingRestart);
        if (offset < 0 || offset > size) {
            reply("554 Restart point " + pendingRestart + " does not fit this file");
            return;
        }
        Socket data = openData(blockMode);
        if (data == null) {
            return;
        }
        long cut = server.pendingCut();
        boolean complete;
        long moved;
        try (InputStream file = Files.newInputStream(path)) {
            file.skipNBytes(offset);
            OutputStream stream = new BufferedOutputStream(data.getOutputStream(), 64 * 1024);
            if (blockMode) {
                var writer = new ServerBlockWriter(stream, options.blockSize(), options.endOfFile());
                complete = writer.sendFile(file, offset, size, options.markerInterval(), cut);
                moved = writer.dataBytes();
            } else {
                long budget = cut < 0 ? Long.MAX_VALUE : cut;
                moved = copy(file, stream, budget);
                stream.flush();
                complete = moved == size - offset;
            }
        } catch (IOException e) {
            log.debug("RETR data connection failed: {}", e.toString());
            server.record(new DataTransfer("RETR", virtual, blockMode, offset, -1, false));
            data.close();
            reply("426 Connection closed; transfer aborted");
            return;
        }
        server.record(new DataTransfer("RETR", virtual, blockMode, offset, moved, complete));
        if (!complete) {
            server.cutDone(cut);
        }
        if (complete) {
            finish(data, blockMode, "Transfer complete");
        } else {
            data.close();
            reply("426 Connection closed; transfer aborted after " + moved + " bytes");
        }
    }

    void store(String verb, String virtual, Path path, String pendingRestart, boolean blockMode) throws IOException {
        if (path == null || Files.isDirectory(path) || !Files.isDirectory(path.getParent())) {
            reply("553 Cannot store " + virtual);
            return;
        }
        long existing = Files.exists(path) ? Files.size(path) : 0;
        long offset = verb.equals("APPE") ? existing : RestartOffset.forStore(pendingRestart);
        if (offset < 0 || offset > existing) {
            reply("554 Restart point " + pendingRestart + " does not fit this file");
            return;
        }
        Socket data = openData(blockMode);
        if (data == null) {
            return;
        }
        long cut = server.pendingCut();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            channel.position(offset);
            OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
            InputStream stream = data.getInputStream();
            if (blockMode) {
                storeBlocks(verb, virtual, offset, cut, data, file, stream);
            } else {
                long moved = copy(stream, file, cut < 0 ? Long.MAX_VALUE : cut);
                file.flush();
                boolean cutShort = cut >= 0 && moved == cut && stream.read() >= 0;
                server.record(new DataTransfer(verb, virtual, false, offset, moved, !cutShort));
                if (cutShort) {
                    server.cutDone(cut);
                    data.close();
                    reply("426 Connection closed; transfer aborted after " + moved + " bytes");
                } else {
                    data.close();
                    reply("226 Transfer complete");
                }
            }
        } catch (IOException e) {
            log.debug("STOR data connection failed: {}", e.toString());
            server.record(new DataTransfer(verb, virtual, blockMode, offset, -1, false));
            data.close();
            reply("426 Connection closed; transfer aborted");
        }
    }

    private void storeBlocks(String verb, String virtual, long offset, long cut, Socket data, OutputStream file, InputStream stream)
            throws IOException {
        var reader = new ServerBlockReader(stream);
        // RFC 959 §3.5: the receiver marks the position in its file and tells the user both markers.
        ServerBlockReader.Outcome outcome = reader.receive(file, offset, cut, (clientMarker, fileOffset) ->
                reply("110 MARK " + clientMarker + " = " + ServerBlockReader.storeMarker(fileOffset)));
        server.record(new DataTransfer(verb, virtual, true, offset, reader.dataBytes(), outcome == ServerBlockReader.Outcome.COMPLETE));
        switch (outcome) {
            case COMPLETE -> finish(data, true, "Transfer complete");
            case CUT -> {
                server.cutDone(cut);
                data.close();
                reply("426 Connection closed; transfer aborted after " + reader.dataBytes() + " bytes");
            }
            case BROKEN -> {
                data.close();
                reply("426 Data connection closed before the EOF block");
            }
            case MALFORMED -> {
                data.close();
                reply("451 Data is not in block mode");
            }
        }
    }

    /** Ends a successful transfer: in block mode the server may keep the data connection (250, RFC 959 §3.2). */
    private void finish(Socket data, boolean blockMode, String text) throws IOException {
        if (blockMode && options.keepDataConnectionOpen()) {
            dataPort.leaveOpen(data);
            reply("250 " + text + "; data connection left open");
        } else {
            data.close();
            reply("226 " + text);
        }
    }

    private Socket openData(boolean blockMode) throws IOException {
        if (!dataPort.isListening()) {
            reply("425 Use PASV or EPSV first");
            return null;
        }
        reply("150 Opening " + (blockMode ? "BLOCK" : "STREAM") + " mode data connection");
        try {
            return dataPort.accept();
        } catch (IOException e) {
            reply("425 Can't open data connection");
            return null;
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        while (copied < limit) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    private void reply(String text) throws IOException {
        replies.reply(text);
    }
}
