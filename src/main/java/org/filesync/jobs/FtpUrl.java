package org.filesync.jobs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code ftp://} or {@code ftps://} URL. As in RFC 1738 and curl, the path is relative to the
 * login folder; {@code %2F} (or a doubled slash) makes it absolute: {@code ftp://host/%2Fsrv/pub}.
 *
 * @param user the decoded user name, or {@code null}
 * @param port the port, or -1 when the URL names none
 * @param path the decoded remote root: {@code ""} for the login folder, {@code "pub"}, or {@code "/srv/pub"}
 */
record FtpUrl(String scheme, String user, String host, int port, String path) {

    private static final Pattern URL = Pattern.compile(
            "(?i)(ftps?)://(?:([^@/]*)@)?(\\[[0-9A-Fa-f:.]+]|[^:/\\[\\]@]+)(?::(\\d{1,5}))?(/.*)?");

    /** @throws IllegalArgumentException with a message that never repeats a password */
    static FtpUrl parse(String text) {
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("URL contains a control character");
        }
        Matcher matcher = URL.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "not an FTP URL (expected ftp://[user@]host[:port]/path or ftps://...): '" + withoutUserInfo(text) + "'");
        }
        String userInfo = matcher.group(2);
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("a password inside the URL is not allowed: use remote.password or remote.passwordFile");
        }
        String host = matcher.group(3);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        if (matcher.group(4) != null) {
            port = Integer.parseInt(matcher.group(4));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 1-65535");
            }
        }
        String rawPath = matcher.group(5) == null ? "" : matcher.group(5).substring(1);
        String path = decode(rawPath);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new FtpUrl(matcher.group(1).toLowerCase(), userInfo == null || userInfo.isEmpty() ? null : decode(userInfo), host, port, path);
    }

    /** Everything up to the last '@' after the scheme may hold a password, '/' and '@' included: none of it is shown. */
    private static String withoutUserInfo(String text) {
        return text.replaceFirst("//.*@", "//");
    }

    private static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("bad percent escape at the end of the URL");
                }
                try {
                    bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad percent escape '" + text.substring(i, i + 3) + "' in the URL");
                }
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        String decoded = bytes.toString(StandardCharsets.UTF_8);
        if (decoded.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("the URL decodes to a CR, LF or NUL character");
        }
        return decoded;
    }
}
