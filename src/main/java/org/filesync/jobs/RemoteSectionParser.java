package org.filesync.jobs;

import org.filesync.ftp.FtpEndpoint;
import org.filesync.ftp.PortRange;
import org.filesync.ftp.TlsMode;
import org.filesync.ftp.TransferMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code remote:} section of a job file, cross-checking keys that only make sense together. */
final class RemoteSectionParser {

    static final Set<String> KEYS = Set.of("url", "username", "password", "passwordFile", "tls", "certificate",
            "verifyCertificate", "passive", "activeAddress", "activePorts", "transferMode", "markerInterval",
            "connectTimeout", "idleTimeout");
    private static final String ANONYMOUS = "anonymous";
    private static final Pattern HOST_OR_ADDRESS = Pattern.compile("[A-Za-z0-9.:\\-]+");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?");

    private final YamlMapping remote;
    private final Path folder;

    RemoteSectionParser(YamlMapping remote, Path folder) {
        this.remote = remote;
        this.folder = folder;
    }

    Optional<RemoteEndpoint> parse() {
        if (!remote.has("url")) {
            remote.missing("url");
        }
        FtpUrl url = remote.string("url").flatMap(this::url).orElse(null);
        String username = remote.string("username").orElse(url != null && url.user() != null ? url.user() : ANONYMOUS);
        Secret password = password(username).orElse(null);

        TlsMode defaultTls = url != null && url.scheme().equals("ftps") ? TlsMode.IMPLICIT : TlsMode.NONE;
        TlsMode tls = remote.string("tls").flatMap(text -> JobFileParser.choice(remote, "tls", text, TlsMode.class))
                .orElse(defaultTls);
        if (url != null && url.scheme().equals("ftps") && tls != TlsMode.IMPLICIT) {
            remote.error("tls", "an ftps:// URL means implicit TLS; for " + tls.name().toLowerCase()
                    + " write the URL with ftp://");
        }
        Path certificate = CertificateKey.read(remote, folder).orElse(null);
        boolean verifyCertificate = remote.bool("verifyCertificate").orElse(true);
        if (tls == TlsMode.NONE) {
            onlyWith("certificate", "TLS (tls: explicit or implicit, or an ftps:// URL)");
            onlyWith("verifyCertificate", "TLS (tls: explicit or implicit, or an ftps:// URL)");
        }

        boolean passive = remote.bool("passive").orElse(true);
        String activeAddress = remote.string("activeAddress").filter(this::validAddress).orElse(null);
        PortRange activePorts = remote.string("activePorts").flatMap(this::portRange).orElse(null);
        if (passive) {
            onlyWith("activeAddress", "active mode (passive: false)");
            onlyWith("activePorts", "active mode (passive: false)");
        }

        TransferMode transferMode = remote.string("transferMode")
                .flatMap(text -> JobFileParser.choice(remote, "transferMode", text, TransferMode.class))
                .orElse(TransferMode.STREAM);
        long markerInterval = remote.string("markerInterval")
                .flatMap(text -> JobFileParser.size(remote, "markerInterval", text))
                .filter(bytes -> JobFileParser.atLeast(remote, "markerInterval", bytes, 1)).orElse(4L << 20);
        if (transferMode != TransferMode.BLOCK) {
            onlyWith("markerInterval", "block mode (transferMode: block)");
        }
        Duration connectTimeout = remote.string("connectTimeout").flatMap(text -> duration("connectTimeout", text))
                .orElse(Duration.ofSeconds(10));
        Duration idleTimeout = remote.string("idleTimeout").flatMap(text -> duration("idleTimeout", text))
                .orElse(Duration.ofSeconds(60));

        if (url == null || password == null) {
            return Optional.empty();
        }
        int port = url.port() > 0 ? url.port() : (tls == TlsMode.IMPLICIT ? 990 : 21);
        FtpEndpoint server = FtpEndpoint.builder(url.host(), port).username(username).tls(tls).certificate(certificate)
                .verifyCertificate(verifyCertificate).passive(passive).activeAddress(activeAddress).activePorts(activePorts)
                .transferMode(transferMode).markerInterval(markerInterval).connectTimeout(connectTimeout)
                .idleTimeout(idleTimeout).build();
        return Optional.of(new RemoteEndpoint(url.scheme(), url.path(), password, server));
    }

    private Optional<FtpUrl> url(String text) {
        try {
            return Optional.of(FtpUrl.parse(text));
        } catch (IllegalArgumentException e) {
            remote.error("url", e.getMessage());
            return Optional.empty();
        }
    }

    /** Anonymous logins get the customary e-mail-like password; others must name theirs, or leave it empty. */
    private Optional<Secret> password(String username) {
        if (PasswordKeys.given(remote)) {
            return PasswordKeys.read(remote, folder);
        }
        return Optional.of(new Secret(username.equals(ANONYMOUS) ? "filesync@" : ""));
    }

    private boolean validAddress(String text) {
        if (!HOST_OR_ADDRESS.matcher(text).matches()) {
            remote.error("activeAddress", "'" + text + "' is not an IP address or host name");
            return false;
        }
        return true;
    }

    private Optional<PortRange> portRange(String text) {
        var matcher = PORT_RANGE.matcher(text.trim());
        if (matcher.matches()) {
            int first = Integer.parseInt(matcher.group(1));
            int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
            try {
                return Optional.of(new PortRange(first, last));
            } catch (IllegalArgumentException e) {
                remote.error("activePorts", e.getMessage());
                return Optional.empty();
            }
        }
        remote.error("activePorts", "'" + text + "' is not a port range (example: 50000-50100)");
        return Optional.empty();
    }

    private Optional<Duration> duration(String key, String text) {
        try {
            Duration duration = DurationText.parse(text);
            if (duration.isZero()) {
                remote.error(key, "must be longer than 0");
                return Optional.empty();
            }
            return Optional.of(duration);
        } catch (IllegalArgumentException e) {
            remote.error(key, e.getMessage());
            return Optional.empty();
        }
    }

    private void onlyWith(String key, String condition) {
        if (remote.has(key)) {
            remote.error(key, "only applies with " + condition);
        }
    }
}
