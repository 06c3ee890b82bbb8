package org.filesync.jobs;

import org.filesync.ftp.PortRange;
import org.filesync.ftp.TlsMode;
import org.filesync.ftp.TransferMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code remote:} section of a job: where the FTP server is and how to talk to it.
 *
 * @param path the remote root directory, decoded from the URL ("/" when the URL names none)
 */
public record RemoteEndpoint(
        String scheme,
        String host,
        int port,
        String path,
        String username,
        Secret password,
        TlsMode tls,
        Path certificate,
        boolean verifyCertificate,
        boolean passive,
        String activeAddress,
        PortRange activePorts,
        TransferMode transferMode,
        long markerInterval,
        Duration connectTimeout,
        Duration idleTimeout) {

    /** The URL as people may see it: never with a password. An absolute path is written with %2F, as RFC 1738 has it. */
    public String displayUrl() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        String urlPath = path.startsWith("/") ? "%2F" + encode(path.substring(1)) : encode(path);
        return scheme + "://" + encode(username) + "@" + hostPart + ":" + port + "/" + urlPath;
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
