package org.filesync.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.filesync.ftp.FailureMessages;
import org.filesync.history.HistoryJson;
import org.filesync.jobs.NotifySection;
import org.filesync.jobs.Secret;

/**
 * POSTs an alert as JSON, {@code {"event", "job", "run", "node", "url"}}, signed with
 * {@code X-Filesync-Signature: sha256=<hex HMAC-SHA256 of the body>} when the job has a secret.
 */
final class WebhookChannel implements AlertChannel {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String SIGNATURE_HEADER = "X-Filesync-Signature";

    /** Made on the first alert: a run that sends none does not start the client's threads. */
    private HttpClient client;

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean isConfigured(NotifySection rules) {
        return rules.webhook() != null;
    }

    @Override
    public void send(Alert alert, NotifySection rules) throws DeliveryFailure, InterruptedException {
        byte[] body = body(alert);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rules.webhook().reveal())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (rules.webhookSecret() != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + signature(body, rules.webhookSecret()));
        }
        HttpResponse<Void> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("no answer within " + TIMEOUT.toSeconds() + " s", false);
        } catch (ConnectException e) {
            throw new DeliveryFailure("cannot reach the receiver: connection refused", false);
        } catch (IOException e) {
            // the JDK's messages name no URL
            throw new DeliveryFailure("cannot reach the receiver: " + FailureMessages.withRootCause(e), false);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status / 100 == 5 || status == 408 || status == 429;
            throw new DeliveryFailure("the receiver answered HTTP " + status, !retryable);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    static byte[] body(Alert alert) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("event", alert.event().key());
        document.put("job", alert.job());
        document.put("run", alert.run());
        document.put("node", alert.node());
        document.put("url", null);
        try {
            // Jackson is first loaded here, not when a run starts: making its mapper was 3 % of the
            // CPU of a re-check that sends no alert (JFR samples, 10,000 files).
            return HistoryJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the alert as JSON", e);
        }
    }

    static String signature(byte[] body, Secret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
