package org.filesync.ftp;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One logged-in FTP control connection, serving many operations in turn (never two at once).
 * The mirror talks only to this interface; no Commons Net type crosses it. Every failure is an
 * {@link FtpException}: a reply the server gave ({@link FtpReplyException}) or a lost, refused or
 * timed-out connection ({@link FtpConnectionException}); {@link FtpException#isTransient()} says
 * whether retrying (after reconnecting, for a lost connection) can help.
 */
public interface FtpSession extends AutoCloseable {

    /** What the server offered in FEAT, read once at login. */
    ServerFeatures features();

    /**
     * The entries of one folder (MLSD when offered, else LIST parsed), without "." and "..".
     * Entries whose names are unsafe to use come back with {@link RemoteEntry#rejection()} set.
     */
    List<RemoteEntry> list(String directory) throws FtpException;

    /**
     * RETR {@code remotePath} into {@code localFile}. When {@code from} is past the start, the
     * local file is cut to {@code from.offset()} and the transfer resumes there (REST offset in
     * stream mode, REST marker in block mode); when the server refuses that, it starts from 0 and
     * the result says so.
     *
     * @throws LocalFileException {@code localFile} could not be created or written (disk full,
     *         permission denied): the transfer was abandoned, and what arrived stays in the file
     */
    TransferResult retrieve(String remotePath, Path localFile, RestartPoint from, TransferListener listener)
            throws FtpException, LocalFileException;

    /**
     * Like {@link #retrieve(String, Path, RestartPoint, TransferListener)}, knowing the file's size
     * from the listing: a transfer that ends short of {@code expectedSize} is broken even when the
     * server says 226 (it may have handed the whole file to its socket buffers before the data
     * connection was cut), and fails with a transient {@link FtpConnectionException} whose
     * {@link FtpException#connectionLost()} is false. The local file keeps what arrived, to resume from.
     *
     * @param expectedSize the size the listing gave, or -1 when unknown
     */
    TransferResult retrieve(String remotePath, Path localFile, RestartPoint from, long expectedSize,
                            TransferListener listener) throws FtpException, LocalFileException;

    /**
     * One byte range of a file, for a segmented download: REST {@code offset} + RETR, the bytes
     * written at their own offsets of {@code localFile} (created when missing, never cut), and
     * the data connection closed once {@code length} bytes arrived, whatever the server answers
     * to that early close. Stream mode only.
     *
     * @return with {@link TransferResult#restartRefused()} and nothing moved when the server
     *         refused REST
     * @throws FtpConnectionException transient, when the data ended before the range did; what
     *         arrived stays written
     * @throws LocalFileException {@code localFile} could not be written
     */
    TransferResult retrieveRange(String remotePath, Path localFile, long offset, long length, TransferListener listener)
            throws FtpException, LocalFileException;

    /**
     * STOR {@code localFile} to {@code remotePath}, from {@code from.offset()} of the local file
     * when resuming (REST+STOR, or APPE where REST is refused for STOR; block mode: REST marker).
     * A 226 does not prove the upload whole (pyftpdlib says 226 after a reset data connection):
     * check {@link #size(String)} before trusting it.
     *
     * @throws LocalFileException {@code localFile} could not be read: the transfer was abandoned
     */
    TransferResult store(Path localFile, String remotePath, RestartPoint from, TransferListener listener)
            throws FtpException, LocalFileException;

    /** SIZE; empty when the file does not exist (550). */
    OptionalLong size(String path) throws FtpException;

    /** MDTM; empty when the server lacks it or the file does not exist. */
    Optional<Instant> modificationTime(String path) throws FtpException;

    /** MFMT where offered; false when the server cannot set times. */
    boolean setModificationTime(String path, Instant time) throws FtpException;

    /**
     * The server's checksum of a file (HASH, XSHA*, XMD5, MD5 or XCRC, whichever it has), or why
     * there is none to compare.
     *
     * @throws FtpReplyException a permanent one when a reply claims a checksum but carries none
     *         filesync can compare (unreadable, or an algorithm filesync cannot compute); a
     *         transient one for a 4yz answer
     */
    ChecksumAnswer checksum(String path) throws FtpException;

    /** RNFR then RNTO, replacing {@code to} where the server allows it. */
    void rename(String from, String to) throws FtpException;

    void delete(String path) throws FtpException;

    /**
     * Whether {@code path} is a folder (MLST where offered, else CWD there and back; where PWD is
     * refused there is no way back, and the session closes after answering). A LIST of a
     * folder that does not exist may come back empty rather than failing (vsftpd), so a listing's
     * root is checked with this before its emptiness is believed.
     */
    boolean isDirectory(String path) throws FtpException;

    /** MKD; an existing folder is not an error. */
    void makeDirectory(String path) throws FtpException;

    void removeDirectory(String path) throws FtpException;

    /**
     * Ends what the session is doing, from another thread: its data connection in flight and its
     * control connection are closed, so a transfer or a reply wait on a silent server fails at once
     * (as a lost connection) rather than at the idle timeout. The session is dead afterwards.
     */
    void abort();

    /** False when the control connection is known or found (NOOP) to be dead. */
    boolean isAlive();

    /** QUIT and close, quietly. */
    @Override
    void close();
}
