package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * vsftpd (Debian) standalone on a free loopback port, anonymous with upload: LIST only (no MLSD),
 * REST, no checksums. Runs as root the way it does in production: it chroots into an anonymous
 * root owned by root and drops to the "ftp" user, so tests work in {@code /files}, a folder owned
 * by "ftp" ({@link #localRoot()}). The TLS variant requires TLS for login and data with
 * {@code require_ssl_reuse=YES}. Skips the test when vsftpd is not installed.
 */
public final class VsftpdServer implements FtpServerFixture {

    private static final Path BINARY = Path.of("/usr/sbin/vsftpd");

    private final ServerProcess process;
    private final Path files;
    private final String host;

    private VsftpdServer(ServerProcess process, Path files, String host) {
        this.process = process;
        this.files = files;
        this.host = host;
    }

    /** Plain FTP, serving a fresh tree under {@code base}; {@code extraConfig} lines ("max_per_ip=2") go into vsftpd.conf. */
    public static VsftpdServer start(Path base, String... extraConfig) {
        return start(base, null, false, "127.0.0.1", extraConfig);
    }

    /** The same on ::1 alone (listen_ipv6); see {@link Ipv6Loopback}. */
    public static VsftpdServer startIpv6(Path base, String... extraConfig) {
        return start(base, null, false, "::1", extraConfig);
    }

    /** FTPS with {@code certificate}: explicit (AUTH TLS) or implicit, requiring TLS session reuse on data connections. */
    public static VsftpdServer startTls(Path base, TestCertificate certificate, boolean implicit) {
        return start(base, certificate, implicit, "127.0.0.1");
    }

    private static VsftpdServer start(Path base, TestCertificate certificate, boolean implicit, String host,
                                      String... extraConfig) {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "vsftpd is not installed (apt-get install vsftpd)");
        try {
            Path anon = base.resolve("anon");
            Path files = anon.resolve("files");
            Files.createDirectories(files);
            // vsftpd refuses a chroot it can write to, and the ftp user must reach and write /files.
            for (Path dir : List.of(base, anon, files)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            UserPrincipal ftp = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("ftp");
            Files.setOwner(files, ftp);
            Path emptyDir = base.resolve("empty");
            Files.createDirectories(emptyDir);
            ServerProcess process = ServerProcess.start(port -> {
                Path config = base.resolve("vsftpd-" + port + ".conf");
                try {
                    Files.writeString(config, config(port, host, anon, emptyDir, certificate, implicit)
                            + String.join("\n", extraConfig) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return List.of(BINARY.toString(), config.toString());
            }, base.resolve("vsftpd.log"), !(certificate != null && implicit), host);
            return new VsftpdServer(process, files, host);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String config(int port, String host, Path anon, Path emptyDir, TestCertificate certificate,
                                 boolean implicit) {
        StringBuilder config = new StringBuilder(host.contains(":")
                ? "listen=NO\nlisten_ipv6=YES\nlisten_address6=" + host + "\n"
                : "listen=YES\nlisten_ipv6=NO\nlisten_address=" + host + "\n");
        config.append("""
                background=NO
                anonymous_enable=YES
                local_enable=NO
                no_anon_password=YES
                write_enable=YES
                anon_upload_enable=YES
                anon_mkdir_write_enable=YES
                anon_other_write_enable=YES
                anon_umask=022
                seccomp_sandbox=NO
                isolate=NO
                isolate_network=NO
                xferlog_enable=NO
                use_localtime=NO
                """);
        config.append("listen_port=").append(port).append('\n');
        config.append("anon_root=").append(anon).append('\n');
        config.append("secure_chroot_dir=").append(emptyDir).append('\n');
        if (certificate != null) {
            config.append("""
                    ssl_enable=YES
                    allow_anon_ssl=YES
                    force_anon_logins_ssl=YES
                    force_anon_data_ssl=YES
                    require_ssl_reuse=YES
                    ssl_ciphers=HIGH
                    """);
            config.append("implicit_ssl=").append(implicit ? "YES" : "NO").append('\n');
            config.append("rsa_cert_file=").append(certificate.certificatePem()).append('\n');
            config.append("rsa_private_key_file=").append(certificate.privateKeyPem()).append('\n');
        }
        return config.toString();
    }

    @Override
    public String name() {
        return "vsftpd";
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return process.port();
    }

    @Override
    public String username() {
        return "anonymous";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public Path localRoot() {
        return files;
    }

    @Override
    public String remoteRoot() {
        return "/files";
    }

    @Override
    public void close() {
        process.close();
    }
}
