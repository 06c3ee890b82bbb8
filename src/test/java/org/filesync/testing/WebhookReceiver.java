package org.filesync.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP endpoint on loopback that keeps every POST it gets, for webhook tests. */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String body, byte[] bytes, String contentType, String signature) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile int status = 204;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", exchange -> {
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                int answer = receiver.status; // read first: a test may change it once it saw this request
                receiver.received.add(new Received(new String(bytes, StandardCharsets.UTF_8), bytes,
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("X-Filesync-Signature")));
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to give a job's {@code notify.webhook}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The HTTP status to answer with from now on (204 unless set). */
    public void answer(int status) {
        this.status = status;
    }

    /** The next request, waiting up to {@code patience}. */
    public Received next(Duration patience) throws InterruptedException {
        Received next = received.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no webhook request within " + patience);
        }
        return next;
    }

    /** How many requests arrived that no {@link #next} took yet. */
    public int waiting() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
