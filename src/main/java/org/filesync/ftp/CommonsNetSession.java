package org.filesync.ftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link FtpSession} over a Commons Net control connection and filesync's own data
 * connections. Created logged in by {@link CommonsNetSessionFactory}.
 */
final class CommonsNetSession implements FtpSession {

    private static final Logger log = LoggerFactory.getLogger(CommonsNetSession.class);
    private static final DateTimeFormatter MFMT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern QUOTED_PATH = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

    private final ControlChannel control;
    private final ServerFeatures features;
    private final DataConnections connections;
    private final SessionMode mode;
    private final RetrieveAndStore transfers;
    private final ListEntryParser listParser;
    private final MlsdEntryParser mlsdParser = new MlsdEntryParser();
    private final ServerChecksums checksums;

    CommonsNetSession(ControlChannel control, ServerFeatures features, DataConnections connections,
                      SessionMode mode, RetrieveAndStore transfers) {
        this.control = control;
        this.features = features;
        this.connections = connections;
        this.mode = mode;
        this.transfers = transfers;
        this.listParser = new ListEntryParser(features.system());
        this.checksums = new ServerChecksums(control, features);
    }

    @Override
    public ServerFeatures features() {
        return features;
    }

    @Override
    public List<RemoteEntry> list(String directory) throws FtpException {
        return mode.withFallback(() -> listOnce(directory), () -> listOnce(directory));
    }

    private List<RemoteEntry> listOnce(String directory) throws FtpException, SessionMode.FellBack {
        boolean mlsd = features.mlst();
        String command = mlsd ? "MLSD" : "LIST";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Socket data = connections.open(command, directory)) {
            try (InputStream in = mode.current().listing(data)) {
                in.transferTo(bytes);
            }
        } catch (IOException e) {
            FtpException failure = connections.broken(e, command, directory, control.endpoint());
            mode.fallBackIfNotBlockMode(e);
            throw failure;
        }
        Reply reply = control.readFinalReply(control.idleTimeout(), command + " " + directory);
        if (!reply.isCompletion()) {
            throw control.rejected(command, directory, reply);
        }
        List<RemoteEntry> entries = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        for (String line : ListingEntries.lines(bytes, control.charset())) {
            RemoteEntry entry = mlsd ? mlsdParser.parse(directory, line) : listParser.parse(directory, line, now);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    @Override
    public TransferResult retrieve(String remotePath, Path localFile, RestartPoint from, TransferListener listener)
            throws FtpException, LocalFileException {
        return transfers.retrieve(remotePath, localFile, from, -1, listener);
    }

    @Override
    public TransferResult retrieve(String remotePath, Path localFile, RestartPoint from, long expectedSize,
                                   TransferListener listener) throws FtpException, LocalFileException {
        return transfers.retrieve(remotePath, localFile, from, expectedSize, listener);
    }

    @Override
    public TransferResult retrieveRange(String remotePath, Path localFile, long offset, long length,
                                        TransferListener listener) throws FtpException, LocalFileException {
        return transfers.retrieveRange(remotePath, localFile, offset, length, listener);
    }

    @Override
    public TransferResult store(Path localFile, String remotePath, RestartPoint from, TransferListener listener)
            throws FtpException, LocalFileException {
        return transfers.store(localFile, remotePath, from, listener);
    }

    @Override
    public OptionalLong size(String path) throws FtpException {
        Reply reply = control.send("SIZE", path);
        if (reply.code() == 550) {
            return OptionalLong.empty();
        }
        if (reply.code() != 213) {
            throw control.rejected("SIZE", path, reply);
        }
        try {
            return OptionalLong.of(Long.parseLong(reply.text().strip()));
        } catch (NumberFormatException e) {
            throw new FtpReplyException("unreadable SIZE reply", "SIZE " + path, reply.code(), reply.text(), e);
        }
    }

    @Override
    public Optional<Instant> modificationTime(String path) throws FtpException {
        Reply reply = control.send("MDTM", path);
        if (reply.code() != 213) {
            if (reply.code() == 550 || reply.code() == 500 || reply.code() == 502) {
                return Optional.empty();
            }
            throw control.rejected("MDTM", path, reply);
        }
        return Optional.ofNullable(MlsdEntryParser.modifyTime(reply.text().strip()));
    }

    @Override
    public boolean setModificationTime(String path, Instant time) throws FtpException {
        if (!features.has("MFMT")) {
            return false;
        }
        control.complete("MFMT", MFMT_TIME.format(time) + " " + path);
        return true;
    }

    @Override
    public ChecksumAnswer checksum(String path) throws FtpException {
        return checksums.of(path);
    }

    @Override
    public void rename(String from, String to) throws FtpException {
        Reply reply = control.send("RNFR", from);
        if (reply.code() != 350) {
            throw control.rejected("RNFR", from, reply);
        }
        control.complete("RNTO", to);
    }

    @Override
    public void delete(String path) throws FtpException {
        control.complete("DELE", path);
    }

    @Override
    public void makeDirectory(String path) throws FtpException {
        Reply reply = control.send("MKD", path);
        if (!reply.isCompletion() && !isDirectory(path)) {
            throw control.rejected("MKD", path, reply);
        }
    }

    @Override
    public void removeDirectory(String path) throws FtpException {
        control.complete("RMD", path);
    }

    @Override
    public boolean isAlive() {
        if (control.isDead()) {
            return false;
        }
        try {
            return control.send("NOOP", null).isCompletion();
        } catch (FtpException e) {
            return false;
        }
    }

    @Override
    public void abort() {
        connections.abort();
        control.abort();
    }

    @Override
    public void close() {
        control.quit();
    }

    /** Whether {@code path} names a folder: MLST where offered, else CWD there and back (see {@link FtpSession}). */
    @Override
    public boolean isDirectory(String path) throws FtpException {
        if (features.mlst()) {
            Reply reply = control.send("MLST", path);
            if (reply.isCompletion()) {
                return reply.text().toLowerCase(Locale.ROOT).contains("type=dir");
            }
            if (reply.code() == 550) {
                return false;
            }
            // listed in FEAT for MLSD's sake but not implemented itself (500/502/504): ask CWD
        }
        Reply pwd = control.send("PWD", null);
        Matcher quoted = QUOTED_PATH.matcher(pwd.text());
        String here = pwd.isCompletion() && quoted.find() ? quoted.group(1).replace("\"\"", "\"") : null;
        Reply cwd = control.send("CWD", path);
        if (cwd.isPermanentNegative()) {
            return false;
        }
        if (!cwd.isCompletion()) {
            throw control.rejected("CWD", path, cwd);
        }
        if (here == null) {
            // A refused PWD says nothing about the folder; but without it there is no way back to
            // the login folder, where relative paths start: the session ends, and a new one starts there.
            log.debug("{}: PWD refused ({} {}); closing the session that left its login folder to check {}",
                    control.endpoint(), pwd.code(), pwd.text(), path);
            control.quit();
            return true;
        }
        control.complete("CWD", here);
        return true;
    }
}
