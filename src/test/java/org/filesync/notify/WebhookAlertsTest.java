package org.filesync.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.filesync.history.HistoryJson;
import org.filesync.history.NotificationRecord;
import org.filesync.history.NotificationStatus;
import org.filesync.history.RunHistory;
import org.filesync.metrics.FilesyncMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.jobs.JobDefinition;
import org.filesync.settings.ServerSettings;
import org.filesync.testing.SettableClock;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook alerts of real runs against a real FTP server, received by a real HTTP endpoint: which
 * runs alert, what the body and signature are, and what the history records.
 */
class WebhookAlertsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private ApacheFtpServer server;
    private MirrorHarness harness;
    private WebhookReceiver receiver;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T02:30:00Z"));

    @BeforeEach
    void start() {
        server = ApacheFtpServer.start(dir.resolve("served"));
        harness = new MirrorHarness(dir);
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        harness.close();
        server.close();
    }

    /** A download of served/pub, which does not exist until {@link #sourceAppears} makes it. */
    private JobDefinition job(String notify) {
        return harness.job("nightly", server, "download", "pub", dir.resolve("mirror"), "notify: " + notify);
    }

    private void sourceAppears() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/a.txt"), "alpha");
    }

    private RunRecord runAndAlert(RunAlerts alerts, JobDefinition job, RunStatus expected) throws Exception {
        RunRecord run = harness.run(job);
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(expected);
        alerts.runEnded(job, run.runId());
        return run;
    }

    private RunAlerts alerts() {
        return new RunAlerts(harness.database(), ServerSettings.NONE, List.of(new WebhookChannel()), clock,
                new FilesyncMeters(meters));
    }

    private double notificationsCounted(String status) {
        var counter = meters.find("filesync.notifications").tags("channel", "webhook", "status", status).functionCounter();
        return counter == null ? 0 : counter.count();
    }

    private List<NotificationRecord> notifications(long runId) {
        return new RunHistory(harness.database().jdbc()).notifications(runId);
    }

    @Test
    void failureAlertCarriesTheRunAsHistoryPrintsItAndASignatureOfTheBody() throws Exception {
        JobDefinition job = job("{webhook: '" + receiver.url() + "', webhookSecret: hook-s3cret}");
        RunAlerts alerts = alerts();

        RunRecord run = runAndAlert(alerts, job, RunStatus.FAILED);
        WebhookReceiver.Received request = receiver.next(PATIENCE);
        alerts.awaitDelivery(PATIENCE);

        JsonNode body = HistoryJson.mapper().readTree(request.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("event", "job", "run", "node", "url");
        assertThat(body.get("event").asText()).isEqualTo("failure");
        assertThat(body.get("job").asText()).isEqualTo("nightly");
        assertThat(HistoryJson.mapper().treeToValue(body.get("run"), RunRecord.class)).isEqualTo(run);
        assertThat(body.get("node").asText()).isEqualTo(run.node());
        assertThat(body.get("url").isNull()).isTrue();
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.signature()).isEqualTo("sha256=" + hmacSha256("hook-s3cret", request.bytes()));
        assertThat(notifications(run.runId())).singleElement().satisfies(notification -> {
            assertThat(notification.channel()).isEqualTo("webhook");
            assertThat(notification.event()).isEqualTo("failure");
            assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(notification.attempts()).isEqualTo(1);
            assertThat(notification.sentAt()).isEqualTo(clock.instant());
        });
        assertThat(notificationsCounted("sent")).isEqualTo(1);
        assertThat(notificationsCounted("failed")).isZero();
    }

    @Test
    void withoutASecretNoSignatureIsSent() throws Exception {
        RunAlerts alerts = alerts();

        runAndAlert(alerts, job("{webhook: '" + receiver.url() + "'}"), RunStatus.FAILED);

        assertThat(receiver.next(PATIENCE).signature()).isNull();
    }

    @Test
    void recoveryFollowsAFailureAndEndsTheSeries() throws Exception {
        JobDefinition job = job("{webhook: '" + receiver.url() + "'}");
        RunAlerts alerts = alerts();

        runAndAlert(alerts, job, RunStatus.FAILED);
        assertThat(event(receiver.next(PATIENCE))).isEqualTo("failure");
        sourceAppears();
        RunRecord recovered = runAndAlert(alerts, job, RunStatus.COMPLETED);
        WebhookReceiver.Received recovery = receiver.next(PATIENCE);
        runAndAlert(alerts, job, RunStatus.COMPLETED);
        Files.delete(dir.resolve("served/pub/a.txt"));
        Files.delete(dir.resolve("served/pub"));
        runAndAlert(alerts, job, RunStatus.FAILED);
        WebhookReceiver.Received failureAgain = receiver.next(PATIENCE);
        alerts.awaitDelivery(PATIENCE);

        assertThat(event(recovery)).isEqualTo("recovery");
        assertThat(HistoryJson.mapper().readTree(recovery.body()).get("run").get("runId").asLong())
                .isEqualTo(recovered.runId());
        // the same failure as before the recovery, within remindEvery, yet a new series: sent
        assertThat(event(failureAgain)).isEqualTo("failure");
        assertThat(receiver.waiting()).as("the second COMPLETED run is no recovery").isZero();
    }

    @Test
    void sameFailureIsNotSentAgainBeforeRemindEvery() throws Exception {
        JobDefinition job = job("{webhook: '" + receiver.url() + "', remindEvery: 6h}");
        RunAlerts alerts = alerts();

        RunRecord first = runAndAlert(alerts, job, RunStatus.FAILED);
        receiver.next(PATIENCE);
        awaitSettled(first);
        clock.advance(Duration.ofHours(5));
        RunRecord suppressed = runAndAlert(alerts, job, RunStatus.FAILED);
        clock.advance(Duration.ofHours(2));
        RunRecord reminder = runAndAlert(alerts, job, RunStatus.FAILED);
        WebhookReceiver.Received reminded = receiver.next(PATIENCE);
        alerts.awaitDelivery(PATIENCE);

        assertThat(notifications(suppressed.runId())).isEmpty();
        assertThat(HistoryJson.mapper().readTree(reminded.body()).get("run").get("runId").asLong())
                .isEqualTo(reminder.runId());
        assertThat(receiver.waiting()).isZero();
    }

    @Test
    void successIsSentOnlyWhenAskedFor() throws Exception {
        sourceAppears();
        RunAlerts alerts = alerts();

        RunRecord quiet = runAndAlert(alerts, job("{webhook: '" + receiver.url() + "'}"), RunStatus.COMPLETED);
        runAndAlert(alerts, job("{webhook: '" + receiver.url() + "', on: [success]}"), RunStatus.COMPLETED);
        WebhookReceiver.Received success = receiver.next(PATIENCE);
        alerts.awaitDelivery(PATIENCE);

        assertThat(notifications(quiet.runId())).isEmpty();
        assertThat(event(success)).isEqualTo("success");
    }

    @Test
    void receiverThatRefusesTheAlertIsRecordedFailedWithoutRetrying() throws Exception {
        receiver.answer(403);
        RunAlerts alerts = alerts();

        RunRecord run = runAndAlert(alerts, job("{webhook: '" + receiver.url() + "'}"), RunStatus.FAILED);
        receiver.next(PATIENCE);
        alerts.awaitDelivery(PATIENCE);

        assertThat(notifications(run.runId())).singleElement().satisfies(notification -> {
            assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(notification.attempts()).isEqualTo(1);
            assertThat(notification.error()).isEqualTo("the receiver answered HTTP 403");
            assertThat(notification.sentAt()).isNull();
        });
        assertThat(notificationsCounted("failed")).isEqualTo(1);
    }

    @Test
    void receiverFailingTransientlyIsTriedAgain() throws Exception {
        receiver.answer(503);
        RunAlerts alerts = alerts();

        RunRecord run = runAndAlert(alerts, job("{webhook: '" + receiver.url() + "'}"), RunStatus.FAILED);
        receiver.next(PATIENCE);
        receiver.answer(204);
        receiver.next(PATIENCE);
        alerts.awaitDelivery(PATIENCE);

        assertThat(notifications(run.runId())).singleElement().satisfies(notification -> {
            assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(notification.attempts()).isEqualTo(2);
            assertThat(notification.error()).isNull();
        });
    }

    private void awaitSettled(RunRecord run) {
        Awaitility.await().atMost(PATIENCE).until(() -> notifications(run.runId()).stream()
                .noneMatch(notification -> notification.status() == NotificationStatus.PENDING));
    }

    private static String event(WebhookReceiver.Received request) throws Exception {
        return HistoryJson.mapper().readTree(request.body()).get("event").asText();
    }

    private static String hmacSha256(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
