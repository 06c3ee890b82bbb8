package org.filesync.jobs;

import java.nio.charset.StandardCharsets;
import org.filesync.ftp.AddressText;
import org.filesync.ftp.FtpEndpoint;
import org.filesync.ftp.TlsMode;

/**
 * The {@code remote:} section of a job: the URL's scheme and folder, the password, and where the FTP
 * server is and how to talk to it.
 *
 * @param path the remote root directory, decoded from the URL ("/" when the URL names none)
 */
public record RemoteEndpoint(String scheme, String path, Secret password, FtpEndpoint server) {

    public TlsMode tls() {
        return server.tls();
    }

    public boolean verifyCertificate() {
        return server.verifyCertificate();
    }

    /** The URL as people may see it: never with a password. An absolute path is written with %2F, as RFC 1738 has it. */
    public String displayUrl() {
        String urlPath = path.startsWith("/") ? "%2F" + encode(path.substring(1)) : encode(path);
        return scheme + "://" + encode(server.username()) + "@" + AddressText.hostAndPort(server.host(), server.port()) + "/" + urlPath;
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
