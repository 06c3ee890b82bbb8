package org.filesync.notify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.filesync.metrics.FilesyncMeters;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.filesync.history.NotificationRecord;
import org.filesync.history.NotificationStatus;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.NotifySection;
import org.filesync.jobs.Secret;
import org.filesync.settings.MailSettings;
import org.filesync.settings.ServerSettings;
import org.filesync.settings.WebSettings;
import org.filesync.settings.StartTls;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.SmtpTestServer;
import org.filesync.testing.TestCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E-mail alerts of real runs through a real SMTP server that requires STARTTLS and a login. */
class EmailAlertsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private ApacheFtpServer server;
    private FaultProxy proxy;
    private MirrorHarness harness;
    private TestCertificate certificate;

    @BeforeEach
    void start() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(served.resolve("good.txt"), "one");
        Files.writeString(served.resolve("bad-1.bin"), "refused");
        Files.writeString(served.resolve("bad-2.bin"), "refused");
        server = ApacheFtpServer.start(dir.resolve("served"));
        proxy = FaultProxy.start("127.0.0.1", server.port());
        proxy.answerInstead("RETR /pub/bad-1.bin", "550 bad-1.bin: Permission denied");
        proxy.answerInstead("RETR /pub/bad-2.bin", "553 bad-2.bin: Not allowed");
        harness = new MirrorHarness(dir);
        certificate = TestCertificate.forLoopback(dir.resolve("certs"));
    }

    @AfterEach
    void stop() {
        harness.close();
        proxy.close();
        server.close();
    }

    private MailSettings mail(int port, StartTls starttls) {
        return new MailSettings("localhost", port, starttls, SmtpTestServer.USER, new Secret(SmtpTestServer.PASSWORD),
                "filesync@example.org", certificate.certificatePem());
    }

    /** A run with two refused files, COMPLETED_WITH_ERRORS, and its alert sent by e-mail. */
    private RunRecord runAndAlert(MailSettings mail) throws Exception {
        JobDefinition job = harness.job("nightly", server, proxy.port(), "download", "pub", dir.resolve("mirror"),
                "notify: {email: [ops@example.org, oncall@example.org]}");
        RunRecord run = harness.run(job);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        RunAlerts alerts = new RunAlerts(harness.database(),
                new ServerSettings(null, mail, NotifySection.NONE, null, WebSettings.NONE, List.of()),
                List.of(new EmailChannel(mail, new RunHistory(harness.database().jdbc()))), Clock.systemUTC(),
                new FilesyncMeters(new SimpleMeterRegistry()));
        alerts.runEnded(job, run.runId());
        alerts.awaitDelivery(PATIENCE);
        return run;
    }

    private NotificationRecord notification(RunRecord run) {
        List<NotificationRecord> notifications = new RunHistory(harness.database().jdbc()).notifications(run.runId());
        assertThat(notifications).hasSize(1);
        return notifications.get(0);
    }

    @Test
    void failureMailOverStarttlsNamesJobEventAndStatusAndListsTheFailedFiles() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.startRequiringTls(certificate)) {
            RunRecord run = runAndAlert(mail(smtp.port(), StartTls.REQUIRED));

            MimeMessage message = smtp.next(PATIENCE);
            assertThat(message.getSubject()).isEqualTo("[filesync] nightly: failure (COMPLETED_WITH_ERRORS, run "
                    + run.runId() + ")");
            assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(address -> ((InternetAddress) address)
                    .getAddress()).containsExactly("ops@example.org", "oncall@example.org");
            assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("filesync@example.org");
            String body = ((String) message.getContent()).replace("\r\n", "\n");
            assertThat(body).contains("Job nightly, run " + run.runId() + ", ended COMPLETED_WITH_ERRORS",
                    "1 transferred, 0 skipped, 2 failed, 0 deleted",
                    "  550  bad-1.bin  ", "Permission denied", "  553  bad-2.bin  ", "Not allowed");
            assertThat(notification(run).status()).isEqualTo(NotificationStatus.SENT);
            assertThat(notification(run).channel()).isEqualTo("email");
        }
    }

    @Test
    void requiredStarttlsThatTheServerDoesNotOfferSendsNothing() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.startWithoutTls()) {
            RunRecord run = runAndAlert(mail(smtp.port(), StartTls.REQUIRED));

            assertThat(smtp.waiting()).isZero();
            assertThat(notification(run).status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(notification(run).error()).containsIgnoringCase("STARTTLS");
        }
    }

    @Test
    void serverCertificateThatIsNotTrustedSendsNothing() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.startRequiringTls(certificate)) {
            MailSettings mail = mail(smtp.port(), StartTls.TRUE);
            RunRecord run = runAndAlert(new MailSettings(mail.host(), mail.port(), mail.starttls(), mail.username(),
                    mail.password(), mail.from(), null));

            assertThat(smtp.waiting()).isZero();
            assertThat(notification(run).status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(notification(run).error()).doesNotContain(SmtpTestServer.PASSWORD);
        }
    }
}
