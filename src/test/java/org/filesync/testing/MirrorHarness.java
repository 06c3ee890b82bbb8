package org.filesync.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.filesync.history.RunTrigger;
import org.filesync.batch.MirrorRunner;
import org.filesync.batch.RunProgress;
import org.filesync.ftp.AddressText;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.history.Database;
import org.filesync.history.DatabaseSettings;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.TransferRecord;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobDefinition;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.mirror.StopRequest;

/**
 * Runs mirror jobs in-process against a real FTP server and a real H2 database in a temporary
 * folder: job files are written as an operator would write them, with the password coming
 * from the environment.
 */
public final class MirrorHarness implements AutoCloseable {

    private final Path dir;
    private final Database database;
    private final MirrorRunner runner;

    public MirrorHarness(Path dir) {
        this.dir = dir;
        this.database = Database.open(DatabaseSettings.resolve(
                "jdbc:h2:file:" + dir.resolve("db/filesync") + ";AUTO_SERVER=TRUE", Map.of()), 12);
        this.runner = new MirrorRunner(database, CommonsNetSessionFactory::new, NodeIdentity.current(null),
                new FilesyncMeters(new SimpleMeterRegistry()));
    }

    public Path dir() {
        return dir;
    }

    public String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("db/filesync") + ";AUTO_SERVER=TRUE";
    }

    /**
     * A job named {@code name} against {@code server} (or whatever listens at {@code port} in front
     * of it), mirroring {@code remoteFolder} below the server's test root and {@code local}.
     * Extra lines that start with two spaces go into the {@code remote:} section, replacing the
     * harness's default for the same key.
     */
    public JobDefinition job(String name, FtpServerFixture server, int port, String direction, String remoteFolder,
                             Path local, String... extraLines) {
        return job(name, server.username(), server.password(), server.host(), port, server.remote(remoteFolder),
                direction, local, extraLines);
    }

    public JobDefinition job(String name, FtpServerFixture server, String direction, String remoteFolder, Path local,
                             String... extraLines) {
        return job(name, server, server.port(), direction, remoteFolder, local, extraLines);
    }

    /** A job against any server at 127.0.0.1:{@code port}; {@code remotePath} as the server names it. */
    public JobDefinition job(String name, String user, String password, int port, String remotePath, String direction,
                             Path local, String... extraLines) {
        return job(name, user, password, "127.0.0.1", port, remotePath, direction, local, extraLines);
    }

    private JobDefinition job(String name, String user, String password, String host, int port, String remotePath,
                              String direction, Path local, String... extraLines) {
        List<String> lines = new ArrayList<>(List.of(
                "direction: " + direction,
                "remote:",
                "  url: ftp://" + user + "@" + AddressText.hostAndPort(host, port) + "/" + JobFiles.urlPath(remotePath),
                "  password: ${TEST_FTP_PASSWORD}",
                "  connectTimeout: 5s",
                "  idleTimeout: 10s",
                "local:",
                "  path: " + local.toAbsolutePath()));
        List<String> extra = Arrays.asList(extraLines);
        // an extra remote line replaces the default of the same key
        lines.removeIf(line -> line.startsWith("  ") && extra.stream()
                .anyMatch(other -> other.startsWith(line.substring(0, line.indexOf(':') + 1))));
        lines.addAll(lines.indexOf("local:"), extra.stream().filter(line -> line.startsWith("  ")).toList());
        lines.addAll(extra.stream().filter(line -> !line.startsWith("  ")).toList());
        Path jobs = dir.resolve("jobs");
        JobFiles.write(jobs, name + ".yaml", lines.toArray(String[]::new));
        JobCatalog catalog = JobCatalog.load(jobs, Map.of("TEST_FTP_PASSWORD", password)::get);
        return catalog.find(name).orElseThrow(() -> new AssertionError("job file invalid: " + catalog.errors()));
    }

    public RunRecord run(JobDefinition job) throws Exception {
        return runner.run(job, RunTrigger.manual("tester"), RunProgress.NONE, new StopRequest());
    }

    public MirrorRunner runner() {
        return runner;
    }

    public List<TransferRecord> transfers(long runId) {
        return new RunHistory(database.jdbc()).transfers(runId);
    }

    public TransferRecord transfer(long runId, String path) {
        return transfers(runId).stream().filter(transfer -> transfer.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no transfer of " + path + " in run " + runId));
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }

    /** Every regular file below {@code root} with its content, relative path first: for byte-for-byte comparison. */
    public static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** Folders below {@code root}, relative. */
    public static List<String> folders(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isDirectory).filter(path -> !path.equals(root))
                    .map(path -> root.relativize(path).toString()).sorted().toList();
        }
    }
}
