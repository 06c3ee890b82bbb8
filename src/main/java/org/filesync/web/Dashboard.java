package org.filesync.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filesync.ftp.NamedThreadFactory;
import org.filesync.history.Database;
import org.filesync.history.HistoryJson;
import org.filesync.history.RunDetails;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.jobs.JobCatalog;
import org.filesync.schedule.JobStatus;
import org.filesync.schedule.JobStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only dashboard of {@code serve}: the jobs, the runs and each run's files, as pages for
 * people and as the same JSON the command line prints ({@code /api/jobs}, {@code /api/runs},
 * {@code /api/runs/ID}). It never changes anything, and shows no password.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private static final Pattern RUN = Pattern.compile("/(api/)?runs/(\\d+)");
    private static final int RECENT_RUNS = 50;

    private final HttpServer server;
    private final ExecutorService threads;
    private final Database database;
    private final Path jobsDirectory;

    private Dashboard(HttpServer server, ExecutorService threads, Database database, Path jobsDirectory) {
        this.server = server;
        this.threads = threads;
        this.database = database;
        this.jobsDirectory = jobsDirectory;
    }

    /** @throws IOException when the address cannot be listened on (in use, not local) */
    public static Dashboard start(InetSocketAddress address, Database database, Path jobsDirectory) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService threads = Executors.newFixedThreadPool(2, new NamedThreadFactory("filesync-dashboard", true));
        Dashboard dashboard = new Dashboard(server, threads, database, jobsDirectory);
        server.createContext("/", dashboard::handle);
        server.setExecutor(threads);
        server.start();
        return dashboard;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain", "the dashboard is read-only");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher run = RUN.matcher(path);
            if (path.equals("/")) {
                send(exchange, 200, "text/html", DashboardPages.overview(jobs(), runs(null, RECENT_RUNS)));
            } else if (path.equals("/api/jobs")) {
                json(exchange, jobs());
            } else if (path.equals("/api/runs")) {
                Map<String, String> query = query(exchange);
                json(exchange, runs(query.get("job"), limit(query.get("limit"))));
            } else if (run.matches()) {
                showRun(exchange, Long.parseLong(run.group(2)), run.group(1) != null);
            } else {
                send(exchange, 404, "text/plain", "no such page");
            }
        } catch (RuntimeException e) {
            log.warn("dashboard: {} failed: {}", exchange.getRequestURI(), e.getMessage());
            send(exchange, 500, "text/plain", "the history could not be read; see the log");
        }
    }

    private void showRun(HttpExchange exchange, long runId, boolean asJson) throws IOException {
        RunDetails details = new RunHistory(database.jdbc()).details(runId).orElse(null);
        if (details == null) {
            send(exchange, 404, "text/plain", "no run with id " + runId);
        } else if (asJson) {
            json(exchange, details);
        } else {
            send(exchange, 200, "text/html", DashboardPages.run(details.run(), details.transfers()));
        }
    }

    private List<JobStatus> jobs() {
        return JobStatuses.read(JobCatalog.load(jobsDirectory), database);
    }

    private List<RunRecord> runs(String job, int limit) {
        return new RunHistory(database.jdbc()).recentRuns(job, limit);
    }

    private static int limit(String text) {
        try {
            return text == null ? 20 : Math.max(1, Math.min(1000, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 20;
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void json(HttpExchange exchange, Object document) throws IOException {
        send(exchange, 200, "application/json", HistoryJson.mapper().writeValueAsString(document));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
