package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.TestCertificate;
import org.filesync.testing.TestFiles;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtpsTest {

    @TempDir
    Path dir;

    private static FtpSessionSettings tls(FtpServerFixture server, TlsMode mode, Path certificate, boolean verify) {
        FtpSessionSettings plain = server.settings();
        return new FtpSessionSettings(plain.server().toBuilder().tls(mode).certificate(certificate).verifyCertificate(verify)
                .build(), plain.password(), plain.throttle());
    }

    private void roundTripSeveralFiles(FtpServerFixture server, FtpSessionSettings settings) throws Exception {
        try (FtpSession session = new CommonsNetSessionFactory(settings).open()) {
            // Several data connections in a row: each must resume the control connection's TLS session.
            for (int i = 0; i < 3; i++) {
                Path original = TestFiles.random(dir.resolve("original-" + i), 300_000 + i, i);
                String remote = server.remote("secure-" + i + ".bin");
                session.store(original, remote, RestartPoint.START, TransferListener.NONE);
                Path back = dir.resolve("back-" + i);
                session.retrieve(remote, back, RestartPoint.START, Files.size(original), TransferListener.NONE);
                assertThat(Files.mismatch(original, back)).isEqualTo(-1);
            }
            List<RemoteEntry> listing = session.list(server.remoteRoot());
            assertThat(listing).extracting(RemoteEntry::name).contains("secure-0.bin", "secure-1.bin", "secure-2.bin");
        }
    }

    @Test
    void explicitFtpsRoundTripsResumeTheTlsSessionOnVsftpdRequiringReuse() throws Exception {
        TestCertificate certificate = TestCertificate.forLoopback(dir.resolve("tls"));
        try (VsftpdServer server = VsftpdServer.startTls(dir.resolve("vsftpd"), certificate, false)) {
            roundTripSeveralFiles(server, tls(server, TlsMode.EXPLICIT, certificate.certificatePem(), true));
        }
    }

    @Test
    void implicitFtpsRoundTripsOnVsftpdRequiringReuse() throws Exception {
        TestCertificate certificate = TestCertificate.forLoopback(dir.resolve("tls"));
        try (VsftpdServer server = VsftpdServer.startTls(dir.resolve("vsftpd"), certificate, true)) {
            roundTripSeveralFiles(server, tls(server, TlsMode.IMPLICIT, certificate.certificatePem(), true));
        }
    }

    @Test
    void explicitFtpsRoundTripsOnApacheFtpServer() throws Exception {
        TestCertificate certificate = TestCertificate.forLoopback(dir.resolve("tls"));
        try (ApacheFtpServer server = ApacheFtpServer.startExplicitTls(dir.resolve("apache"), certificate)) {
            roundTripSeveralFiles(server, tls(server, TlsMode.EXPLICIT, certificate.certificatePem(), true));
        }
    }

    @Test
    void refusesCertificateNotInTrustStoreOrPemAsPermanentFailure() {
        TestCertificate certificate = TestCertificate.forLoopback(dir.resolve("tls"));
        try (ApacheFtpServer server = ApacheFtpServer.startExplicitTls(dir.resolve("apache"), certificate)) {
            assertThatThrownBy(() -> new CommonsNetSessionFactory(tls(server, TlsMode.EXPLICIT, null, true)).open())
                    .isInstanceOfSatisfying(FtpConnectionException.class, e -> {
                        assertThat(e.isTransient()).isFalse();
                        assertThat(e.getMessage()).contains("not trusted").contains("127.0.0.1:" + server.port());
                    });
        }
    }

    @Test
    void refusesTrustedCertificateIssuedForAnotherHostName() {
        TestCertificate otherHost = TestCertificate.create(dir.resolve("tls"), "dns:ftp.example.org");
        try (ApacheFtpServer server = ApacheFtpServer.startExplicitTls(dir.resolve("apache"), otherHost)) {
            assertThatThrownBy(() -> new CommonsNetSessionFactory(
                    tls(server, TlsMode.EXPLICIT, otherHost.certificatePem(), true)).open())
                    .isInstanceOfSatisfying(FtpConnectionException.class, e -> {
                        assertThat(e.isTransient()).isFalse();
                        assertThat(e.getMessage()).contains("not trusted");
                    });
        }
    }

    @Test
    void acceptsAnyCertificateWhenVerificationIsOff() throws Exception {
        TestCertificate otherHost = TestCertificate.create(dir.resolve("tls"), "dns:ftp.example.org");
        try (ApacheFtpServer server = ApacheFtpServer.startExplicitTls(dir.resolve("apache"), otherHost)) {
            roundTripSeveralFiles(server, tls(server, TlsMode.EXPLICIT, null, false));
        }
    }
}
