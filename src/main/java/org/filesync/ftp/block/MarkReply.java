package org.filesync.ftp.block;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code 110 MARK ssss = mmmm} reply (RFC 959 §4.2): the server confirms that it holds
 * everything up to the client's marker {@code ssss} and names that point {@code mmmm}, the marker a
 * later {@code REST} must send.
 *
 * @param clientMarker ssss, the marker this client put in the data stream
 * @param serverMarker mmmm, the server's own marker for the same point; opaque
 */
public record MarkReply(String clientMarker, String serverMarker) {

    // The RFC spells the text exactly ("note the spaces between markers and '='"), but servers
    // vary in case and spacing, and some add a trailing word or period after mmmm: markers contain
    // no spaces (§3.4.2), so each is one run of non-space characters. The spaced form is tried
    // first so that a marker containing '=' is still split at the right place.
    private static final Pattern SPACED = Pattern.compile(
            "^\\s*(?:110[ -]\\s*)?MARK\\s+(\\S+)\\s+=\\s+(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSPACED = Pattern.compile(
            "^\\s*(?:110[ -]\\s*)?MARK\\s+([^\\s=]+)\\s*=\\s*(\\S+)", Pattern.CASE_INSENSITIVE);

    /**
     * Finds a MARK reply in {@code reply}: a whole reply as Commons Net's {@code getReplyString()}
     * gives it (code included, possibly several lines) or one line of it, with or without the code.
     */
    public static Optional<MarkReply> parse(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        for (String line : reply.split("\r?\n")) {
            for (Pattern pattern : new Pattern[] {SPACED, UNSPACED}) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return Optional.of(new MarkReply(matcher.group(1), matcher.group(2)));
                }
            }
        }
        return Optional.empty();
    }
}
