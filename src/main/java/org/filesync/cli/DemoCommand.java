package org.filesync.cli;

import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.filesync.history.RunTrigger;
import org.filesync.batch.MirrorRunner;
import org.filesync.demo.EmbeddedFtpServer;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.history.Database;
import org.filesync.history.JobAlreadyRunningException;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunRecord;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobDefinition;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.mirror.StopRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The first thing a new user runs: serves a generated sample tree from a built-in FTP server on a
 * free loopback port, mirrors it into {@code ./demo-mirror} with an ordinary job file, runs it a
 * second time to show that an unchanged tree moves nothing, and prints the history.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run a sample job against a built-in local FTP server.")
final class DemoCommand implements Callable<Integer> {

    @picocli.CommandLine.ParentCommand
    FilesyncCommand root;

    @Option(names = "--target", paramLabel = "DIR", description = "where to mirror to (default: ./demo-mirror)")
    Path target = Path.of("demo-mirror");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException, JobAlreadyRunningException {
        Path work = Files.createTempDirectory("filesync-demo");
        try {
            return demo(work);
        } finally {
            deleteTree(work);
        }
    }

    private int demo(Path work) throws IOException, InterruptedException, JobAlreadyRunningException {
        PrintWriter out = spec.commandLine().getOut();
        Path served = SampleTree.create(work.resolve("served"));
        String password = UUID.randomUUID().toString();
        Files.writeString(work.resolve("demo.password"), password);
        try (EmbeddedFtpServer server = EmbeddedFtpServer.start(served, "demo", password)) {
            Path jobs = Files.createDirectories(work.resolve("jobs"));
            Files.writeString(jobs.resolve("demo.yaml"), String.join("\n",
                    "description: Mirror the demo server's sample tree",
                    "direction: download",
                    "remote:",
                    "  url: ftp://demo@127.0.0.1:" + server.port() + "/",
                    "  passwordFile: ../demo.password",
                    "local:",
                    "  path: " + target.toAbsolutePath(),
                    "parallel: 4",
                    "exclude: [\"**/.*\"]",
                    ""), StandardCharsets.UTF_8);
            JobCatalog catalog = JobCatalog.load(jobs);
            JobDefinition job = RunCommand.findJob(catalog, "demo");
            out.printf("demo: FTP server on 127.0.0.1:%d serving a generated sample tree%n%n", server.port());
            out.flush();

            try (Database db = root.options.openDatabase(job.parallel() + 4)) {
                MirrorRunner runner = new MirrorRunner(db, CommonsNetSessionFactory::new, NodeIdentity.current(null),
                        new FilesyncMeters(Metrics.globalRegistry));
                RunRecord first;
                RunRecord second;
                try (ConsoleProgress progress = new ConsoleProgress(job.name(), System.err, System.console() != null)) {
                    first = runner.run(job, RunTrigger.manual(CliUser.actor()), progress, new StopRequest());
                }
                RunSummary.print(out, first);
                out.println("\ndemo: running it again — an unchanged tree moves nothing:");
                try (ConsoleProgress progress = new ConsoleProgress(job.name(), System.err, false)) {
                    second = runner.run(job, RunTrigger.manual(CliUser.actor()), progress, new StopRequest());
                }
                RunSummary.print(out, second);
                out.printf("%ndemo: the mirror is in %s; the history of this job:%n%n", target.toAbsolutePath());
                out.flush();
                HistoryCommand.printRuns(out, new org.filesync.history.RunHistory(db.jdbc()).recentRuns("demo", 5));
                out.printf("%ntry: scripts/filesync show %d     (every file of the first run)%n", first.runId());
                out.flush();
                return first.status() == org.filesync.history.RunStatus.COMPLETED ? ExitCode.OK : ExitCode.FAILED;
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The generated tree the demo serves: nested folders, an empty file and folder, UTF-8 and spaces, a few MB. */
    static final class SampleTree {

        private SampleTree() {
        }

        static Path create(Path root) throws IOException {
            Random random = new Random(42);
            Files.createDirectories(root.resolve("releases/1.0"));
            Files.createDirectories(root.resolve("releases/1.1"));
            Files.createDirectories(root.resolve("docs/guides"));
            Files.createDirectories(root.resolve("empty folder"));
            write(root.resolve("README.txt"), "filesync demo tree\n".getBytes(StandardCharsets.UTF_8));
            write(root.resolve("docs/guides/getting started.md"), "# Getting started\n".getBytes(StandardCharsets.UTF_8));
            write(root.resolve("docs/Übersicht – café.txt"), "UTF-8 names work too\n".getBytes(StandardCharsets.UTF_8));
            write(root.resolve("docs/empty.txt"), new byte[0]);
            for (String version : new String[] {"1.0", "1.1"}) {
                byte[] archive = new byte[3 << 20];
                random.nextBytes(archive);
                write(root.resolve("releases/" + version + "/app-" + version + ".tar.gz"), archive);
                write(root.resolve("releases/" + version + "/app-" + version + ".sha256"),
                        ("checksum of app-" + version + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 40; i++) {
                byte[] data = new byte[random.nextInt(64 << 10)];
                random.nextBytes(data);
                write(root.resolve(String.format("docs/page-%02d.html", i)), data);
            }
            return root;
        }

        private static void write(Path file, byte[] content) throws IOException {
            Files.write(file, content);
        }
    }
}
