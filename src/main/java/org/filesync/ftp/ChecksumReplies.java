package org.filesync.ftp;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the checksum out of a server's 2yz answer to a checksum command. A multi-line reply
 * (RFC 959 §4.2) carries it on its last line: ProFTPD's mod_digest says
 * {@code 213-Computing SHA-1 digest} before {@code 213 SHA-1 0-N <hex> <name>}. A reply that claims
 * a checksum but does not carry one filesync can compare fails with a permanent
 * {@link FtpReplyException}: guessing would record an unverified file as verified.
 */
final class ChecksumReplies {

    /** draft-bryan-ftpext-hash §3.2: {@code <algorithm> <first byte>-<end> <hex> <path>}. */
    private static final Pattern HASH_LINE = Pattern.compile("(\\S+) (\\d+)-(\\d+) ([0-9A-Fa-f]+)(?: .*)?");
    private static final Pattern LAST_WORD = Pattern.compile("(?:^|\\s)(\\S+)$");

    private ChecksumReplies() {
    }

    /** The answer to {@code HASH path}. */
    static Checksum hash(String path, Reply reply) throws FtpReplyException {
        String line = lastLine(reply);
        Matcher hash = HASH_LINE.matcher(line);
        if (!hash.matches()) {
            throw unreadable("HASH", path, reply.code(), line, "no \"ALGORITHM START-END VALUE\" in the reply");
        }
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(hash.group(1)).orElseThrow(() -> unreadable("HASH",
                path, reply.code(), line, "the server used " + hash.group(1) + ", which filesync cannot compute"));
        if (!hash.group(2).equals("0")) {
            throw unreadable("HASH", path, reply.code(), line, "the value covers bytes " + hash.group(2) + "-"
                    + hash.group(3) + ", not the whole file");
        }
        return value("HASH", algorithm, path, reply.code(), line, hash.group(4));
    }

    /**
     * The answer to a one-algorithm command: {@code 250 <hex>} or {@code 213 <hex>} (XSHA*, XMD5,
     * XCRC), {@code 251 <path> <hex>} (MD5, draft-twine-ftpmd5): the value is the last word, since
     * a path may contain spaces.
     */
    static Checksum digest(String command, ChecksumAlgorithm algorithm, String path, Reply reply) throws FtpReplyException {
        String line = lastLine(reply);
        Matcher word = LAST_WORD.matcher(line);
        if (!word.find()) {
            throw unreadable(command, path, reply.code(), line, "the reply holds no value");
        }
        return value(command, algorithm, path, reply.code(), line, word.group(1));
    }

    private static Checksum value(String command, ChecksumAlgorithm algorithm, String path, int code, String line,
                                  String hex) throws FtpReplyException {
        if (hex.length() != algorithm.hexLength() || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw unreadable(command, path, code, line, "\"" + hex + "\" is no " + algorithm.hashName() + " value");
        }
        return new Checksum(algorithm, hex.toLowerCase(Locale.ROOT));
    }

    private static String lastLine(Reply reply) {
        String[] lines = reply.lines();
        return lines[lines.length - 1].strip();
    }

    private static FtpReplyException unreadable(String command, String path, int code, String line, String why) {
        return new FtpReplyException("cannot compare the server's checksum: " + why, command + " " + path, code, line,
                null);
    }
}
