package org.filesync.ftp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Asks one session's server for checksums: HASH (draft-bryan-ftpext-hash) when FEAT lists it
 * with an algorithm filesync computes, else the older one-algorithm commands FEAT lists, strongest
 * first. A 5yz answer moves on to the next command; a command answered 500/502 (not implemented,
 * though listed) is not sent again on this session. A 4yz answer is a transient failure.
 */
final class ServerChecksums {

    private record Command(String name, ChecksumAlgorithm algorithm) {
    }

    /** XSHA/XSHA1/XSHA256/XSHA512, XMD5, XCRC (ProFTPD, Serv-U, ...) and MD5 (draft-twine-ftpmd5, Apache FtpServer). */
    private static final List<Command> ONE_ALGORITHM = List.of(
            new Command("XSHA256", ChecksumAlgorithm.SHA_256), new Command("XSHA512", ChecksumAlgorithm.SHA_512),
            new Command("XSHA1", ChecksumAlgorithm.SHA_1), new Command("XSHA", ChecksumAlgorithm.SHA_1),
            new Command("XMD5", ChecksumAlgorithm.MD5), new Command("MD5", ChecksumAlgorithm.MD5),
            new Command("XCRC", ChecksumAlgorithm.CRC32));

    private final ControlChannel control;
    private final ServerFeatures features;
    private final Set<String> unimplemented = new HashSet<>();
    /** Why HASH cannot be used on this session (null: it can); decided at the first checksum. */
    private String hashUnusable;
    private boolean hashChecked;

    ServerChecksums(ControlChannel control, ServerFeatures features) {
        this.control = control;
        this.features = features;
    }

    ChecksumAnswer of(String path) throws FtpException {
        List<String> refusals = new ArrayList<>();
        if (features.has("HASH") && !unimplemented.contains("HASH")) {
            if (hashUsable()) {
                Reply reply = control.send("HASH", path);
                if (reply.isCompletion()) {
                    return new ChecksumAnswer.Computed(ChecksumReplies.hash(path, reply));
                }
                refused("HASH", path, reply, refusals);
            } else {
                refusals.add(hashUnusable);
            }
        }
        for (Command command : ONE_ALGORITHM) {
            if (features.has(command.name()) && !unimplemented.contains(command.name())) {
                Reply reply = control.send(command.name(), path);
                if (reply.isCompletion()) {
                    return new ChecksumAnswer.Computed(ChecksumReplies.digest(command.name(), command.algorithm(), path,
                            reply));
                }
                refused(command.name(), path, reply, refusals);
            }
        }
        return new ChecksumAnswer.Unavailable(refusals.isEmpty()
                ? "the server offers no checksum command (HASH, XSHA256, XSHA512, XSHA1, XSHA, XMD5, MD5, XCRC)"
                : String.join("; ", refusals));
    }

    private void refused(String command, String path, Reply reply, List<String> refusals) throws FtpReplyException {
        if (!reply.isPermanentNegative()) {
            throw control.rejected(command, path, reply);
        }
        if (reply.code() == 500 || reply.code() == 502) {
            unimplemented.add(command);
        }
        refusals.add("the server refused " + command + " (" + reply.code() + " " + reply.text().strip() + ")");
    }

    /**
     * Whether HASH answers with an algorithm filesync computes: the one FEAT marks selected
     * ({@code HASH SHA-1*;SHA-256;MD5}), or else the strongest listed one filesync knows, chosen
     * with {@code OPTS HASH}. A FEAT line without algorithms is taken on trust.
     */
    private boolean hashUsable() throws FtpException {
        if (!hashChecked) {
            hashChecked = true;
            hashUnusable = hashProblem();
        }
        return hashUnusable == null;
    }

    private String hashProblem() throws FtpException {
        String offered = features.arguments("HASH").orElse("");
        List<ChecksumAlgorithm> known = new ArrayList<>();
        for (String listed : offered.split(";")) {
            String name = listed.strip();
            if (name.endsWith("*") && ChecksumAlgorithm.named(name.substring(0, name.length() - 1)).isPresent()) {
                return null;
            }
            ChecksumAlgorithm.named(name).ifPresent(known::add);
        }
        if (offered.isBlank()) {
            return null;
        }
        Optional<ChecksumAlgorithm> best = known.stream().min(Enum::compareTo);
        if (best.isEmpty()) {
            return "the server's HASH offers only " + offered.toUpperCase(Locale.ROOT) + ", none of which filesync computes";
        }
        Reply reply = control.send("OPTS", "HASH " + best.get().hashName());
        if (!reply.isCompletion()) {
            return "the server refused OPTS HASH " + best.get().hashName() + " (" + reply.code() + " "
                    + reply.text().strip() + ")";
        }
        return null;
    }
}
